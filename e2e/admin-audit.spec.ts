import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { kk } from "./messages";

/**
 * The audit log viewer. Other specs write audit rows at the same time, so only what holds regardless
 * is asserted: the admin's own sign-in is there, and every row shown matches the filter.
 */
test.describe("audit log viewer", () => {
  test("the admin filters by action and by actor at 360 px and sees matching rows", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin");
    await page.getByTestId("admin-audit-link").click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    const t = kk.AdminAudit;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);

    const form = page.getByTestId("audit-filters");
    await form.getByLabel(t.action).selectOption("auth.sign_in");
    await form.getByLabel(t.actor).fill(ACCOUNTS.admin);
    await page.getByTestId("audit-apply").click();
    await expect(page).toHaveURL(/[?&]action=auth\.sign_in/);
    await expect(page).toHaveURL(/[?&]actor=admin%40jasgrant\.demo/);

    const actions = page.getByTestId("audit-action");
    await expect(actions.first()).toHaveText("auth.sign_in");
    const texts = await actions.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThanOrEqual(50);
    expect(new Set(texts)).toEqual(new Set(["auth.sign_in"]));
    // Who: the admin's name with the role, never "system".
    const who = await page.getByTestId("audit-actor").allTextContents();
    for (const w of who) expect(w).toContain(kk.Common.roles.admin);
    // The filters stay in the form, and nothing scrolls sideways at 360 px.
    await expect(form.getByLabel(t.action)).toHaveValue("auth.sign_in");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // A prefix: every "auth." action.
    await page.goto("/admin/audit?action=auth.");
    const prefixed = await page.getByTestId("audit-action").allTextContents();
    expect(prefixed.length).toBeGreaterThan(0);
    for (const a of prefixed) expect(a.startsWith("auth.")).toBe(true);
  });

  test("a reviewer gets 403", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.reviewer);
    try {
      const response = await page.goto("/admin/audit");
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("audit-filters")).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
