import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll } from "./accounts";
import { ACCOUNTS, signIn } from "./fixtures";
import { kk } from "./messages";
import { addReviewer, demoApp, newReviewer } from "./reviewers";

/**
 * The reviewer's queue on the demo data. Other specs use reviewer1..3 (and reviewer1's assignment to the
 * Uighur application), so this spec creates its own two reviewers through the admin's pages and adds them
 * as extra reviewers to the other in-review application of the closed call: it keeps its three demo
 * reviewers, so whatever this spec declines or declares leaves nobody missing for the other specs.
 */
const t = kk.ReviewQueue;

/** The reviewer's queue holds exactly this one item to do, blind: no applicant's name on the page. */
async function expectBlindQueue(reviewer: Page, reference: string, allNames: string[]) {
  await reviewer.goto("/review");
  const todo = reviewer.getByTestId("queue-todo");
  await expect(todo.getByTestId("queue-item")).toHaveCount(1);
  const item = todo.locator(`[data-testid="queue-item"][data-reference="${reference}"]`);
  await expect(item).toContainText(reference);
  await expect(item.getByTestId("time-left")).toBeVisible();
  const text = await reviewer.locator("main").innerText();
  for (const n of allNames) expect(text).not.toContain(n);
  await expectNoHorizontalScroll(reviewer);
  return item;
}

test.describe("the reviewer's queue", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("new reviewers see a blind queue; one declares a conflict, the other declines; the admin sees both", async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const { callId, reference, allNames } = await demoApp();
    const adminContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    const oneContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
    const twoContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
    try {
      const admin = await adminContext.newPage();
      const one = await oneContext.newPage();
      const two = await twoContext.newPage();
      await signIn(admin, ACCOUNTS.admin);
      // The demo call has one in-review application besides the Uighur one other specs use: each new
      // reviewer is added to it as an extra reviewer (it keeps its three demo reviewers).
      const nameOne = await newReviewer(admin, one, "Ержан");
      const nameTwo = await newReviewer(admin, two, "Айгерім");
      await addReviewer(admin, callId, reference, nameOne);
      await addReviewer(admin, callId, reference, nameTwo);

      // Reviewer one declares a conflict: the kind is required, and a note for "other".
      const item = await expectBlindQueue(one, reference, allNames);
      const scoringHref = await item.getByTestId("open-review").getAttribute("href");
      expect(scoringHref).toMatch(/^\/review\/[0-9a-f-]{36}$/);
      await item.getByTestId("declare-conflict").click();
      const declare = one.getByTestId("declare-dialog");
      await expect(declare).toBeVisible();
      await declare.getByTestId("confirm-dialog-confirm").click();
      await expect(declare.getByTestId("error-summary")).toContainText(kk.Validation.kindRequired);
      await declare.getByLabel(t.kindLabel).selectOption("other");
      await declare.getByTestId("confirm-dialog-confirm").click();
      await expect(declare.getByTestId("error-summary")).toContainText(kk.Validation.noteRequired);
      await declare.getByLabel(t.kindLabel).selectOption("colleague");
      await declare.getByTestId("confirm-dialog-confirm").click();
      await expect(declare).toBeHidden();
      await expect(one.getByTestId("toast").filter({ hasText: t.declared.replace("{reference}", reference) })).toBeVisible();
      await expect(one.getByTestId("queue-item")).toHaveCount(0);
      await expect(one.getByTestId("queue-empty")).toBeVisible();
      // The scoring page of that application is gone for them: 404, nothing of the plan.
      const gone = await one.goto(scoringHref!);
      expect(gone?.status()).toBe(404);
      await expect(one.getByTestId("review-page")).toHaveCount(0);

      // Reviewer two declines: the reason is required.
      const item2 = await expectBlindQueue(two, reference, allNames);
      await item2.getByTestId("decline-assignment").click();
      const decline = two.getByTestId("decline-dialog");
      await expect(decline).toBeVisible();
      await decline.getByTestId("confirm-dialog-confirm").click();
      await expect(decline.getByTestId("error-summary")).toContainText(kk.Validation.assignmentReasonRequired);
      const reason = `Іссапардамын ${Date.now()}`;
      await decline.getByLabel(t.reasonLabel).fill(reason);
      await decline.getByTestId("confirm-dialog-confirm").click();
      await expect(decline).toBeHidden();
      await expect(two.getByTestId("toast").filter({ hasText: t.declined.replace("{reference}", reference) })).toBeVisible();
      await expect(two.getByTestId("queue-item")).toHaveCount(0);
      await expectNoHorizontalScroll(two);

      // The admin sees the declaration and the declined assignment with its reason.
      await admin.goto(`/admin/calls/${callId}/conflicts`);
      const row = admin.getByRole("row").filter({ hasText: nameOne });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(reference);
      await expect(row).toContainText(kk.AdminConflicts.kinds.colleague);
      await expect(row.getByTestId("conflict-status")).toHaveAttribute("data-status", "confirmed");

      await admin.goto(`/admin/calls/${callId}/assignments`);
      const declined = admin.getByTestId("declined").locator("li").filter({ hasText: nameTwo });
      await expect(declined).toContainText(kk.AdminAssignments.declinedBy.replace("{name}", nameTwo).replace("{reference}", reference));
      await expect(declined).toContainText(reason);
    } finally {
      await adminContext.close();
      await oneContext.close();
      await twoContext.close();
    }
  });

  test("an applicant opening /review gets 403", async ({ page }) => {
    await signIn(page, ACCOUNTS.applicant);
    const response = await page.goto("/review");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("review-queue")).toHaveCount(0);
  });
});
