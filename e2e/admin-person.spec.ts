import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { kk } from "./messages";

/**
 * An applicant's personal data: admins only, and every view is in the audit log. Reading changes no
 * state other specs depend on, so the demo's applicant1 is used.
 */
test.describe("a person's personal data", () => {
  test("the admin opens an applicant from the users list at 360 px; the view is logged and listed", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/admin/users?q=${encodeURIComponent(ACCOUNTS.applicant)}`);
    const row = page.locator(`[data-testid="user-row"][data-email="${ACCOUNTS.applicant}"]`);
    await row.getByTestId("user-link").click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    const t = kk.AdminPerson;
    await expect(page.getByTestId("read-logged")).toHaveText(t.loggedNote);
    await expect(page.getByTestId("person-email")).toContainText(ACCOUNTS.applicant);
    await expect(page.getByTestId("person-iin").locator("dd")).toHaveText(/^\d{12}$/);
    await expect(page.getByTestId("person-birthDate").locator("dd")).toContainText(/\d/);
    await expect(page.locator("#person-applications")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // This view is among the recorded reads, and in the audit log under the person's record.
    await expect(page.getByTestId("person-reads")).toContainText(kk.Common.roles.admin);
    const id = page.url().split("/").pop()!;
    await page.getByTestId("person-audit-link").click();
    await expect(page).toHaveURL(new RegExp(`entityId=${id}`));
    await expect(page.getByTestId("audit-action").filter({ hasText: "user.personal_data.read" }).first()).toBeVisible();
  });

  test("a reviewer and an applicant get 403 and see no personal data", async ({ browser, page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/admin/users?q=${encodeURIComponent(ACCOUNTS.applicant)}`);
    const href = await page.locator(`[data-testid="user-row"][data-email="${ACCOUNTS.applicant}"]`).getByTestId("user-link").getAttribute("href");
    expect(href).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    for (const who of [ACCOUNTS.reviewer, ACCOUNTS.applicant]) {
      const { context, page: other } = await signedInContext(browser, who);
      try {
        const response = await other.goto(href!);
        expect(response?.status()).toBe(403);
        await expect(other.getByTestId("admin-person")).toHaveCount(0);
        expect(await other.content()).not.toMatch(/data-testid="person-iin"/);
      } finally {
        await context.close();
      }
    }
  });
});
