import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** Demo accounts seeded by `npm start` (lib/demo-accounts.ts). */
export const DEMO_PASSWORD = "demo-password-2026";

export const ACCOUNTS = {
  admin: "admin@jasgrant.demo",
  reviewer: "reviewer1@jasgrant.demo",
  applicant: "applicant1@jasgrant.demo",
} as const;

export type AreaRole = keyof typeof ACCOUNTS;

export const AREA: Record<AreaRole, string> = {
  applicant: "/my",
  reviewer: "/review",
  admin: "/admin",
};

/** Sign in through the form (the real journey) and wait for the landing area. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("area-heading")).toBeVisible();
}

/** A fresh browser context (its own cookies) signed in as `email`. */
export async function signedInContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}
