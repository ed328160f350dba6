import { expect, test } from "@playwright/test";
import { mailsTo, waitForLink } from "./mail";
import {
  LANGS,
  MESSAGES,
  PHONE,
  badChecksum,
  bornYearsAgo,
  expectNoHorizontalScroll,
  expectRegistrationKept,
  fillRegistration,
  mailSubject,
  makeIin,
  registrationData,
  signInAs,
  signInRefused,
  signOut,
  submitRegistration,
  uniqueEmail,
  useLanguage,
  viewportFor,
} from "./accounts";

// Issue 3's journeys, once per language (kk at a phone's 360 px width, ru and en on a desktop).
for (const lang of LANGS) {
  const m = MESSAGES[lang];

  test.describe(`accounts in ${lang}`, () => {
    test.use({ viewport: viewportFor(lang) });
    test.beforeEach(async ({ context, baseURL }) => {
      await useLanguage(context, baseURL!, lang);
    });

    test(`${lang}: an IIN with a bad checksum is refused, in ${lang}, and every value but the passwords is kept`, async ({ page }) => {
      await page.goto("/register");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.Register.title);
      await expectNoHorizontalScroll(page);

      const data = registrationData(lang, { iin: badChecksum(makeIin(bornYearsAgo(22))) });
      await fillRegistration(page, data);
      await submitRegistration(page);

      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      const link = summary.getByRole("link", { name: m.Validation.iinChecksum });
      await expect(link).toHaveAttribute("href", "#iin");
      await expect(page.locator("#iin-error")).toHaveText(m.Validation.iinChecksum);
      await expect(page.locator("#iin")).toHaveAttribute("aria-invalid", "true");
      await expect(page).toHaveURL(/\/register$/);
      await expectRegistrationKept(page, data);
      await expectNoHorizontalScroll(page);

      // The summary's link takes the keyboard to the field.
      await link.click();
      await expect(page.locator("#iin")).toBeFocused();
    });

    test(`${lang}: register, confirm the e-mail from the mail, sign out and in, reset the password`, async ({ page }) => {
      test.setTimeout(120_000);
      const data = registrationData(lang);

      // Register (an adult): straight to /my, with the "confirm your e-mail" notice.
      const registeredAt = Date.now() - 1000;
      await page.goto("/register");
      await fillRegistration(page, data);
      await submitRegistration(page);
      await expect(page).toHaveURL(/\/my$/);
      await expect(page.getByTestId("area-heading")).toHaveText(m.Applicant.hello.replace("{name}", data.givenName));
      const notice = page.getByTestId("email-not-verified");
      await expect(notice).toContainText(m.AccountNotices.notVerifiedTitle);
      await expect(notice).toContainText(m.AccountNotices.notVerifiedBody);

      // The verification mail, in the chosen language, and its link.
      const { mail, link } = await waitForLink(data.email, "/verify-email", registeredAt);
      expect(mail.subject).toBe(mailSubject("verify_email", lang, { name: data.givenName, url: link }));
      expect(mail.text).toContain(data.givenName);
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.VerifyEmail.title);
      await page.getByTestId("verify-email-form").getByRole("button", { name: m.VerifyEmail.confirm }).click();
      await expect(page).toHaveURL(/\/my\?verified=1$/);
      await expect(page.getByTestId("email-verified-notice")).toContainText(m.AccountNotices.verified);
      await expect(page.getByTestId("email-not-verified")).toHaveCount(0);

      // The link works once.
      await page.goto(link);
      await expect(page.getByTestId("link-problem")).toHaveText(m.VerifyEmail.used);
      await expect(page.getByTestId("verify-email-form")).toHaveCount(0);

      // Sign out, sign in with the new account.
      await page.goto("/my");
      await signOut(page, lang);
      await signInAs(page, data.email, data.password, /\/my$/);
      await expect(page.getByTestId("email-not-verified")).toHaveCount(0);
      await signOut(page, lang);

      // Forgot the password: a link by mail.
      const requestedAt = Date.now() - 1000;
      await page.goto("/sign-in");
      await page.getByTestId("forgot-password-link").click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.ForgotPassword.title);
      await page.locator("#email").fill(data.email);
      await page.getByTestId("forgot-password-form").locator('button[type="submit"]').click();
      await expect(page.getByTestId("forgot-password-sent")).toContainText(m.ForgotPassword.sent);

      const reset = await waitForLink(data.email, "/reset-password", requestedAt);
      expect(reset.mail.subject).toBe(mailSubject("reset_password", lang, { name: data.givenName, url: reset.link }));
      await page.goto(reset.link);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.PasswordLink.resetTitle);
      const newPassword = "Jana-Qupiya-2027?";
      await page.locator("#password").fill(newPassword);
      await page.locator("#passwordConfirm").fill(newPassword);
      await page.getByTestId("password-form").locator('button[type="submit"]').click();
      await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
      await expect(page.getByText(m.SignIn.resetNotice)).toBeVisible();

      // The old password fails, the new one works; the reset link is used up.
      await signInRefused(page, data.email, data.password, lang);
      await signInAs(page, data.email, newPassword, /\/my$/);
      await page.goto(reset.link);
      await expect(page.getByTestId("link-problem")).toHaveText(m.PasswordLink.used);
    });
  });
}

test.describe("once, in one language (at 360 px)", () => {
  test.use({ viewport: PHONE });
  test.beforeEach(async ({ context, baseURL }) => {
    await useLanguage(context, baseURL!, "ru");
  });

  test("a taken e-mail is refused next to the field and in the summary, values kept", async ({ page, browser, baseURL }) => {
    test.setTimeout(60_000);
    const first = registrationData("ru");
    await page.goto("/register");
    await fillRegistration(page, first);
    await submitRegistration(page);
    await expect(page).toHaveURL(/\/my$/);

    const context = await browser.newContext({ baseURL });
    try {
      await useLanguage(context, baseURL!, "ru");
      const other = await context.newPage();
      const second = registrationData("ru", { email: first.email, surname: "Ахметов", givenName: "Ерлан" });
      await other.goto("/register");
      await fillRegistration(other, second);
      await submitRegistration(other);
      const summary = other.getByTestId("error-summary");
      await expect(summary.getByRole("link", { name: MESSAGES.ru.Validation.emailTaken })).toHaveAttribute("href", "#email");
      // The server's refusal: the summary takes focus too.
      await expect(summary).toBeFocused();
      await expect(other.locator("#email-error")).toHaveText(MESSAGES.ru.Validation.emailTaken);
      await expect(other).toHaveURL(/\/register$/);
      await expectRegistrationKept(other, second);
      await expect(other.locator("#password")).toHaveValue("");
      await expect(other.locator("#passwordConfirm")).toHaveValue("");
    } finally {
      await context.close();
    }
  });

  test("the verification link opened signed out (another device) confirms, then asks to sign in", async ({ page, browser, baseURL }) => {
    test.setTimeout(60_000);
    const m = MESSAGES.ru;
    const data = registrationData("ru");
    const registeredAt = Date.now() - 1000;
    await page.goto("/register");
    await fillRegistration(page, data);
    await submitRegistration(page);
    await expect(page).toHaveURL(/\/my$/);
    const { link } = await waitForLink(data.email, "/verify-email", registeredAt);

    const phone = await browser.newContext({ baseURL, viewport: PHONE });
    try {
      await useLanguage(phone, baseURL!, "ru");
      const other = await phone.newPage();
      await other.goto(link);
      await other.getByTestId("verify-email-form").getByRole("button", { name: m.VerifyEmail.confirm }).click();
      await expect(other).toHaveURL(/\/sign-in\?verified=1$/);
      await expect(other.getByText(m.SignIn.verifiedNotice)).toBeVisible();
      await signInAs(other, data.email, data.password, /\/my$/);
      await expect(other.getByTestId("email-not-verified")).toHaveCount(0);
    } finally {
      await phone.close();
    }
    // The first browser's page now shows the address as confirmed.
    await page.reload();
    await expect(page.getByTestId("email-not-verified")).toHaveCount(0);
  });

  test("a reset for an unknown e-mail gets the same answer, and no mail", async ({ page }) => {
    const email = uniqueEmail("nobody");
    await page.goto("/forgot-password");
    await page.locator("#email").fill(email);
    await page.getByTestId("forgot-password-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("forgot-password-sent")).toContainText(MESSAGES.ru.ForgotPassword.sent);
    await expect(page.getByTestId("error-summary")).toHaveCount(0);
    // The sender polls every 500 ms in e2e: after a few rounds, still nothing was written to it.
    await page.waitForTimeout(2000);
    expect(mailsTo(email)).toHaveLength(0);
  });

  test("a 16-year-old must give a legal representative: refused without, accepted with", async ({ page }) => {
    test.setTimeout(60_000);
    const m = MESSAGES.ru;
    const data = registrationData("ru", { iin: makeIin(bornYearsAgo(16), "female") });
    await page.goto("/register");
    await fillRegistration(page, data);
    const section = page.getByTestId("guardian-section");
    await expect(section).toBeVisible();
    await expect(section).toContainText(m.Register.guardianIntro);
    await expect(page.getByTestId("iin-derived")).toContainText("16");
    await expectNoHorizontalScroll(page);

    await submitRegistration(page);
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("link", { name: m.Validation.guardianNameRequired })).toHaveAttribute("href", "#guardianName");
    await expect(summary.getByRole("link", { name: m.Validation.guardianRelationRequired })).toHaveAttribute("href", "#guardianRelation");
    await expect(summary.getByRole("link", { name: m.Validation.guardianConsentRequired })).toHaveAttribute("href", "#guardianConsent");
    await expect(page.locator("#guardianName-error")).toHaveText(m.Validation.guardianNameRequired);
    await expect(page).toHaveURL(/\/register$/);
    await expectRegistrationKept(page, data);

    await page.locator("#password").fill(data.password);
    await page.locator("#passwordConfirm").fill(data.password);
    await page.locator("#guardianName").fill("Сейітқали Нұрлан Болатұлы");
    await page.locator("#guardianIin").fill(makeIin(bornYearsAgo(45)));
    await page.locator("#guardianRelation").selectOption("father");
    await page.locator("#guardianConsent").check();
    await submitRegistration(page);
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByTestId("email-not-verified")).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server refuses a bad IIN in the chosen language and the form comes back filled in", async ({ page, context, baseURL }) => {
    await useLanguage(context, baseURL!, "en");
    const data = registrationData("en", { iin: badChecksum(makeIin(bornYearsAgo(25))) });
    await page.goto("/register");
    await fillRegistration(page, data);
    await submitRegistration(page);
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("link", { name: MESSAGES.en.Validation.iinChecksum })).toHaveAttribute("href", "#iin");
    await expect(page.locator("#iin-error")).toHaveText(MESSAGES.en.Validation.iinChecksum);
    await expectRegistrationKept(page, data);
    await expect(page.locator("#password")).toHaveValue("");
  });
});
