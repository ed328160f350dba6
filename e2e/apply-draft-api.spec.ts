import { expect, request, test } from "@playwright/test";
import { applicantWithDraft } from "./apply-helpers";

// The autosave route as a load benchmark (or a keepalive request) calls it: JSON in, JSON out.
test("PUT /api/applications/:id/draft: saves with the version, refuses a stale version, bad input and a foreign origin", async ({ page, baseURL }) => {
  const { applicationId } = await applicantWithDraft(page);
  const url = `/api/applications/${applicationId}/draft`;
  const headers = { "Content-Type": "application/json", Origin: baseURL! };

  const ok = await page.request.put(url, { headers, data: { version: 1, data: { idea: { idea: "  Наубайхана  " } } } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toEqual({ ok: true, version: 2, savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

  const stale = await page.request.put(url, { headers, data: { version: 1, data: { idea: { idea: "old tab" } } } });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toEqual({ ok: false, code: "conflict", version: 2 });

  const invalid = await page.request.put(url, { headers, data: { version: 2, data: { jobs: { jobsCreated: -3 } } } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({ ok: false, code: "invalid", issues: [{ path: "jobs.jobsCreated", message: "numberInvalid" }] });

  const malformed = await page.request.put(url, { headers, data: "{not json" });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ ok: false, code: "bad_request" });

  const foreign = await page.request.put(url, { headers: { ...headers, Origin: "https://evil.example" }, data: { version: 2, data: {} } });
  expect(foreign.status()).toBe(403);

  const signedOut = await request.newContext({ baseURL });
  try {
    const r = await signedOut.put(url, { headers, data: { version: 2, data: {} } });
    expect(r.status()).toBe(401);
    expect(await r.json()).toEqual({ ok: false, code: "unauthenticated" });
  } finally {
    await signedOut.dispose();
  }

  // The wizard shows what was saved through the route.
  await page.goto(`/my/applications/${applicationId}/edit?step=idea`);
  await expect(page.locator("#f-idea-idea")).toHaveValue("Наубайхана");
});
