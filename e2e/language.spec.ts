import { expect, test } from "@playwright/test";
import { en, kk, ru } from "./messages";
import { signIn } from "./fixtures";

test("Kazakh by default; the switcher changes <html lang> and the texts, and it sticks", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.Landing.title);

  await page.locator('a[data-locale="ru"]').click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.Landing.title);
  await expect(page.locator('a[data-locale="ru"]')).toHaveAttribute("aria-current", "true");

  // Kept by the cookie on the next page.
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru.SignIn.title);

  await page.locator('a[data-locale="en"]').click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.SignIn.title);
});

test.describe("Accept-Language is used when no language was chosen", () => {
  test.use({ locale: "ru-RU" });
  test("a Russian browser gets Russian", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  });
});

test("the switcher keeps the page and its query, and messages follow the language", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fmy");
  await page.locator('a[data-locale="en"]').click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy$/);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("error-summary")).toContainText(en.Validation.emailRequired);
});

test("a signed-in page switches language too", async ({ page }) => {
  await signIn(page, "applicant2@jasgrant.demo");
  await page.locator('a[data-locale="ru"]').click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByTestId("area-heading")).toHaveText(/^Здравствуйте, .+!$/);
  await expect(page.getByTestId("viewer-role")).toHaveText(ru.Common.roles.applicant);
});

test("unknown pages get a 404 page in the chosen language", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.NotFound.title);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
});
