import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./fixtures";
import { waitForLink } from "./mail";
import { LANGS, MESSAGES, mailSubject, signInAs, signInRefused, uniqueEmail, useLanguage, viewportFor, type Lang } from "./accounts";

/** Deactivate or reactivate the account of `email` from /admin/users (with the confirmation dialog). */
async function toggleAccount(admin: Page, email: string, lang: Lang, to: "deactivate" | "reactivate", name: string) {
  const m = MESSAGES[lang].AdminUsers;
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId("toggle-active").click();
  const dialog = admin.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText((to === "deactivate" ? m.deactivateTitle : m.reactivateTitle).replace("{name}", name));
  await dialog.getByTestId("confirm-toggle").click();
  await expect(row.getByTestId("toggle-result")).toHaveText((to === "deactivate" ? m.deactivated : m.reactivated).replace("{name}", name));
  await expect(row.getByTestId("user-status")).toContainText(to === "deactivate" ? m.statusInactive : m.statusActive);
}

for (const lang of LANGS) {
  const m = MESSAGES[lang];

  test.describe(`staff accounts in ${lang}`, () => {
    test.use({ viewport: viewportFor(lang) });

    test(`${lang}: an admin creates a reviewer, who sets a password and signs in; deactivated they cannot, reactivated they can`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const viewport = viewportFor(lang);
      const adminContext = await browser.newContext({ baseURL, viewport });
      const reviewerContext = await browser.newContext({ baseURL, viewport });
      try {
        await useLanguage(adminContext, baseURL!, lang);
        await useLanguage(reviewerContext, baseURL!, lang);
        const admin = await adminContext.newPage();
        const reviewer = await reviewerContext.newPage();

        // The admin creates the account.
        const email = uniqueEmail(`reviewer-${lang}`);
        const surname = "Жұмабаев";
        const givenName = "Бекзат";
        const name = `${surname} ${givenName}`;
        await signInAs(admin, ACCOUNTS.admin, DEMO_PASSWORD, /\/admin$/);
        await admin.goto("/admin/users");
        await expect(admin.getByTestId("page-heading")).toHaveText(m.AdminUsers.title);
        await admin.getByTestId("create-staff-link").click();
        await expect(admin).toHaveURL(/\/admin\/users\/new$/);
        await expect(admin.getByTestId("page-heading")).toHaveText(m.AdminUsers.newTitle);

        // Nothing typed: each field is named in the summary.
        await admin.getByTestId("create-staff-form").locator('button[type="submit"]').click();
        const summary = admin.getByTestId("error-summary");
        await expect(summary.getByRole("link", { name: m.Validation.roleRequired })).toHaveAttribute("href", "#role-reviewer");
        await expect(summary.getByRole("link", { name: m.Validation.surnameRequired })).toHaveAttribute("href", "#surname");

        const createdAt = Date.now() - 1000;
        await admin.locator("#email").fill(email);
        await admin.locator("#surname").fill(surname);
        await admin.locator("#givenName").fill(givenName);
        await admin.locator("#role-reviewer").check();
        await admin.locator("#organisation").fill("Жетісу университеті");
        await admin.locator("#language").selectOption(lang);
        await admin.getByTestId("create-staff-form").locator('button[type="submit"]').click();
        await expect(admin).toHaveURL(/\/admin\/users\?created=1$/);
        await expect(admin.getByTestId("created-notice")).toContainText(m.AdminUsers.created);

        // The person's link, by mail; they choose a password and sign in, landing in /review.
        const { mail, link } = await waitForLink(email, "/set-password", createdAt);
        expect(mail.subject).toBe(mailSubject("set_password", lang, { name: givenName, url: link, role: "reviewer" }));
        await reviewer.goto(link);
        await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(m.PasswordLink.setTitle);
        const password = "Komissiya-Tau-2026";
        await reviewer.locator("#password").fill(password);
        await reviewer.locator("#passwordConfirm").fill(password);
        await reviewer.getByTestId("password-form").locator('button[type="submit"]').click();
        await expect(reviewer).toHaveURL(/\/sign-in\?passwordSet=1$/);
        await expect(reviewer.getByText(m.SignIn.passwordSetNotice)).toBeVisible();
        await signInAs(reviewer, email, password, /\/review$/);
        await expect(reviewer.getByTestId("viewer-role")).toHaveText(m.Common.roles.reviewer);
        // The link worked once.
        await reviewer.goto(link);
        await expect(reviewer.getByTestId("link-problem")).toHaveText(m.PasswordLink.used);

        // A reviewer may not open the admin's pages.
        const forbidden = await reviewer.goto("/admin/users");
        expect(forbidden?.status()).toBe(403);
        await expect(reviewer.getByTestId("forbidden")).toBeVisible();
        await expect(reviewer.getByTestId("user-list")).toHaveCount(0);

        // Deactivated: the session ends at its next request, and signing in is refused.
        await toggleAccount(admin, email, lang, "deactivate", name);
        await reviewer.goto("/review");
        await expect(reviewer).toHaveURL(/\/sign-in\?next=%2Freview$/);
        await signInRefused(reviewer, email, password, lang);

        // Reactivated: in again.
        await toggleAccount(admin, email, lang, "reactivate", name);
        await signInAs(reviewer, email, password, /\/review$/);
      } finally {
        await adminContext.close();
        await reviewerContext.close();
      }
    });
  });
}

test("an applicant opening /admin/users and /admin/users/new gets 403", async ({ page }) => {
  await signInAs(page, ACCOUNTS.applicant, DEMO_PASSWORD, /\/my$/);
  for (const path of ["/admin/users", "/admin/users/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(MESSAGES.kk.Forbidden.title);
  }
});

test("the deactivate dialog works from the keyboard: Escape cancels and focus returns to the button", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin, DEMO_PASSWORD, /\/admin$/);
  const email = "applicant4@jasgrant.demo";
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  const toggle = row.getByTestId("toggle-active");
  await expect(toggle).toHaveText(MESSAGES.kk.AdminUsers.deactivate);
  await toggle.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  // Focus is inside the dialog (an alert dialog starts on Cancel).
  await expect(dialog.getByRole("button", { name: MESSAGES.kk.AdminUsers.cancel })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(row.getByTestId("user-status")).toContainText(MESSAGES.kk.AdminUsers.statusActive);
});

test("an admin giving an e-mail that already has an account is refused, with what was typed kept", async ({ page, context, baseURL }) => {
  await useLanguage(context, baseURL!, "ru");
  const m = MESSAGES.ru;
  await signInAs(page, ACCOUNTS.admin, DEMO_PASSWORD, /\/admin$/);
  await page.goto("/admin/users/new");
  await page.locator("#email").fill(ACCOUNTS.reviewer);
  await page.locator("#surname").fill("Досымов");
  await page.locator("#givenName").fill("Арман");
  await page.locator("#role-reviewer").check();
  await page.locator("#organisation").fill("КазНУ");
  await page.getByTestId("create-staff-form").locator('button[type="submit"]').click();
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link", { name: m.Validation.emailTaken })).toHaveAttribute("href", "#email");
  await expect(summary).toBeFocused();
  await expect(page.locator("#email-error")).toHaveText(m.Validation.emailTaken);
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  await expect(page.locator("#email")).toHaveValue(ACCOUNTS.reviewer);
  await expect(page.locator("#surname")).toHaveValue("Досымов");
  await expect(page.locator("#givenName")).toHaveValue("Арман");
  await expect(page.locator("#role-reviewer")).toBeChecked();
  await expect(page.locator("#organisation")).toHaveValue("КазНУ");
});
