import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { mailsTo } from "./mail";
import { kk } from "./messages";

// Last year's closed Бизнес бастау call of the demo data has two submitted applications, of people who
// cannot sign in (past7@ in Kegen, past8@ in Raiymbek): no other spec uses them. This spec refuses the
// first and passes the second. The e2e database under .data/e2e outlives a run (outside CI), so a second
// run finds them screened: the screening test then skips (remove .data/e2e for a fresh run).
const REFUSED_EMAIL = "past7@jasgrant.demo";
const KEGEN = "Кеген ауданы";
const RAIYMBEK = "Райымбек ауданы";
const REASON = "Бизнес жоспардың бюджеті грант сомасына сәйкес келмейді.";

/** From the admin home to the closed call's hub (through the calls list). */
async function openPastCall(page: Page) {
  await signIn(page, ACCOUNTS.admin);
  await openPastCallFromHome(page);
}

async function openPastCallFromHome(page: Page) {
  await page.getByTestId("admin-calls-link").click();
  await expect(page.getByTestId("page-heading")).toHaveText(kk.AdminCalls.title);
  const row = page
    .getByRole("row")
    .filter({ hasText: /Бизнес бастау — \d{4} жылғы конкурс/ })
    .filter({ has: page.locator('[data-phase="in_review"], [data-phase="closed"]') });
  await expect(row).toHaveCount(1);
  await row.getByTestId("call-link").click();
  await expect(page).toHaveURL(/\/admin\/calls\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("call-figures")).toBeVisible();
}

test("the admin refuses one application with a reason and passes another", async ({ page }) => {
  test.setTimeout(90_000);
  await openPastCall(page);
  await page.getByTestId("screening-link").click();
  await expect(page.getByTestId("page-heading")).toHaveText(kk.AdminScreening.title);

  const rowOf = (district: string) => page.getByRole("row").filter({ hasText: district });
  // The demo data as seeded (npm test empties .data/e2e before the journeys): both applications wait.
  const refusedRow = rowOf(KEGEN);
  await expect(refusedRow, "the demo call's applications must be unscreened: run on freshly seeded data").toHaveCount(1);
  const reference = (await refusedRow.getByTestId("queue-reference").textContent())!.trim();

  // Refuse without a reason: the dialog stays open and the summary names the error, linked to the field.
  await refusedRow.getByTestId("refuse-button").click();
  const dialog = page.getByTestId("refuse-dialog");
  await expect(dialog.getByRole("heading", { name: kk.AdminScreening.refuseTitle.replace("{reference}", reference) })).toBeVisible();
  await dialog.getByTestId("reason-submit").click();
  const summary = dialog.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link", { name: kk.Validation.reasonRequired });
  await expect(link).toBeVisible();
  await link.click();
  await expect(dialog.getByTestId("reason-input")).toBeFocused();
  await expect(dialog.getByTestId("reason-input")).toHaveAttribute("aria-invalid", "true");

  // With a reason (keyboard only): refused, a toast, the row leaves the queue.
  await page.keyboard.type(REASON);
  await expect(dialog.getByTestId("reason-counter")).toHaveText(
    kk.AdminScreening.counter.replace("{count}", String(REASON.length)).replace("{max}", "2000"),
  );
  await dialog.getByTestId("reason-submit").click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: kk.AdminScreening.refused.replace("{reference}", reference) })).toBeVisible();
  // Screen readers are told through the polite live region that was on the page before the toast.
  await expect(page.getByTestId("toast-announcer").locator('[aria-live="polite"]')).toContainText(kk.AdminScreening.refused.replace("{reference}", reference));
  // F8 moves focus to the notifications (the toast waits while focus is there); closing it from the
  // keyboard leaves focus on the page, not lost to <body>.
  await page.keyboard.press("F8");
  await expect(page.getByRole("region", { name: kk.Ui.notifications.replace("{hotkey}", "F8") })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: kk.Ui.dismissNotification })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("toast")).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
  await expect(refusedRow).toHaveCount(0);

  // The applicant gets the reason by e-mail.
  await expect.poll(() => mailsTo(REFUSED_EMAIL).some((m) => m.text.includes(REASON)), { timeout: 20_000 }).toBe(true);

  // Pass the other one, after the confirmation.
  const passedRow = rowOf(RAIYMBEK);
  const passedReference = (await passedRow.getByTestId("queue-reference").textContent())!.trim();
  await passedRow.getByTestId("pass-button").click();
  const passDialog = page.getByTestId("pass-dialog");
  await expect(passDialog.getByRole("heading", { name: kk.AdminScreening.passTitle.replace("{reference}", passedReference) })).toBeVisible();
  await passDialog.getByTestId("confirm-dialog-confirm").click();
  await expect(page.getByTestId("toast").filter({ hasText: kk.AdminScreening.passed.replace("{reference}", passedReference) })).toBeVisible();

  // After a reload the queue is empty, and the hub counts nothing awaiting screening.
  await page.reload();
  await expect(page.getByTestId("screening-empty")).toBeVisible();
  await expect(page.getByText(reference)).toHaveCount(0);
  await page.getByRole("link", { name: /Бизнес бастау/ }).first().click();
  await expect(page.getByTestId("figure-awaiting")).toHaveText("0");
});

test("the admin confirms a conflict flag and dismisses another, each with a reason", async ({ page }) => {
  test.setTimeout(90_000);
  // A new reviewer with the name of the demo applicant past8@ (Raiymbek, seeded with a fixed random
  // seed): the rules flag them as having applied to the closed call, against every application in it.
  const run = Date.now().toString(36);
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/users/new");
  await page.locator("#email").fill(`conflict-${run}@example.kz`);
  await page.locator("#surname").fill("Мұратова");
  await page.locator("#givenName").fill("Камила");
  await page.locator("#role-reviewer").check();
  await page.locator("#organisation").fill(`Сынақ ұйымы ${run}`);
  await page.getByTestId("create-staff-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/admin\/users\?created=1$/);

  await page.goto("/admin");
  await openPastCallFromHome(page);
  await page.getByTestId("conflicts-link").click();
  await expect(page.getByTestId("page-heading")).toHaveText(kk.AdminConflicts.title);
  const pending = page.getByRole("row").filter({ has: page.locator('[data-testid="conflict-status"][data-status="pending"]') });
  await expect(pending.first()).toContainText(kk.AdminConflicts.kinds.applied_same_call);

  // Confirm without a reason: the summary names the error; then with one.
  await pending.first().getByTestId("confirm-button").click();
  const dialog = page.getByTestId("confirm-dialog");
  await dialog.getByTestId("reason-submit").click();
  await expect(dialog.getByTestId("error-summary").getByRole("link", { name: kk.Validation.reasonRequired })).toBeVisible();
  const confirmReason = `Бір адам, тексерілді ${run}`;
  await dialog.getByTestId("reason-input").fill(confirmReason);
  await dialog.getByTestId("reason-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: kk.AdminConflicts.confirmed })).toBeVisible();
  const confirmed = page.getByTestId("conflict-status").filter({ hasText: confirmReason });
  await expect(confirmed).toHaveAttribute("data-status", "confirmed");
  // Not assigned: nothing to remove.
  await expect(page.getByRole("row").filter({ hasText: confirmReason }).getByTestId("assignment-status")).toHaveText(kk.AdminConflicts.assignments.none);

  await pending.first().getByTestId("dismiss-button").click();
  const dismissReason = `Басқа адам, аттас ${run}`;
  await page.getByTestId("dismiss-dialog").getByTestId("reason-input").fill(dismissReason);
  await page.getByTestId("dismiss-dialog").getByTestId("reason-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: kk.AdminConflicts.dismissed })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("conflict-status").filter({ hasText: dismissReason })).toHaveAttribute("data-status", "dismissed");
  await expect(page.getByTestId("conflict-status").filter({ hasText: confirmReason })).toHaveAttribute("data-status", "confirmed");
});

for (const role of ["reviewer", "applicant"] as const) {
  test(`the ${role} gets 403 on /admin/calls`, async ({ page }) => {
    await signIn(page, ACCOUNTS[role]);
    const response = await page.goto("/admin/calls");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("call-link")).toHaveCount(0);
  });
}

test("at 360 px the admin's call pages do not scroll sideways", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await openPastCall(page);
  const hub = new URL(page.url()).pathname;
  for (const path of ["/admin/calls", hub, `${hub}/screening`, `${hub}/conflicts`]) {
    await page.goto(path);
    await expect(page.getByTestId("page-heading")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
