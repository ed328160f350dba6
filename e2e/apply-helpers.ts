import { randomInt } from "node:crypto";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { makeIin } from "../lib/domain/iin";
import { waitForLink } from "./mail";
import { en, kk, ru } from "./messages";

export type Lang = "kk" | "ru" | "en";
export const MESSAGES = { kk, ru, en } as const;
export const PASSWORD = "Wizard-test-pass-2026";

/** A small but real PDF (the server checks the first bytes). */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** Use the portal in `lang` (the language cookie, as the switcher sets it). */
export async function useLanguage(context: BrowserContext, baseURL: string, lang: Lang): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL }]);
}

/** A birth date `years` years (and a few days) before today, as YYYY-MM-DD. */
function birthDateYearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 40);
  return d.toISOString().slice(0, 10);
}

/** Register a fresh applicant through /register (signed in afterwards, on /my). */
export async function registerApplicant(page: Page, opts: { lang: Lang; age?: number }): Promise<{ email: string }> {
  const email = `wizard-${Date.now().toString(36)}-${randomInt(1e6).toString(36)}@example.kz`;
  const iin = makeIin(birthDateYearsAgo(opts.age ?? 24), "female", randomInt(1000, 9999));
  await page.goto("/register");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#passwordConfirm").fill(PASSWORD);
  await page.locator("#surname").fill("Сәрсенова");
  await page.locator("#givenName").fill("Әйгерім");
  await page.locator("#iin").fill(iin);
  await page.locator("#phone").fill("+77015550101");
  await page.locator("#district").selectOption("talgar");
  await page.locator("#language").selectOption(opts.lang);
  await page.locator("#consent").check();
  await page.getByTestId("register-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/my$/, { timeout: 20_000 });
  return { email };
}

/** Open the confirmation link from the e-mail and confirm. */
export async function verifyEmail(page: Page, email: string): Promise<void> {
  const { link } = await waitForLink(email, "/verify-email");
  await page.goto(link);
  await page.getByTestId("verify-email-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/my\?verified=1$/);
}

/** The id of the open Бизнес бастау call, from its card on the landing page. */
export async function openBusinessCallId(page: Page): Promise<string> {
  await page.goto("/");
  const card = page.locator('[data-testid="open-call"][data-programme="biznes_bastau"]').first();
  const labelledBy = await card.getAttribute("aria-labelledby");
  const id = /^call-(.+)-title$/.exec(labelledBy ?? "")?.[1];
  expect(id, "an open Бизнес бастау call on the landing page").toBeTruthy();
  return id!;
}

/** From /calls/:id/apply with the certificate to the wizard; returns the application id. */
export async function startBusinessApplication(page: Page, callId: string): Promise<string> {
  await page.goto(`/calls/${callId}/apply`);
  await page.locator("#certificateNumber").fill("BB-2026/0415");
  await page.getByTestId("apply-start").click();
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\/edit$/);
  return /applications\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
}

/** A registered, verified applicant with a started Бизнес бастау draft. */
export async function applicantWithDraft(page: Page, lang: Lang = "kk"): Promise<{ email: string; callId: string; applicationId: string }> {
  const { email } = await registerApplicant(page, { lang });
  const callId = await openBusinessCallId(page);
  const applicationId = await startBusinessApplication(page, callId);
  return { email, callId, applicationId };
}
