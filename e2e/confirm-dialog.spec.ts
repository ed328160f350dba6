import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { kk } from "./messages";
import { addReviewer, demoApp, newReviewer } from "./reviewers";

/**
 * ConfirmDialog keeps what the user typed and chose when the server refuses (React resets a form after
 * a `<form action>`; the dialog submits without one), shows each refusal once (an error summary
 * linking to the fields, or one alert for a refusal that is not about a field), and stays usable from
 * the keyboard. A reviewer of this spec's own is added to the demo call's in-review application as an
 * extra reviewer; the admin removes that assignment again at the end, so other specs see no change.
 */
const q = kk.ReviewQueue;
const a = kk.AdminAssignments;
const v = kk.Validation;

test.describe("confirm dialogs keep the user's input on a refusal", () => {
  test("declare, decline and remove: refused input stays, each message shows once, a stale decline gets one alert", async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const { callId, reference } = await demoApp();
    const adminContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    const reviewerContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
    try {
      const admin = await adminContext.newPage();
      const reviewer = await reviewerContext.newPage();
      await signIn(admin, ACCOUNTS.admin);
      const name = await newReviewer(admin, reviewer, "Мадина");
      await addReviewer(admin, callId, reference, name);

      await reviewer.goto("/review");
      const item = reviewer.locator(`[data-testid="queue-item"][data-reference="${reference}"]`);
      await expect(item).toBeVisible();

      // Declare a conflict: "other" with a note too short for the server. The choice and the note stay.
      await item.getByTestId("declare-conflict").click();
      const declare = reviewer.getByTestId("declare-dialog");
      await declare.getByLabel(q.kindLabel).selectOption("other");
      await declare.getByLabel(q.noteLabel).fill("аб");
      await declare.getByTestId("confirm-dialog-confirm").click();
      const declareSummary = declare.getByTestId("error-summary");
      await expect(declareSummary).toContainText(v.noteRequired);
      await expect(declareSummary).toBeFocused();
      await expect(declare.getByLabel(q.kindLabel)).toHaveValue("other");
      await expect(declare.getByLabel(q.noteLabel)).toHaveValue("аб");
      await expect(declare.getByText(v.noteRequired, { exact: true })).toHaveCount(1);
      await expect(declare.getByRole("alert")).toHaveCount(0);
      // The summary's link takes the keyboard to the field; Escape leaves without declaring.
      await declareSummary.getByRole("link", { name: v.noteRequired }).click();
      await expect(declare.getByLabel(q.noteLabel)).toBeFocused();
      await reviewer.keyboard.press("Escape");
      await expect(declare).toBeHidden();
      await expect(item.getByTestId("declare-conflict")).toBeFocused();

      // Decline with a reason too short: the reason stays, the message shows once.
      await item.getByTestId("decline-assignment").click();
      const decline = reviewer.getByTestId("decline-dialog");
      const reasonField = decline.getByLabel(q.reasonLabel);
      await reasonField.fill("аб");
      await decline.getByTestId("confirm-dialog-confirm").click();
      await expect(decline.getByTestId("error-summary")).toContainText(v.assignmentReasonTooShort);
      await expect(reasonField).toHaveValue("аб");
      await expect(reasonField).toHaveAttribute("aria-invalid", "true");
      await expect(decline.getByText(v.assignmentReasonTooShort, { exact: true })).toHaveCount(1);
      const reason = `Іссапарға кетемін ${Date.now()}`;
      await reasonField.fill(reason);

      // Meanwhile the admin removes this assignment; a too-short reason is refused first and stays typed.
      await admin.goto(`/admin/calls/${callId}/assignments`);
      const card = admin.locator(`[data-testid="assign-app"][data-reference="${reference}"]`);
      await card.locator(`[data-testid="assigned-reviewer"][data-name="${name}"]`).getByTestId("remove-assignment").click();
      const remove = admin.getByTestId("remove-dialog");
      await remove.getByLabel(a.reasonLabel).fill("аб");
      await remove.getByTestId("confirm-dialog-confirm").click();
      await expect(remove.getByTestId("error-summary")).toContainText(v.assignmentReasonTooShort);
      await expect(remove.getByLabel(a.reasonLabel)).toHaveValue("аб");
      await expect(remove.getByRole("alert")).toHaveCount(0);
      await remove.getByLabel(a.reasonLabel).fill("Сарапшы басқа өтінімге ауыстырылды");
      await remove.getByTestId("confirm-dialog-confirm").focus();
      await admin.keyboard.press("Enter");
      await expect(remove).toBeHidden();
      await expect(card.locator(`[data-testid="assigned-reviewer"][data-name="${name}"]`)).toHaveCount(0);

      // The reviewer's decline is now stale: one alert (no summary), the reason still there.
      await decline.getByTestId("confirm-dialog-confirm").click();
      await expect(decline.getByRole("alert")).toHaveText(q.errNotAssigned);
      await expect(decline.getByTestId("error-summary")).toHaveCount(0);
      await expect(decline.getByText(q.errNotAssigned, { exact: true })).toHaveCount(1);
      await expect(reasonField).toHaveValue(reason);
      await decline.getByRole("button", { name: kk.Ui.close, exact: true }).click();
      await expect(decline).toBeHidden();
      await reviewer.reload();
      await expect(reviewer.getByTestId("queue-empty")).toBeVisible();
    } finally {
      await adminContext.close();
      await reviewerContext.close();
    }
  });
});
