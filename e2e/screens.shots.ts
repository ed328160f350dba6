import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { db } from "./awards";
import { DEMO_PASSWORD, signIn } from "./fixtures";

/**
 * The main screens of each role in each language, as PNGs in docs/screenshots/<lang>-<screen>.png:
 * phone-sized (360 × 740) for the public and applicant screens, laptop-sized (1280 × 800) for the
 * reviewer's and the admin's. Demo data only (freshly seeded); nothing is changed.
 */
const LANGS = ["kk", "ru", "en"] as const;
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "screenshots");
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

type Ids = { openCall: string; draft: string; assignment: string; pastCall: string };

async function ids(): Promise<Ids> {
  const c = await db();
  try {
    const one = async (q: string) => {
      const { rows } = await c.query<{ id: string }>(q);
      if (!rows[0]) throw new Error(`no demo row for: ${q}`);
      return rows[0].id;
    };
    return {
      openCall: await one(`SELECT c.id FROM calls c JOIN programmes p ON p.id = c.programme_id WHERE p.code = 'biznes_bastau' AND c.opens_at < now() AND c.closes_at > now() ORDER BY c.closes_at LIMIT 1`),
      draft: await one(`SELECT a.id FROM applications a JOIN users u ON u.id = a.applicant_id WHERE u.email = 'applicant2@jasgrant.demo' AND a.status = 'draft' LIMIT 1`),
      // An assignment not started yet: the scoring form as a reviewer first sees it.
      assignment: await one(`SELECT ra.id FROM review_assignments ra JOIN users u ON u.id = ra.reviewer_id LEFT JOIN reviews r ON r.assignment_id = ra.id WHERE r.id IS NULL AND ra.status = 'assigned' ORDER BY u.email LIMIT 1`),
      pastCall: await one(`SELECT call_id AS id FROM awards GROUP BY call_id ORDER BY count(*) DESC LIMIT 1`),
    };
  } finally {
    await c.end();
  }
}

async function reviewerOf(assignmentId: string): Promise<string> {
  const c = await db();
  try {
    const { rows } = await c.query<{ email: string }>(`SELECT u.email FROM review_assignments ra JOIN users u ON u.id = ra.reviewer_id WHERE ra.id = $1`, [assignmentId]);
    return rows[0].email;
  } finally {
    await c.end();
  }
}

async function shoot(page: Page, lang: string, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, `${lang}-${name}.png`) });
}

test.describe("screenshots", () => {
  let w: Ids;
  test.beforeAll(async () => {
    fs.mkdirSync(out, { recursive: true });
    w = await ids();
  });

  for (const lang of LANGS) {
    test(`public and applicant screens (${lang}, phone)`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: PHONE, deviceScaleFactor: 1 });
      await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto("/");
      await shoot(page, lang, "landing");
      await page.goto(`/calls/${w.openCall}`);
      await shoot(page, lang, "call");
      await page.goto("/sign-in");
      await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await shoot(page, lang, "sign-in-errors");
      await signIn(page, "applicant2@jasgrant.demo", DEMO_PASSWORD);
      await page.goto("/my");
      await shoot(page, lang, "my-applications");
      await page.goto(`/my/applications/${w.draft}/edit`);
      await shoot(page, lang, "wizard");
      // An edge state: a call past its deadline says when it closed and where to go next.
      await page.goto(`/calls/${w.pastCall}`);
      await shoot(page, lang, "call-closed");
      await context.close();
    });

    test(`reviewer and admin screens (${lang}, laptop)`, async ({ browser, baseURL }) => {
      const reviewer = await browser.newContext({ baseURL, viewport: LAPTOP, deviceScaleFactor: 1 });
      await reviewer.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
      const r = await reviewer.newPage();
      await signIn(r, await reviewerOf(w.assignment), DEMO_PASSWORD);
      await r.goto("/review");
      await shoot(r, lang, "review-queue");
      await r.goto(`/review/${w.assignment}`);
      await shoot(r, lang, "scoring");
      await reviewer.close();

      const admin = await browser.newContext({ baseURL, viewport: LAPTOP, deviceScaleFactor: 1 });
      await admin.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
      const a = await admin.newPage();
      await signIn(a, "admin@jasgrant.demo", DEMO_PASSWORD);
      await a.goto("/admin/dashboard");
      await expect(a.locator("svg.recharts-surface").first()).toBeVisible();
      await shoot(a, lang, "admin-dashboard");
      await a.goto(`/admin/calls/${w.pastCall}/ranking`);
      await shoot(a, lang, "ranking");
      await a.goto(`/admin/calls/${w.pastCall}/awards`);
      await shoot(a, lang, "awards");
      // An e-mail as the applicant receives it, previewed by the admin (plain text and HTML).
      await a.goto(`/admin/emails?template=decision&outcome=awarded&lang=${lang}`);
      await expect(a.getByTestId("email-html")).toBeVisible();
      await shoot(a, lang, "email-preview");
      // The commission's protocol as it prints (A4 landscape).
      await a.goto(`/admin/calls/${w.pastCall}/protocol`);
      await a.emulateMedia({ media: "print" });
      await shoot(a, lang, "protocol-print");
      await admin.close();
    });
  }
});
