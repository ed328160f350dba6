import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";
import { kk } from "./messages";

// reviewer2 and reviewer3 are used by no other spec. Sign-in is throttled (a few failures per
// 15 minutes, counted since the last success), so each test ends with a good sign-in that clears
// its failure: the specs can be run again and again.
const EMAIL = "reviewer3@jasgrant.demo";

async function signInCorrectly(page: Page, email: string) {
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("#email").fill(email);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/review$/);
}

test("a wrong password shows the error and keeps the e-mail", async ({ page }) => {
  await page.goto("/sign-in");
  await page.locator("#email").fill(EMAIL);
  await page.locator("#password").fill("not-the-password");
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(kk.SignIn.invalidCredentials);
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator("#email")).toHaveValue(EMAIL);
  await expect(page.locator("#password")).toHaveValue("");

  await signInCorrectly(page, EMAIL);
});

test("an unknown e-mail gets the same answer (no account enumeration)", async ({ page }) => {
  await page.goto("/sign-in");
  const email = `nobody-${Date.now()}@jasgrant.demo`;
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("whatever-password");
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("error-summary")).toContainText(kk.SignIn.invalidCredentials);
  await expect(page.locator("#email")).toHaveValue(email);
});

test("empty fields are reported in the summary and next to each field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: kk.Validation.emailRequired })).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link", { name: kk.Validation.passwordRequired })).toHaveAttribute("href", "#password");
  await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
  await summary.getByRole("link", { name: kk.Validation.passwordRequired }).click();
  await expect(page.locator("#password")).toBeFocused();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still works and keeps the e-mail", async ({ page }) => {
    const email = "reviewer2@jasgrant.demo"; // used by no other spec
    await page.goto("/sign-in");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill("still-not-the-password");
    await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("error-summary")).toContainText(kk.SignIn.invalidCredentials);
    await expect(page.locator("#email")).toHaveValue(email);

    await signInCorrectly(page, email);
  });
});

test("repeated failures are throttled, with a message saying so", async ({ page }) => {
  // An address without an account: the throttle counts per e-mail whether or not it exists.
  const email = `guesser-${Date.now()}@jasgrant.demo`;
  await page.goto("/sign-in");
  const summary = page.getByTestId("error-summary");
  for (let i = 0; i < 8; i++) {
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(`guess-${i}`);
    await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
    await expect(summary).toBeVisible();
    await expect(page.locator("#password")).toHaveValue("");
    if ((await summary.textContent())?.includes(kk.SignIn.rateLimited)) return;
  }
  throw new Error("eight failed sign-ins in a row were never throttled");
});
