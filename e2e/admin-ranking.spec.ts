import { expect, test, type Page } from "@playwright/test";
import { useLanguage } from "./accounts";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { en, kk } from "./messages";

/**
 * The ranking of the demo data's closed call (last year's Бизнес бастау), found through /admin/calls.
 * Other specs screen and assign on the same call at the same time, so only what holds whatever they did
 * first is asserted: some row has reviews and scores, and each order's ranks run on without gaps from the
 * page's first row ("showing X–Y of N"; the demo call has fewer than 50 rows, so one page holds them all).
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
const fromTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The page's "showing X–Y of N" line, as numbers. */
async function range(page: Page): Promise<{ from: number; to: number; total: number; page: number }> {
  const el = page.getByTestId("ranking-range");
  const [from, to, total, current] = await Promise.all(["data-from", "data-to", "data-total", "data-page"].map((a) => el.getAttribute(a)));
  return { from: Number(from), to: Number(to), total: Number(total), page: Number(current) };
}

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

    // Default order: by normalised rank, the first page's rows 1..n ("showing 1–n of N").
    const first = await range(page);
    expect(first).toMatchObject({ from: 1, to: counts.length, page: 1 });
    expect(first.total).toBeGreaterThanOrEqual(counts.length);
    await expect(page.getByTestId("ranking-range")).toHaveText(
      t.showing.replace("{from}", "1").replace("{to}", String(counts.length)).replace("{total}", String(first.total)),
    );
    expect(await ranks(page, "normalised-rank")).toEqual(oneToN(counts.length));
    const rawOnPage = [...(await ranks(page, "raw-rank"))].sort((a, b) => a - b);
    expect(new Set(rawOnPage).size).toBe(rawOnPage.length);
    expect(rawOnPage.every((r) => r >= 1 && r <= first.total)).toBe(true);
    if (first.total === counts.length) {
      // One page holds the whole call: its raw ranks are 1..n too, and there is no page navigation.
      expect(rawOnPage).toEqual(oneToN(counts.length));
      await expect(page.getByTestId("ranking-pages")).toHaveCount(0);
    } else {
      await expect(page.getByRole("navigation", { name: t.pagination }).locator('[aria-current="page"]')).toHaveText("1");
    }
    await expect(page.getByTestId("sort-normalised")).toHaveAttribute("aria-current", "page");

    // A page past the last one shows the last page (for the demo call: the one page). Other specs may
    // pass an application into review meanwhile, so the total is read again.
    await page.goto(`/admin/calls/${callId}/ranking?page=${Math.ceil(first.total / 50) + 5}`);
    const past = await range(page);
    expect(past.page).toBe(Math.ceil(past.total / 50));
    expect(past.to).toBe(past.total);
    expect(await ranks(page, "normalised-rank")).toEqual(fromTo(past.from, past.to));
    await page.goto(`/admin/calls/${callId}/ranking`);

    // Raw order through the toggle link (keyboard: focus and Enter).
    await page.getByTestId("sort-raw").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?sort=raw$/);
    await expect(page.getByTestId("sort-raw")).toHaveAttribute("aria-current", "page");
    const raw = await ranks(page, "raw-rank");
    expect(raw).toEqual(oneToN(raw.length));
    expect(await range(page)).toMatchObject({ from: 1, to: raw.length, page: 1 });
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
