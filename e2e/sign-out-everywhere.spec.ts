import { expect, test } from "@playwright/test";
import { kk } from "./messages";
import { signedInContext } from "./fixtures";

// applicant6 is used by no other spec: signing out everywhere must not end another test's session.
const EMAIL = "applicant6@jasgrant.demo";

test("sign out everywhere ends the session in another browser at its next request", async ({ browser }) => {
  const a = await signedInContext(browser, EMAIL);
  const b = await signedInContext(browser, EMAIL);
  try {
    // Both are in.
    await b.page.reload();
    await expect(b.page.getByTestId("area-heading")).toBeVisible();

    await a.page.getByTestId("sign-out-everywhere").click();
    await expect(a.page).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
    await expect(a.page.getByRole("status").filter({ hasText: kk.SignIn.signedOutEverywhere })).toBeVisible();

    // B still holds its cookie, but its session version is now old.
    const cookies = await b.context.cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
    await b.page.goto("/my");
    await expect(b.page).toHaveURL(/\/sign-in\?next=%2Fmy$/);
    await expect(b.page.getByTestId("viewer-name")).toHaveCount(0);

    // And A cannot come back without signing in either.
    await a.page.goto("/my");
    await expect(a.page).toHaveURL(/\/sign-in\?next=%2Fmy$/);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test("sign out from the account menu ends this browser's session", async ({ browser }) => {
  const { context, page } = await signedInContext(browser, "applicant5@jasgrant.demo");
  try {
    await page.getByTestId("account-menu-trigger").click();
    await page.getByRole("menuitem", { name: kk.Common.signOut, exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await page.goto("/my");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy$/);
  } finally {
    await context.close();
  }
});
