import { expect, test, type Browser } from "@playwright/test";
import { renderSample } from "../lib/mail/samples";
import { makeIin } from "./accounts";
import { db } from "./awards";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "./fixtures";
import { en, kk, ru } from "./messages";

/**
 * The admin's e-mail previews (/admin/emails): from the admin home to a chosen e-mail in a chosen
 * language (independent of the page's language), its subject, plain text and sandboxed HTML; the same by
 * keyboard only; a reviewer and an applicant of this spec's own are refused (403).
 */

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A reviewer and an applicant of this spec's own (the demo's password), so no shared account is touched. */
async function ownAccounts(): Promise<{ reviewer: string; applicant: string }> {
  const c = await db();
  try {
    const { rows } = await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = $1`, [ACCOUNTS.applicant]);
    const reviewer = `emails.r.${run}@gmail.com`;
    const applicant = `emails.a.${run}@example.kz`;
    await c.query(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, language) VALUES ($1, $2, 'reviewer', now(), 'Хатов', 'Сарапшы', 'kk')`,
      [reviewer, rows[0]!.password_hash],
    );
    await c.query(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
       VALUES ($1, $2, 'applicant', now(), 'Хатова', 'Әлем', $3, '1998-06-07', 'talgar', 'kk')`,
      [applicant, rows[0]!.password_hash, makeIin({ year: 1998, month: 6, day: 7 })],
    );
    return { reviewer, applicant };
  } finally {
    await c.end();
  }
}

test.describe("admin e-mail previews", () => {
  test("the admin opens the previews from the admin home, picks an e-mail and a language, and sees the subject, the text and the HTML at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin");
    await page.getByTestId("admin-emails-link").click();
    await expect(page).toHaveURL(/\/admin\/emails$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.AdminEmails.title);
    // Every template is listed with its description, the decision per outcome and set_password per role.
    const list = page.getByTestId("email-list");
    await expect(list.getByRole("link")).toHaveCount(13);
    await expect(list).toContainText(kk.AdminEmails.names.decision.award_revoked);
    await expect(list).toContainText(kk.AdminEmails.descriptions.review_reopened);

    // A decision (waiting list) in Russian while the page stays in Kazakh.
    await page.getByTestId("email-decision.waitlisted").click();
    await expect(page).toHaveURL(/\?template=decision&outcome=waitlisted&lang=kk$/);
    await expect(page.getByTestId("email-preview")).toHaveAttribute("data-template", "decision.waitlisted");
    await page.getByTestId("email-lang-ru").click();
    await expect(page).toHaveURL(/\?template=decision&outcome=waitlisted&lang=ru$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.AdminEmails.title);
    const mail = renderSample({ template: "decision", variant: "waitlisted" }, "ru");
    await expect(page.getByTestId("email-subject")).toHaveText(mail.subject);
    await expect(page.getByTestId("email-subject")).toHaveAttribute("lang", "ru");
    expect(mail.subject).toContain("Итоги конкурса");
    expect(await page.getByTestId("email-text").textContent()).toBe(mail.text);
    await expect(page.getByTestId("email-lang-ru")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("email-decision.waitlisted")).toHaveAttribute("aria-current", "page");

    // The HTML in a frame without scripts: sandbox="" and a title; its content is the e-mail's.
    const frameEl = page.getByTestId("email-html");
    await expect(frameEl).toHaveAttribute("sandbox", "");
    await expect(frameEl).toHaveAttribute("title", kk.AdminEmails.frameTitle.replace("{name}", kk.AdminEmails.names.decision.waitlisted).replace("{language}", kk.Languages.ru));
    const frame = page.frameLocator('[data-testid="email-html"]');
    await expect(frame.locator("html")).toHaveAttribute("lang", "ru");
    await expect(frame.getByText("лист ожидания", { exact: false })).toBeVisible();
    const button = frame.getByRole("link", { name: "Посмотреть решение и отзывы" });
    await expect(button).toBeVisible();
    // The site's CSP (inherited by the srcdoc frame) lets the e-mail's style attributes apply.
    await expect(button).toHaveCSS("background-color", "rgb(11, 92, 171)");

    // 360 px: nothing scrolls sideways; the text wraps and the frame is as wide as its column.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pre = await page.getByTestId("email-text").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(pre.scroll).toBeLessThanOrEqual(pre.client);

    // An unknown template falls back to the first e-mail, and says so.
    await page.goto("/admin/emails?template=no_such_mail&lang=en");
    await expect(page.getByTestId("unknown-template")).toHaveText(kk.AdminEmails.unknown);
    await expect(page.getByTestId("email-subject")).toHaveText(renderSample({ template: "verify_email", variant: null }, "en").subject);
  });

  test("keyboard only: the admin reaches an e-mail and a language with Tab and Enter", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const page = await context.newPage();
    try {
      await signIn(page, ACCOUNTS.admin);
      await page.goto("/admin/emails");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.AdminEmails.title);
      // The page's language is the default language of the e-mail.
      await expect(page.getByTestId("email-preview")).toHaveAttribute("data-lang", "en");
      const target = page.getByTestId("email-set_password.admin");
      for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
      await expect(target).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/template=set_password&role=admin&lang=en/);
      const kkLink = page.getByTestId("email-lang-kk");
      for (let i = 0; i < 60 && !(await kkLink.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
      await expect(kkLink).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/template=set_password&role=admin&lang=kk/);
      const mail = renderSample({ template: "set_password", variant: "admin" }, "kk");
      await expect(page.getByTestId("email-subject")).toHaveText(mail.subject);
      await expect(page.getByTestId("email-text")).toContainText("рөлі: әкімші");
      await expect(page.frameLocator('[data-testid="email-html"]').locator("html")).toHaveAttribute("lang", "kk");
      // The page stays in English.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.AdminEmails.title);
      await expect(page.getByTestId("email-lang-kk")).toHaveText(en.Languages.kk);
    } finally {
      await context.close();
    }
  });

  test("a reviewer and an applicant get the forbidden page (403)", async ({ browser }) => {
    const own = await ownAccounts();
    for (const email of [own.reviewer, own.applicant]) {
      const { context, page } = await freshPage(browser);
      try {
        await signIn(page, email, DEMO_PASSWORD);
        const response = await page.goto("/admin/emails?template=decision&outcome=awarded&lang=ru");
        expect(response?.status(), email).toBe(403);
        await expect(page.getByTestId("forbidden")).toBeVisible();
        await expect(page.getByTestId("email-preview")).toHaveCount(0);
        await expect(page.locator("iframe")).toHaveCount(0);
        expect(await page.content()).not.toContain(ru.AdminEmails.title);
      } finally {
        await context.close();
      }
    }
  });
});

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}
