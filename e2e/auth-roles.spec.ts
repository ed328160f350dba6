import { expect, test } from "@playwright/test";
import { kk } from "./messages";
import { ACCOUNTS, AREA, signIn, type AreaRole } from "./fixtures";

const ROLES = Object.keys(ACCOUNTS) as AreaRole[];

test.describe("each demo role signs in and reaches its area", () => {
  for (const role of ROLES) {
    test(`${role} lands in ${AREA[role]}`, async ({ page }) => {
      await signIn(page, ACCOUNTS[role]);
      await expect(page).toHaveURL(new RegExp(`${AREA[role]}$`));
      await expect(page.getByTestId("viewer-role")).toHaveText(kk.Common.roles[role]);
      await expect(page.getByTestId("viewer-name")).not.toBeEmpty();
      // Applicant home greets by given name: "Сәлеметсіз бе, <name>!"
      await expect(page.getByTestId("area-heading")).toHaveText(/^Сәлеметсіз бе, .+!$/);
    });
  }
});

test.describe("each role is refused the other areas", () => {
  for (const role of ROLES) {
    test(`${role} gets 403 outside ${AREA[role]}`, async ({ page }) => {
      await signIn(page, ACCOUNTS[role]);
      for (const other of ROLES.filter((r) => r !== role)) {
        const response = await page.goto(AREA[other]);
        expect(response?.status(), `${role} → ${AREA[other]}`).toBe(403);
        await expect(page.getByTestId("forbidden")).toBeVisible();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.Forbidden.title);
        await expect(page.getByTestId("area-heading")).toHaveCount(0);
        // A way back to one's own area.
        await expect(page.getByTestId("forbidden").getByRole("link", { name: kk.Common.goToMyArea })).toHaveAttribute(
          "href",
          AREA[role],
        );
      }
    });
  }
});

test("the signed-out are sent to sign-in, and come back after signing in", async ({ page }) => {
  for (const area of Object.values(AREA)) {
    await page.goto(area);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(area)}`);
    await expect(page.getByTestId("sign-in-form")).toBeVisible();
  }
  // The last one was /admin: signing in as the admin returns there.
  await page.locator("#email").fill(ACCOUNTS.admin);
  await page.locator("#password").fill("demo-password-2026");
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("a `next` pointing elsewhere is ignored", async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/x")}`);
  await page.locator("#email").fill(ACCOUNTS.reviewer);
  await page.locator("#password").fill("demo-password-2026");
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/review$/);
});
