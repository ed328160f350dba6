import { expect, type BrowserContext, type Page } from "@playwright/test";
import { iinCheckDigit } from "../lib/domain/iin";
import { renderMail, type MailPayloads, type MailTemplate } from "../lib/mail/templates";
import { en, kk, ru } from "./messages";

/** Helpers of the account journeys (e2e/accounts-*.spec.ts). */

export const LANGS = ["kk", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const MESSAGES = { kk, ru, en } as const;

/** A unique address per test run (the e2e database lives across runs). */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.kz`;
}

const pad = (n: number, len = 2) => String(n).padStart(len, "0");

/**
 * A valid IIN (checksum per DOMAIN.md) for a birth date, with a random serial, so that runs do not
 * collide on the unique IIN.
 */
export function makeIin(birth: { year: number; month: number; day: number }, sex: "male" | "female" = "male"): string {
  const century = birth.year >= 2000 ? (sex === "male" ? 5 : 6) : sex === "male" ? 3 : 4;
  const head = `${pad(birth.year % 100)}${pad(birth.month)}${pad(birth.day)}${century}`;
  for (;;) {
    const first11 = head + pad(Math.floor(Math.random() * 10_000), 4);
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}

/** The same IIN with its check digit changed: a bad checksum. */
export function badChecksum(iin: string): string {
  const last = Number(iin.charAt(11));
  return iin.slice(0, 11) + String((last + 1) % 10);
}

/** A birth date `years` years and some days ago (UTC date parts). */
export function bornYearsAgo(years: number, extraDays = 40): { year: number; month: number; day: number } {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function adultIin(): string {
  return makeIin(bornYearsAgo(20 + Math.floor(Math.random() * 10), Math.floor(Math.random() * 300)));
}

/** Choose the language as a visitor's cookie does (the switcher sets the same cookie). */
export async function useLanguage(context: BrowserContext, baseURL: string, lang: Lang): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL }]);
}

export type RegistrationData = {
  email: string;
  password: string;
  surname: string;
  givenName: string;
  patronymic: string;
  iin: string;
  phone: string;
  district: string;
  language: Lang;
};

export function registrationData(lang: Lang, overrides: Partial<RegistrationData> = {}): RegistrationData {
  return {
    email: uniqueEmail(`reg-${lang}`),
    password: "Tau-Samal-2026!",
    surname: "Сейітқали",
    givenName: "Әсел",
    patronymic: "Нұрланқызы",
    iin: adultIin(),
    phone: "+7 701 123 45 67",
    district: "talgar",
    language: lang,
    ...overrides,
  };
}

/** Fill every field of /register (the consent box ticked). */
export async function fillRegistration(page: Page, d: RegistrationData): Promise<void> {
  await page.locator("#email").fill(d.email);
  await page.locator("#password").fill(d.password);
  await page.locator("#passwordConfirm").fill(d.password);
  await page.locator("#surname").fill(d.surname);
  await page.locator("#givenName").fill(d.givenName);
  await page.locator("#patronymic").fill(d.patronymic);
  await page.locator("#iin").fill(d.iin);
  await page.locator("#phone").fill(d.phone);
  await page.locator("#district").selectOption(d.district);
  await page.locator("#language").selectOption(d.language);
  await page.locator("#consent").check();
}

export async function submitRegistration(page: Page): Promise<void> {
  await page.getByTestId("register-form").locator('button[type="submit"]').click();
}

/** The values a refused form must still show (passwords emptied). */
export async function expectRegistrationKept(page: Page, d: RegistrationData): Promise<void> {
  await expect(page.locator("#email")).toHaveValue(d.email);
  await expect(page.locator("#surname")).toHaveValue(d.surname);
  await expect(page.locator("#givenName")).toHaveValue(d.givenName);
  await expect(page.locator("#patronymic")).toHaveValue(d.patronymic);
  await expect(page.locator("#iin")).toHaveValue(d.iin);
  await expect(page.locator("#phone")).toHaveValue(d.phone);
  await expect(page.locator("#district")).toHaveValue(d.district);
  await expect(page.locator("#language")).toHaveValue(d.language);
  await expect(page.locator("#consent")).toBeChecked();
}

/** Sign in through the form, expecting to land at `area`. */
export async function signInAs(page: Page, email: string, password: string, area: RegExp): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(area);
  await expect(page.getByTestId("area-heading")).toBeVisible();
}

/** Sign in with credentials that must be refused (the form says so and stays). */
export async function signInRefused(page: Page, email: string, password: string, lang: Lang): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("error-summary")).toContainText(MESSAGES[lang].SignIn.invalidCredentials);
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Sign out through the account menu. */
export async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId("account-menu-trigger").click();
  await page.getByRole("menuitem", { name: MESSAGES[lang].Common.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
}

/** No horizontal scrolling on the current page. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page width beyond the viewport").toBeLessThanOrEqual(clientWidth);
}

/** Phones: one language of each journey runs at 360 px. */
export const PHONE = { width: 360, height: 780 } as const;
export const viewportFor = (lang: Lang) => (lang === "kk" ? PHONE : { width: 1280, height: 800 });

/** The subject a template has in a language (the mail must come in the recipient's language). */
export function mailSubject<T extends MailTemplate>(template: T, lang: Lang, payload: MailPayloads[T]): string {
  return renderMail(template, lang, payload).subject;
}
