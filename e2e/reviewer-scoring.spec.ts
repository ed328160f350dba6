import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectNoHorizontalScroll } from "./accounts";
import { ACCOUNTS, signIn } from "./fixtures";
import { kk } from "./messages";
import { addReviewer, demoApp, newReviewer } from "./reviewers";

/**
 * Scoring on the demo data's closed call. Each test creates its own reviewers (the admin's pages and the
 * set-password mail) and adds them as extra reviewers to the call's in-review application outside the
 * Uighur district, which keeps its demo reviewers: reviewer1's review there is submitted, reviewer2's is a
 * draft and reviewer3 has not started, so nothing here completes the application for the other specs.
 */
const t = kk.Scoring;
const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

/** Press Tab (or Shift+Tab) until the focused element has this test id. */
async function tabTo(page: Page, testId: string, back = false): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === testId) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${testId}`);
}

async function contexts(browser: Browser, baseURL: string, n: number): Promise<BrowserContext[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => browser.newContext({ baseURL, viewport: i === 0 ? { width: 1280, height: 800 } : { width: 360, height: 800 } })));
}

/** Open the application from the reviewer's queue (the "Read and score" link). */
async function openFromQueue(page: Page, reference: string): Promise<void> {
  await page.goto("/review");
  await page.locator(`[data-testid="queue-item"][data-reference="${reference}"]`).getByTestId("open-review").click();
  await expect(page.getByTestId("review-page")).toHaveAttribute("data-reference", reference);
}

/** Score every criterion with the mouse (the other reviewers of a test) and submit. */
async function scoreAndSubmit(page: Page, scores: number[], comment: string): Promise<void> {
  for (const [i, s] of scores.entries()) await page.getByTestId(`score-${i}-${s}`).check({ force: true });
  await page.getByTestId("overall-comment").fill(comment);
  await page.getByTestId("submit-review").click();
  await page.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("submitted-review")).toBeVisible();
}

test.describe("reviewer scoring", () => {
  test("a reviewer reads the plan blind and scores it with the keyboard only; the draft survives a reload", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const { callId, reference, allNames } = await demoApp();
    const [adminContext, reviewerContext] = await contexts(browser, baseURL!, 2);
    try {
      const admin = await adminContext.newPage();
      const reviewer = await reviewerContext.newPage();
      await signIn(admin, ACCOUNTS.admin);
      const name = await newReviewer(admin, reviewer, "Бақыт");
      await addReviewer(admin, callId, reference, name);

      // From the queue to the application with the keyboard: Tab to the link, Enter.
      await reviewer.goto("/review");
      await reviewer.keyboard.press("Tab");
      await tabTo(reviewer, "open-review");
      await reviewer.keyboard.press("Enter");
      const page = reviewer.getByTestId("review-page");
      await expect(page).toHaveAttribute("data-reference", reference);
      await expect(page).toHaveAttribute("data-review-status", "none");

      // Blind: no applicant's name anywhere; the district and the forecast's computed indicators are there.
      const text = await reviewer.locator("main").innerText();
      for (const n of allNames) expect(text).not.toContain(n);
      await expect(reviewer.getByTestId("review-district")).not.toBeEmpty();
      await expect(reviewer.getByText(kk.Forecast.breakEvenMonth).first()).toBeVisible();
      await expect(reviewer.getByTestId("others-hidden")).toHaveText(t.othersHidden);
      await expect(reviewer.getByTestId("other-reviews")).toHaveCount(0);
      await expectNoHorizontalScroll(reviewer);

      // Criteria 1 and 2 by keyboard: Tab into the radio group, Space picks the lowest, arrows move up.
      const scores = [8, 6, 7, 5, 9];
      const pick = async (i: number) => {
        await tabTo(reviewer, `score-${i}-0`);
        await reviewer.keyboard.press("Space");
        for (let k = 0; k < scores[i]; k++) await reviewer.keyboard.press("ArrowRight");
        await expect(reviewer.getByTestId(`score-${i}-${scores[i]}`)).toBeChecked();
      };
      await pick(0);
      await reviewer.keyboard.press("Tab");
      await reviewer.keyboard.type("Сұраныс жоғары");
      await pick(1);
      await expect(reviewer.getByTestId("scored-count")).toHaveText(fill(t.progress, { scored: 2, total: 5 }));
      await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

      // The autosaved draft is there after a reload.
      await reviewer.reload();
      await expect(page).toHaveAttribute("data-review-status", "draft");
      await expect(reviewer.getByTestId("score-0-8")).toBeChecked();
      await expect(reviewer.getByTestId("score-1-6")).toBeChecked();
      await expect(reviewer.getByTestId("criterion").first().locator("textarea")).toHaveValue("Сұраныс жоғары");

      // Submitting too early: the error summary takes focus and names what is missing.
      await tabTo(reviewer, "submit-review");
      await reviewer.keyboard.press("Enter");
      const summary = reviewer.getByTestId("error-summary");
      await expect(summary).toBeFocused();
      await expect(summary).toContainText(kk.Validation.reviewScoreRequired);
      await expect(summary).toContainText(kk.Validation.reviewOverallRequired);

      // The remaining criteria and the overall comment, still by keyboard (Tab on from the summary).
      for (const i of [2, 3, 4]) await pick(i);
      await tabTo(reviewer, "overall-comment");
      const comment = `Жоспар нақты, қаржылық болжамы сенімді ${Date.now()}`;
      await reviewer.keyboard.type(comment);
      await expect(reviewer.getByTestId("total-preview")).toHaveText(fill(t.totalPreview, { total: 70, outOf: 100 }));
      await tabTo(reviewer, "submit-review");
      await reviewer.keyboard.press("Enter");
      const dialog = reviewer.getByTestId("submit-dialog");
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(fill(t.confirmBody, { total: 70, outOf: 100 }));
      await tabTo(reviewer, "confirm-submit");
      await reviewer.keyboard.press("Enter");

      // Locked, with my total; only now the others' submitted scores appear, without names.
      await expect(reviewer.getByTestId("submitted-review")).toBeVisible();
      await expect(reviewer.getByTestId("toast").filter({ hasText: fill(t.submitted, { reference }) })).toBeVisible();
      await expect(reviewer.getByTestId("my-total")).toHaveText(fill(t.totalPreview, { total: 70, outOf: 100 }));
      await expect(reviewer.getByTestId("scoring-form")).toHaveCount(0);
      await expect(reviewer.getByTestId("other-reviews")).toBeVisible();
      expect(await reviewer.getByTestId("other-total").count()).toBeGreaterThanOrEqual(1);
      await expect(reviewer.getByTestId("other-reviews")).toContainText(fill(t.reviewerN, { n: 1 }));
      await expectNoHorizontalScroll(reviewer);

      // The queue lists it as done.
      await reviewer.goto("/review");
      await expect(reviewer.getByTestId("queue-done").locator(`[data-testid="queue-item"][data-reference="${reference}"]`)).toBeVisible();
    } finally {
      await adminContext.close();
      await reviewerContext.close();
    }
  });

  test("three reviewers score one application; none sees another's scores before submitting; the admin ranks it", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const { callId, reference } = await demoApp();
    const [adminContext, ...ctx] = await contexts(browser, baseURL!, 4);
    try {
      const admin = await adminContext.newPage();
      const [one, two, three] = await Promise.all(ctx.map((c) => c.newPage()));
      await signIn(admin, ACCOUNTS.admin);
      const names = [await newReviewer(admin, one, "Дәурен"), await newReviewer(admin, two, "Мәдина"), await newReviewer(admin, three, "Асхат")];
      for (const n of names) await addReviewer(admin, callId, reference, n);

      const firstComment = `Бірінші сарапшының пікірі ${Date.now()}`;
      await openFromQueue(one, reference);
      await scoreAndSubmit(one, [9, 9, 8, 7, 9], firstComment);
      // 9,9,8,7,9 on weights 25/25/20/15/15 out of 100: 22.5 + 22.5 + 16 + 10.5 + 13.5 = 85.
      await expect(one.getByTestId("my-total")).toHaveText(fill(t.totalPreview, { total: 85, outOf: 100 }));

      // The second reviewer, before submitting: no other reviewer's scores, comment or total in the page
      // (not even hidden in the HTML), only the note that they stay hidden.
      await openFromQueue(two, reference);
      await expect(two.getByTestId("others-hidden")).toBeVisible();
      await expect(two.getByTestId("other-reviews")).toHaveCount(0);
      const html = await two.content();
      expect(html).not.toContain(firstComment);
      expect(html).not.toContain("other-total");
      await scoreAndSubmit(two, [3, 4, 3, 2, 4], `Екінші сарапшы: нарық талдауы әлсіз ${Date.now()}`);
      // After submitting, the first reviewer's scores are among the others'.
      expect(await two.getByTestId("other-total").count()).toBeGreaterThanOrEqual(2);
      await expect(two.getByTestId("other-total").filter({ hasText: /^85$/ })).toHaveCount(1);

      await openFromQueue(three, reference);
      await expect(three.getByTestId("other-reviews")).toHaveCount(0);
      await scoreAndSubmit(three, [6, 6, 6, 6, 6], `Үшінші сарапшы: орташа жоба ${Date.now()}`);
      expect(await three.getByTestId("other-total").count()).toBeGreaterThanOrEqual(3);

      // The admin's ranking counts the three new reviews of that application.
      await admin.goto(`/admin/calls/${callId}/ranking`);
      const row = admin.getByRole("row").filter({ hasText: reference });
      const count = Number(await row.getByTestId("review-count").innerText());
      expect(count).toBeGreaterThanOrEqual(4); // reviewer1's demo review and these three
      await expect(row.getByTestId("raw-score")).toHaveText(/^\d/);
    } finally {
      await adminContext.close();
      await Promise.all(ctx.map((c) => c.close()));
    }
  });

  test("an admin opening a reviewer's scoring page gets 403; a made-up assignment id gets 404", async ({ page, browser, baseURL }) => {
    await signIn(page, ACCOUNTS.admin);
    const response = await page.goto("/review/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("review-page")).toHaveCount(0);
    const [reviewerContext] = await contexts(browser, baseURL!, 1);
    try {
      const reviewer = await reviewerContext.newPage();
      await signIn(reviewer, ACCOUNTS.reviewer);
      const missing = await reviewer.goto("/review/00000000-0000-4000-8000-000000000000");
      expect(missing?.status()).toBe(404);
      const garbage = await reviewer.goto("/review/not-an-id");
      expect(garbage?.status()).toBe(404);
    } finally {
      await reviewerContext.close();
    }
  });
});
