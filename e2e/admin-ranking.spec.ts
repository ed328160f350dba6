import { expect, test, type Page } from "@playwright/test";
import { useLanguage } from "./accounts";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { en, kk } from "./messages";

/**
 * The ranking of the demo data's closed call (last year's Бизнес бастау), found through /admin/calls.
 * Other specs screen and assign on the same call at the same time, so only what holds whatever they did
 * first is asserted: some row has reviews and scores, and each order's ranks are 1..n without gaps.
 */
async function closedCallId(page: Page): Promise<string> {
  await page.goto("/admin/calls");
  // Latest deadline first: the last Бизнес бастау call in the list is last year's closed one.
  const link = page.getByTestId("call-link").filter({ hasText: /^(Бизнес бастау — \d{4} жылғы конкурс|Бизнес бастау — конкурс \d{4} года|Biznes bastau — \d{4} call)$/ }).last();
  const id = await link.getAttribute("data-call-id");
  if (!id) throw new Error("no closed Бизнес бастау call in /admin/calls");
  return id;
}

async function ranks(page: Page, testId: "raw-rank" | "normalised-rank"): Promise<number[]> {
  return (await page.getByTestId(testId).allInnerTexts()).map(Number);
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test.describe("admin ranking", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the admin sees raw and normalised scores with both ranks and the method, and switches to raw order", async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    await page.goto(`/admin/calls/${callId}`);
    await page.getByTestId("ranking-link").click();
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${callId}/ranking$`));
    const t = kk.AdminRanking;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByRole("heading", { name: t.methodTitle })).toBeVisible();
    await expect(page.getByTestId("ranking-method")).toContainText("z-");
    await expect(page.getByTestId("figure-threshold")).toHaveText("100 ұпайдың 30");
    // The wide table scrolls in its own labelled region; the page does not scroll sideways.
    await expect(page.getByRole("region", { name: /Рейтингтегі өтінімдер/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const counts = (await page.getByTestId("review-count").allInnerTexts()).map(Number);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.some((c) => c > 0)).toBe(true);
    const reviewed = page.getByRole("row").filter({ has: page.getByTestId("review-count").filter({ hasNotText: /^0$/ }) }).first();
    await expect(reviewed.getByTestId("raw-score")).toHaveText(/^\d/);
    await expect(reviewed.getByTestId("normalised-score")).toHaveText(/^\d/);

    // Default order: by normalised rank, 1..n.
    expect(await ranks(page, "normalised-rank")).toEqual(oneToN(counts.length));
    expect([...(await ranks(page, "raw-rank"))].sort((a, b) => a - b)).toEqual(oneToN(counts.length));
    await expect(page.getByTestId("sort-normalised")).toHaveAttribute("aria-current", "page");

    // Raw order through the toggle link (keyboard: focus and Enter).
    await page.getByTestId("sort-raw").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?sort=raw$/);
    await expect(page.getByTestId("sort-raw")).toHaveAttribute("aria-current", "page");
    const raw = await ranks(page, "raw-rank");
    expect(raw).toEqual(oneToN(raw.length));
  });

  test("the method paragraph is in English too", async ({ page, context, baseURL }) => {
    await useLanguage(context, baseURL!, "en");
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    await page.goto(`/admin/calls/${callId}/ranking`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.AdminRanking.title);
    await expect(page.getByTestId("ranking-method")).toContainText("z-score");
    await expect(page.getByRole("columnheader", { name: en.AdminRanking.colNormalised })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: en.AdminRanking.colRaw })).toBeVisible();
  });

  test("a reviewer opening the ranking gets 403", async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    // The reviewer gets a browser of their own: clearing the admin's cookies here would race with the
    // admin page's link prefetches, whose responses refresh the session cookie.
    const reviewer = await signedInContext(browser, ACCOUNTS.reviewer);
    try {
      const response = await reviewer.page.goto(`/admin/calls/${callId}/ranking`);
      expect(response?.status()).toBe(403);
      await expect(reviewer.page.getByTestId("ranking-method")).toHaveCount(0);
    } finally {
      await reviewer.context.close();
    }
  });
});
