import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./fixtures";
import { PASSWORD, PDF, applicantWithDraft, openBusinessCallId, registerApplicant } from "./apply-helpers";
import { kk } from "./messages";

test("an applicant too old for Бизнес бастау sees the reason and no form", async ({ page }) => {
  await registerApplicant(page, { lang: "kk", age: 40 });
  const callId = await openBusinessCallId(page);
  await page.goto(`/calls/${callId}/apply`);
  await expect(page.getByTestId("apply-ineligible")).toBeVisible();
  const reason = page.locator('[data-reason="age_above"]');
  await expect(reason).toHaveText(/35/);
  const template = kk.Eligibility.age_above.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("{age}", "\\d+").replace("{maxAge}", "35");
  await expect(reason).toHaveText(new RegExp(`^${template}$`));
  await expect(page.getByTestId("apply-form")).toHaveCount(0);
  await expect(page.locator("#certificateNumber")).toHaveCount(0);
});

test("signed out, the apply page leads to sign-in and back", async ({ page }) => {
  const callId = await openBusinessCallId(page);
  await page.goto(`/calls/${callId}/apply`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/calls/${callId}/apply`)}$`));
});

test("attachments: a renamed .exe and a file over 10 MB are refused, a sixth file is not accepted", async ({ page }) => {
  test.setTimeout(60_000);
  const { applicationId } = await applicantWithDraft(page);
  await page.goto(`/my/applications/${applicationId}/edit?step=attachments`);
  const input = page.getByTestId("attachment-input");
  await input.setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(2048, 1)]) });
  await expect(page.getByTestId("upload-error")).toHaveAttribute("data-code", "type_not_allowed");
  await expect(page.getByTestId("upload-error")).toHaveText(kk.Wizard.uploadErrors.type_not_allowed);
  await expect(page.getByTestId("attachment")).toHaveCount(0);

  await input.setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 32)]) });
  await expect(page.getByTestId("upload-error")).toHaveAttribute("data-code", "too_large");
  await expect(page.getByTestId("upload-error")).toHaveText(kk.Wizard.uploadErrors.too_large);

  for (let i = 1; i <= 5; i++) {
    await input.setInputFiles({ name: `quote-${i}.pdf`, mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByTestId("attachment")).toHaveCount(i);
  }
  await expect(page.getByTestId("attachments-full")).toHaveText(kk.Wizard.uploadErrors.too_many);
  await expect(input).toBeDisabled();
  // The server refuses a sixth one too.
  const status = await page.evaluate(async (id) => {
    const r = await fetch(`/api/files?applicationId=${id}`, { method: "POST", headers: { "X-File-Name": "six.pdf" }, body: "%PDF-1.4 six" });
    return { status: r.status, body: await r.json() };
  }, applicationId);
  expect(status).toEqual({ status: 409, body: { ok: false, code: "too_many" } });
  // Delete while a draft.
  await page.getByTestId("attachment-delete").first().click();
  await expect(page.getByTestId("attachment")).toHaveCount(4);
  await expect(input).toBeEnabled();
});

test("a stale second tab's save shows the conflict and overwrites nothing; someone else's draft answers 404", async ({ page, context, browser }) => {
  test.setTimeout(60_000);
  const { applicationId } = await applicantWithDraft(page);
  const url = `/my/applications/${applicationId}/edit?step=idea`;
  await page.goto(url);
  const second = await context.newPage();
  await second.goto(url);

  await page.locator("#f-idea-idea").fill("Бірінші қойындыдағы мәтін");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

  await second.locator("#f-idea-idea").fill("Ескі қойындыдағы мәтін");
  await expect(second.getByTestId("save-conflict")).toBeVisible({ timeout: 10_000 });
  await expect(second.getByTestId("save-status")).toContainText(kk.Wizard.conflict);
  await second.getByRole("button", { name: kk.Wizard.reload }).click();
  await expect(second.locator("#f-idea-idea")).toHaveValue("Бірінші қойындыдағы мәтін");
  await second.close();

  // Another applicant: the page and the autosave route both answer 404.
  const other = await browser.newContext();
  try {
    const p = await other.newPage();
    await p.goto("/sign-in");
    await p.locator("#email").fill(ACCOUNTS.applicant);
    await p.locator("#password").fill(DEMO_PASSWORD);
    await p.getByTestId("sign-in-form").locator('button[type="submit"]').click();
    await expect(p.getByTestId("area-heading")).toBeVisible();
    const res = await p.goto(`/my/applications/${applicationId}/edit`);
    expect(res?.status()).toBe(404);
    const put = await p.evaluate(async (id) => {
      const r = await fetch(`/api/applications/${id}/draft`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ version: 2, data: { idea: { idea: "hijack" } } }) });
      return { status: r.status, body: await r.json() };
    }, applicationId);
    expect(put).toEqual({ status: 404, body: { ok: false, code: "not_found" } });
  } finally {
    await other.close();
  }
  await page.reload();
  await expect(page.locator("#f-idea-idea")).toHaveValue("Бірінші қойындыдағы мәтін");
});

test("text typed after the session ended is kept and saved after signing in again", async ({ page, context }) => {
  test.setTimeout(60_000);
  const { email, applicationId } = await applicantWithDraft(page);
  await page.goto(`/my/applications/${applicationId}/edit?step=team`);
  await context.clearCookies();
  await page.locator("#f-team-team").fill("Сеанс біткеннен кейін жазылған мәтін");
  await expect(page.getByTestId("save-signed-out")).toBeVisible({ timeout: 10_000 });
  await page.getByRole("link", { name: kk.Wizard.signInAgain }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/my/applications/${applicationId}/edit\\?step=team$`));
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "restored", { timeout: 10_000 });
  // Another device (a fresh load from the server) continues where it stopped.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator("#f-team-team")).toHaveValue("Сеанс біткеннен кейін жазылған мәтін");
  // A copy kept from an older version is not put over newer text, and the person is told.
  await page.evaluate((id) => localStorage.setItem(`jg-draft:${id}`, JSON.stringify({ version: 1, data: { team: { team: "ескі көшірме" } } })), applicationId);
  await page.reload();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "discarded");
  await expect(page.getByTestId("save-status")).toHaveText(kk.Wizard.save.discarded);
  await expect(page.locator("#f-team-team")).toHaveValue("Сеанс біткеннен кейін жазылған мәтін");
});

test("review lists what is missing with links to the steps; submitting unverified is refused with a way to resend", async ({ page }) => {
  test.setTimeout(60_000);
  const { applicationId } = await applicantWithDraft(page);
  await page.goto(`/my/applications/${applicationId}/edit?step=review`);
  const issues = page.getByTestId("review-issues");
  await expect(issues).toBeVisible();
  await expect(issues.getByRole("link").first()).toHaveText(new RegExp(kk.Validation.fieldRequired.replace(/[.]/g, "\\.")));
  await page.getByTestId("submit-application").click();
  await expect(page.getByTestId("submit-error")).toHaveAttribute("data-code", "email_unverified");
  await expect(page.getByTestId("submit-error")).toContainText(kk.Wizard.submitEmailUnverified);
  await expect(page.getByTestId("resend-link")).toHaveAttribute("href", "/my");
  // A link of the list leads to the step with the field focused and its message shown.
  await issues.getByRole("link").first().click();
  await expect(page).toHaveURL(/\?step=idea$/);
  await expect(page.locator("#f-idea-idea")).toBeFocused();
  await expect(page.locator("#f-idea-idea-error")).toHaveText(kk.Validation.fieldRequired);
});

test("Тәуелсіздік ұрпақтары: a direction, a monthly plan and a budget, rendered from the programme's sections", async ({ page }) => {
  test.setTimeout(60_000);
  await registerApplicant(page, { lang: "kk" });
  await page.goto("/");
  const card = page.locator('[data-testid="open-call"][data-programme="tauelsizdik_urpaqtary"]').first();
  const callId = /^call-(.+)-title$/.exec((await card.getAttribute("aria-labelledby")) ?? "")![1];
  await page.goto(`/calls/${callId}/apply`);
  await expect(page.locator("#certificateNumber")).toHaveCount(0);
  await page.getByTestId("apply-start").click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByTestId("step-direction")).toBeVisible();
  await page.locator("#f-direction-direction").selectOption("it");
  await page.getByTestId("step-indicator").locator("summary").click();
  await page.getByTestId("step-link-plan").click();
  await expect(page.getByTestId("step-plan")).toBeVisible();
  await page.locator("#f-plan-months-0-month").selectOption("2");
  await page.locator("#f-plan-months-0-activity").fill("Мобильді қосымшаның прототипі");
  await page.getByRole("button", { name: kk.Wizard.planAdd }).click();
  await expect(page.locator("#f-plan-months-1-activity")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await page.reload();
  await expect(page.locator("#f-plan-months-0-activity")).toHaveValue("Мобильді қосымшаның прототипі");
  await page.getByTestId("step-indicator").locator("summary").click();
  await page.getByTestId("step-link-direction").click();
  await expect(page.locator("#f-direction-direction")).toHaveValue("it");
});

test("leaving the page right after typing still saves (keepalive on pagehide)", async ({ page }) => {
  const { applicationId } = await applicantWithDraft(page);
  await page.goto(`/my/applications/${applicationId}/edit?step=marketing`);
  await page.locator("#f-marketing-marketing").fill("Бетті бірден жапсам да сақталуы керек");
  // Well within the autosave delay: the page is left before the timer fires.
  await page.goto("/my");
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/my/applications/${applicationId}/edit?step=marketing`);
  await expect(page.locator("#f-marketing-marketing")).toHaveValue("Бетті бірден жапсам да сақталуы керек");
});
