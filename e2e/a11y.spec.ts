import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PAGE_RULES } from "../test/security/matrix";
import { makeIin } from "./accounts";
import { db } from "./awards";
import { DEMO_PASSWORD, signIn } from "./fixtures";
import { smallTargets } from "./touch";

/**
 * WCAG 2.2 AA with axe-core on every page of the portal (PAGE_RULES lists them all), as the role that
 * may see it, in kk, ru and en, with real content: the demo data (a call with reviews, rankings,
 * awards, charts), plus a world of this spec's own (an applicant with a draft and a submitted
 * application, a reviewer with an assignment). Some pages are also scanned in a second state: a form
 * showing its validation errors, a dialog open. 0 violations. The pages an applicant uses (public and /my)
 * run at 360 × 640 and are also checked for thumb-sized controls (44 × 44 px, e2e/touch.ts).
 */

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LANGS = ["kk", "ru", "en"] as const;
type Lang = (typeof LANGS)[number];
type Who = "signedOut" | "applicant" | "reviewer" | "admin";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

type World = {
  openCallId: string;
  closedCallId: string;
  programmeId: string;
  applicantEmail: string;
  applicantId: string;
  draftId: string;
  submittedId: string;
  reviewerEmail: string;
  assignmentId: string;
  adminApplicationId: string;
};

async function writeWorld(): Promise<World> {
  const c = await db();
  try {
    await c.query("BEGIN");
    const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => {
      const { rows } = await c.query<T>(sql, params);
      if (!rows[0]) throw new Error(`no row: ${sql}`);
      return rows[0];
    };
    const { password_hash: hash } = await one<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
    const open = await one<{ id: string; programme_id: string }>(
      `SELECT c.id, c.programme_id FROM calls c JOIN programmes p ON p.id = c.programme_id WHERE p.code = 'biznes_bastau' AND c.opens_at < now() AND c.closes_at > now() AND c.archived_at IS NULL
       ORDER BY (SELECT count(*) FROM applications a WHERE a.call_id = c.id) DESC, c.closes_at LIMIT 1`,
    );
    // The demo's past call: reviews, a ranking, awards, a protocol.
    const closed = await one<{ id: string }>(
      `SELECT a.call_id AS id FROM applications a JOIN awards w ON w.application_id = a.id GROUP BY a.call_id ORDER BY count(*) DESC LIMIT 1`,
    );
    // A real plan to show: a submitted application of the demo.
    // (any submitted Бизнес бастау plan: other specs may have turned the open call's ones back into drafts)
    const plan = await one<{ data: unknown; title: string }>(
      `SELECT a.data, a.title FROM applications a JOIN calls c ON c.id = a.call_id WHERE c.programme_id = $1 AND a.status <> 'draft' ORDER BY a.created_at LIMIT 1`,
      [open.programme_id],
    );

    const applicantEmail = `a11y.${run}@example.kz`;
    const birth = "1999-04-05";
    const applicant = await one<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language, phone)
       VALUES ($1, $2, 'applicant', now(), 'Қолжетімова', 'Әсем', $3, $4, 'talgar', 'kk', '+77011234567') RETURNING id`,
      [applicantEmail, hash, makeIin({ year: 1999, month: 4, day: 5 }), birth],
    );
    const draft = await one<{ id: string }>(
      `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data) VALUES ($1, $2, 'draft', 'talgar', $3, $4) RETURNING id`,
      [open.id, applicant.id, plan.title, JSON.stringify(plan.data)],
    );
    // A second call to hold the submitted one (one application per call and person).
    const review = await one<{ id: string }>(
      `INSERT INTO calls (programme_id, year, title_kk, title_ru, title_en, opens_at, closes_at, review_deadline, budget_cap, award_amount, reviewers_per_application)
       VALUES ($1, $2, $3, $4, $5, now() - interval '60 days', now() - interval '10 days', now() + interval '20 days', 15000000, 1500000, 1) RETURNING id`,
      [open.programme_id, new Date().getUTCFullYear(), `Қолжетімділік ${run}`, `Доступность ${run}`, `Accessibility ${run}`],
    );
    await c.query(`INSERT INTO call_districts (call_id, district_code) SELECT $1, code FROM districts`, [review.id]);
    const submitted = await one<{ id: string }>(
      `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, submitted_at, screened_at)
       VALUES ($1, $2, 'in_review', 'talgar', $3, $4, now() - interval '20 days', now() - interval '15 days') RETURNING id`,
      [review.id, applicant.id, plan.title, JSON.stringify(plan.data)],
    );
    await c.query(`INSERT INTO application_revisions (application_id, revision, data, content_hash, submitted_at) VALUES ($1, 1, $2, $3, now() - interval '20 days')`, [
      submitted.id,
      JSON.stringify(plan.data),
      `a11y-${run}`,
    ]);
    const reviewerEmail = `a11y.r.${run}@gmail.com`;
    const reviewer = await one<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, language) VALUES ($1, $2, 'reviewer', now(), 'Сарапшы', 'Қолжетім', 'kk') RETURNING id`,
      [reviewerEmail, hash],
    );
    const assignment = await one<{ id: string }>(
      `INSERT INTO review_assignments (call_id, application_id, reviewer_id, status) VALUES ($1, $2, $3, 'assigned') RETURNING id`,
      [review.id, submitted.id, reviewer.id],
    );
    const adminApp = await one<{ id: string }>(`SELECT id FROM applications WHERE call_id = $1 ORDER BY created_at LIMIT 1`, [closed.id]);
    await c.query("COMMIT");
    return {
      openCallId: open.id,
      closedCallId: closed.id,
      programmeId: open.programme_id,
      applicantEmail,
      applicantId: applicant.id,
      draftId: draft.id,
      submittedId: submitted.id,
      reviewerEmail,
      assignmentId: assignment.id,
      adminApplicationId: adminApp.id,
    };
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    await c.end();
  }
}

/** Who scans a page: the role it is for (public pages signed out; the apply page as the applicant). */
function whoFor(pattern: string): Who {
  if (pattern.startsWith("/admin")) return "admin";
  if (pattern.startsWith("/review")) return "reviewer";
  if (pattern.startsWith("/my") || pattern.endsWith("/apply")) return "applicant";
  return "signedOut";
}

/** A concrete URL with real content for every page pattern. */
function sample(pattern: string, w: World): string {
  const url = pattern
    .replace("/[...rest]", "/no-such-page-a11y")
    .replace("/calls/[id]/apply", `/calls/${w.openCallId}/apply`)
    .replace(/^\/calls\/\[id\]$/, `/calls/${w.openCallId}`)
    .replace("/admin/calls/[id]", `/admin/calls/${w.closedCallId}`)
    .replace("/admin/applications/[id]", `/admin/applications/${w.adminApplicationId}`)
    .replace("/admin/programmes/[id]", `/admin/programmes/${w.programmeId}`)
    .replace("/admin/users/[id]", `/admin/users/${w.applicantId}`)
    .replace("/my/applications/[id]/edit", `/my/applications/${w.draftId}/edit`)
    .replace("/my/applications/[id]", `/my/applications/${w.submittedId}`)
    .replace("/review/[assignmentId]", `/review/${w.assignmentId}`)
    // A preview open: a decision e-mail in another language than the page's.
    .replace(/^\/admin\/emails$/, "/admin/emails?template=decision&outcome=waitlisted&lang=en");
  if (url.includes("[")) throw new Error(`no sample for ${pattern}: add one to sample() in e2e/a11y.spec.ts`);
  return url;
}

type Violation = { where: string; rule: string; impact: string; nodes: string[] };

/** One scanned page in one state, for the per-page record (test-results/a11y/<role>-<lang>.json). */
type Scanned = { page: string; url: string; role: Who; lang: Lang; state: string; violations: number; rulesPassed: number; rulesIncomplete: number };

const EMAIL_FRAME = '[data-testid="email-html"]';

async function scan(page: Page, where: string, record?: Omit<Scanned, "violations" | "rulesPassed" | "rulesIncomplete">, log?: Scanned[]): Promise<Violation[]> {
  // The e-mail preview's frame is sandboxed without scripts, so axe cannot run inside it (it waits until
  // the timeout): the page is scanned without the frame, and the e-mail it shows is scanned on a page of
  // its own; the frame itself must have a title.
  const frame = page.locator(EMAIL_FRAME);
  if ((await frame.count()) > 0) {
    const found: Violation[] = [];
    const r = await new AxeBuilder({ page }).withTags(TAGS).exclude(EMAIL_FRAME).analyze();
    found.push(...r.violations.map((v) => ({ where, rule: v.id, impact: v.impact ?? "", nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })));
    if (!(await frame.getAttribute("title"))?.trim()) found.push({ where, rule: "frame-title", impact: "serious", nodes: [EMAIL_FRAME] });
    const email = await page.context().newPage();
    try {
      await email.setContent((await frame.getAttribute("srcdoc")) ?? "");
      found.push(...(await scan(email, `${where}, the e-mail's HTML`)));
    } finally {
      await email.close();
    }
    if (record && log) log.push({ ...record, violations: found.length, rulesPassed: r.passes.length, rulesIncomplete: r.incomplete.length });
    return found;
  }
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  if (record && log) log.push({ ...record, violations: r.violations.length, rulesPassed: r.passes.length, rulesIncomplete: r.incomplete.length });
  return r.violations.map((v) => ({ where, rule: v.id, impact: v.impact ?? "", nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

async function contextFor(browser: Browser, baseURL: string, who: Who, lang: Lang, w: World) {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 } });
  await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL }]);
  const page = await context.newPage();
  const email = { applicant: w.applicantEmail, reviewer: w.reviewerEmail, admin: "admin@jasgrant.demo", signedOut: null }[who];
  if (email) await signIn(page, email, DEMO_PASSWORD);
  return { context, page };
}

/** Extra states of some pages: validation errors shown, a dialog open. */
async function states(page: Page, pattern: string, lang: Lang): Promise<string | null> {
  switch (pattern) {
    case "/sign-in":
      await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      return "errors shown";
    case "/register":
      await page.locator('form button[type="submit"]').first().click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      return "errors shown";
    case "/admin/users":
      // A confirmation dialog open (the first row's "deactivate" or "activate", left without confirming).
      await page.getByTestId("toggle-active").first().click();
      await expect(page.getByTestId("confirm-dialog")).toBeVisible();
      return "dialog open";
    case "/admin/emails":
      // Another e-mail in the page's own language, its HTML frame drawn.
      await page.getByTestId("email-set_password.reviewer").click();
      await expect(page.getByTestId("email-preview")).toHaveAttribute("data-template", "set_password.reviewer");
      await page.getByTestId(`email-lang-${lang}`).click();
      await expect(page.getByTestId("email-preview")).toHaveAttribute("data-lang", lang);
      await expect(page.getByTestId("email-preview")).toHaveAttribute("data-template", "set_password.reviewer");
      await expect(page.frameLocator('[data-testid="email-html"]').locator("a")).toBeVisible();
      return "another e-mail";
    default:
      return null;
  }
}

test.describe("accessibility (axe, WCAG 2.2 AA)", () => {
  let w: World;
  test.beforeAll(async () => {
    w = await writeWorld();
  });

  for (const lang of LANGS) {
    for (const who of ["signedOut", "applicant", "reviewer", "admin"] as const) {
      test(`every ${who} page in ${lang} has no violation`, async ({ browser, baseURL }) => {
        test.setTimeout(240_000);
        const patterns = Object.keys(PAGE_RULES).filter((p) => whoFor(p) === who);
        expect(patterns.length).toBeGreaterThan(0);
        const { context, page } = await contextFor(browser, baseURL!, who, lang, w);
        const found: Violation[] = [];
        const log: Scanned[] = [];
        try {
          for (const pattern of patterns) {
            const url = sample(pattern, w);
            const res = await page.goto(url);
            expect(res?.status(), `${url}`).toBe(pattern === "/[...rest]" ? 404 : 200);
            await expect(page.locator("html")).toHaveAttribute("lang", lang);
            // Charts are drawn in the browser: scan them drawn.
            if (pattern === "/admin/dashboard") await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
            found.push(...(await scan(page, `${pattern} (${lang})`, { page: pattern, url, role: who, lang, state: "" }, log)));
            // On a 360 px phone the page itself never scrolls sideways (wide tables scroll in their own region).
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            if (width > 360) found.push({ where: `${pattern} (${lang})`, rule: "no-sideways-scroll", impact: "serious", nodes: [`scrollWidth ${width}`] });
            // An applicant's pages (the public ones too) are used with a thumb: every control is at least 44 × 44 px.
            const targets = async (where: string) => {
              if (who !== "signedOut" && who !== "applicant") return;
              const small = await smallTargets(page);
              if (small.length > 0) found.push({ where, rule: "touch-target-44px", impact: "serious", nodes: small.map((s) => `${s.target} ${s.width}×${s.height}`) });
            };
            await targets(`${pattern} (${lang})`);
            const state = await states(page, pattern, lang);
            if (state) {
              found.push(...(await scan(page, `${pattern} (${lang}, ${state})`, { page: pattern, url, role: who, lang, state }, log)));
              await targets(`${pattern} (${lang}, ${state})`);
            }
          }
        } finally {
          await context.close();
          // What was scanned, page by page: axe's violations and how many rules passed (for the record).
          const dir = path.join(test.info().project.outputDir, "a11y");
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, `${who}-${lang}.json`), JSON.stringify(log, null, 1));
        }
        expect(found).toEqual([]);
      });
    }
  }
});
