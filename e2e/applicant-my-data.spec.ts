import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { iinCheckDigit } from "../lib/domain/iin";
import { signIn } from "./fixtures";
import { kk } from "./messages";

// applicant4 only reads here (the export); the deletion uses an account registered by the test.
const EMAIL = "applicant4@jasgrant.demo";

const pad = (n: number, len = 2) => String(n).padStart(len, "0");

/** A valid IIN of a man born in 2000 with a random serial (the e2e database lives across runs). */
function freshIin(): string {
  for (;;) {
    const first11 = `000615${5}${pad(Math.floor(Math.random() * 10_000), 4)}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}

test("my data downloads as a JSON attachment with my e-mail; never cached; signed out gets 401", async ({ page }) => {
  await signIn(page, EMAIL);
  // From the account menu (the deletion test below goes through the link on /my).
  await page.getByTestId("account-menu-trigger").click();
  await page.getByTestId("account-menu").getByRole("menuitem", { name: kk.MyApplications.myDataTitle }).click();
  await expect(page.getByTestId("my-data-heading")).toHaveText(kk.MyData.title);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-my-data").click()]);
  expect(download.suggestedFilename()).toMatch(/^jas-grant-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(data.profile.email).toBe(EMAIL);
  expect(data.applications.length).toBe(2);
  expect(data.applications[0].revisions.length).toBeGreaterThanOrEqual(0);

  const response = await page.request.get("/api/my-data");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="jas-grant-my-data-/);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["content-type"]).toContain("application/json");

  // Someone with a submitted application in a call under review is told what is kept and until when.
  await expect(page.getByTestId("delete-blocked")).toBeVisible();
  await expect(page.getByTestId("delete-account-open")).toHaveCount(0);

  const anonymous = await page.context().browser()!.newContext();
  const r = await anonymous.request.get(new URL("/api/my-data", page.url()).toString());
  expect(r.status()).toBe(401);
  await anonymous.close();
});

test("a freshly registered applicant deletes the account: signed out, and the old password no longer works", async ({ page }) => {
  const email = `delete-me-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.kz`;
  const password = "a-long-password-2026";
  await page.goto("/register");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("#passwordConfirm").fill(password);
  await page.locator("#surname").fill("Жоқов");
  await page.locator("#givenName").fill("Ерболат");
  await page.locator("#iin").fill(freshIin());
  await page.locator("#phone").fill("+77011234567");
  await page.locator("#district").selectOption("talgar");
  await page.locator("#language").selectOption("kk");
  await page.locator("#consent").check();
  await page.getByTestId("register-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByTestId("my-applications-empty")).toBeVisible();

  await page.getByTestId("my-data-link").click();
  await page.getByTestId("delete-account-open").click();
  const dialog = page.getByTestId("delete-account-dialog");
  await expect(dialog.getByRole("heading")).toHaveText(kk.MyData.deleteDialogTitle);
  await dialog.getByTestId("confirm-dialog-confirm").click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByTestId("account-deleted-heading")).toHaveText(kk.AccountDeleted.title);

  // Signed out: /my asks to sign in, and the old password fails like any wrong one.
  await page.goto("/my");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("error-summary")).toContainText(kk.SignIn.invalidCredentials);
});
