import { expect, test, type Page } from "@playwright/test";
import { makeIin } from "./accounts";
import { db } from "./awards";
import { signedInContext } from "./fixtures";

/**
 * Stored XSS: script and markup in every free-text field a person can write (application title and
 * answers, a person's name and organisation, a reviewer's comments, an admin's screening reason,
 * conflict note and revocation reason, a call's title from the editor), shown in every view that
 * displays them — the applicant's, the reviewer's, the admin's, the printable protocol and the public
 * results. Each view must show the text as text: no element from the payload in the DOM, no script run.
 * The data is written as the app role, as if it had passed every form (so the views, not the forms,
 * are what is tested).
 */

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
/** A spreadsheet formula as a title: an export must write it as text. */
const FORMULA = `=HYPERLINK("http://evil.example/${run}","click")`;
const ATTACK = `XSS${run} <script>window.__xss=1</script><img src=x onerror="window.__xss=2"><svg onload="window.__xss=3"></svg>"><iframe src="javascript:window.__xss=4"></iframe>`;

type World = { callId: string; appId: string; applicantId: string; applicantEmail: string; reviewerEmail: string; assignmentId: string };

async function writeWorld(): Promise<World> {
  const c = await db();
  try {
    await c.query("BEGIN");
    const { rows: progs } = await c.query<{ id: string }>(`SELECT id FROM programmes WHERE code = 'biznes_bastau'`);
    const { rows: demo } = await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
    const { rows: admin } = await c.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@jasgrant.demo'`);
    const hash = demo[0].password_hash;
    const { rows: call } = await c.query<{ id: string }>(
      `INSERT INTO calls (programme_id, year, title_kk, title_ru, title_en, opens_at, closes_at, review_deadline, budget_cap, award_amount, reviewers_per_application, results_published_at)
       VALUES ($1, $2, $3, $3, $3, now() - interval '90 days', now() - interval '60 days', now() - interval '30 days', 15000000, 1500000, 1, now() - interval '1 day') RETURNING id`,
      [progs[0].id, new Date().getUTCFullYear() - 1, ATTACK],
    );
    const callId = call[0].id;
    await c.query(`INSERT INTO call_districts (call_id, district_code) SELECT $1, code FROM districts`, [callId]);
    const applicantEmail = `xss.applicant.${run}@example.kz`;
    const { rows: u } = await c.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, patronymic, iin, birth_date, phone, district_code, language)
       VALUES ($1, $2, 'applicant', now(), $3, $3, $3, $4, '1998-06-07', '+77015550101', 'talgar', 'kk') RETURNING id`,
      [applicantEmail, hash, ATTACK, makeIin({ year: 1998, month: 6, day: 7 })],
    );
    const reviewerEmail = `xss.reviewer.${run}@gmail.com`;
    const { rows: r } = await c.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, organisation, language) VALUES ($1, $2, 'reviewer', now(), $3, $3, $3, 'kk') RETURNING id`,
      [reviewerEmail, hash, ATTACK],
    );
    const data = { idea: { idea: ATTACK } };
    const { rows: a } = await c.query<{ id: string }>(
      `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, jobs_created, submitted_at, screened_at, screened_by)
       VALUES ($1, $2, 'awarded', 'talgar', $3, $4, 2, now() - interval '70 days', now() - interval '65 days', $5) RETURNING id`,
      [callId, u[0].id, ATTACK, JSON.stringify(data), admin[0].id],
    );
    const appId = a[0].id;
    await c.query(`INSERT INTO application_revisions (application_id, revision, data, content_hash, submitted_at) VALUES ($1, 1, $2, $3, now() - interval '70 days')`, [appId, JSON.stringify(data), `xss-${run}`]);
    const { rows: asg } = await c.query<{ id: string }>(`INSERT INTO review_assignments (call_id, application_id, reviewer_id, status) VALUES ($1, $2, $3, 'assigned') RETURNING id`, [callId, appId, r[0].id]);
    const { rows: rv } = await c.query<{ id: string }>(
      `INSERT INTO reviews (assignment_id, application_id, reviewer_id, status, comment, total, submitted_at) VALUES ($1, $2, $3, 'submitted', $4, 80, now() - interval '40 days') RETURNING id`,
      [asg[0].id, appId, r[0].id, ATTACK],
    );
    const { rows: crit } = await c.query<{ id: string }>(`SELECT id FROM rubric_criteria WHERE programme_id = $1 ORDER BY sort_order LIMIT 1`, [progs[0].id]);
    await c.query(`INSERT INTO review_scores (review_id, criterion_id, score, comment) VALUES ($1, $2, 7, $3)`, [rv[0].id, crit[0].id, ATTACK]);
    await c.query(`INSERT INTO conflicts (call_id, application_id, reviewer_id, source, kind, status, note) VALUES ($1, $2, $3, 'declared', 'other', 'dismissed', $4)`, [callId, appId, r[0].id, ATTACK]);
    await c.query(
      `INSERT INTO awards (application_id, call_id, district_code, amount, awarded_by) VALUES ($1, $2, 'talgar', 1500000, $3)`,
      [appId, callId, admin[0].id],
    );
    await c.query(`UPDATE calls SET awarded_total = 1500000 WHERE id = $1`, [callId]);
    await c.query(`UPDATE call_districts SET awarded_count = 1, awarded_total = 1500000 WHERE call_id = $1 AND district_code = 'talgar'`, [callId]);
    // A second application, refused at screening with the admin's reason.
    const { rows: u2 } = await c.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
       VALUES ($1, $2, 'applicant', now(), 'Екінші', 'Сынақ', $3, '1997-05-06', 'talgar', 'kk') RETURNING id`,
      [`xss.applicant2.${run}@example.kz`, hash, makeIin({ year: 1997, month: 5, day: 6 })],
    );
    await c.query(
      `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, submitted_at, screened_at, screened_by, screening_reason)
       VALUES ($1, $2, 'ineligible', 'talgar', $5, '{}', now() - interval '70 days', now() - interval '65 days', $3, $4)`,
      [callId, u2[0].id, admin[0].id, ATTACK, FORMULA],
    );
    await c.query("COMMIT");
    return { callId, appId, applicantId: u[0].id, applicantEmail, reviewerEmail, assignmentId: asg[0].id };
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    await c.end();
  }
}

/** Opens the page; the payload must be there as text, and nothing of it as elements or running code. */
async function expectInert(page: Page, url: string, mustShow = true): Promise<void> {
  let dialog = false;
  page.on("dialog", async (d) => {
    dialog = true;
    await d.dismiss();
  });
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const state = await page.evaluate((marker) => {
    const text = document.body.innerText;
    return {
      shown: text.includes(`XSS${marker}`) && text.includes("<script>"),
      ran: (window as unknown as { __xss?: number }).__xss ?? null,
      elements: document.querySelectorAll('img[src="x"], svg[onload], iframe[src^="javascript"], [onerror], [onload]').length,
      // The payload's own <script> (Next's flight data carries the text inside a JSON string: not a script of its own).
      scripts: [...document.scripts].filter((s) => (s.textContent ?? "").trim().startsWith("window.__xss")).length,
    };
  }, run);
  expect(state.ran, `${url}: the payload ran`).toBeNull();
  expect(state.elements, `${url}: payload elements in the DOM`).toBe(0);
  expect(state.scripts, `${url}: payload script element`).toBe(0);
  expect(dialog).toBe(false);
  if (mustShow) expect(state.shown, `${url}: the text is shown as written`).toBe(true);
}

test.describe("stored XSS stays inert in every view", () => {
  test.describe.configure({ mode: "serial" });
  let w: World;
  test.beforeAll(async () => {
    w = await writeWorld();
  });

  test("the applicant's views", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, w.applicantEmail);
    try {
      await expectInert(page, "/my");
      await expectInert(page, `/my/applications/${w.appId}`);
      await expectInert(page, `/my/applications/${w.appId}/print`);
    } finally {
      await context.close();
    }
  });

  test("the reviewer's views", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, w.reviewerEmail);
    try {
      await expectInert(page, "/review");
      await expectInert(page, `/review/${w.assignmentId}`);
    } finally {
      await context.close();
    }
  });

  test("the admin's views, the printable protocol and the audit log", async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await signedInContext(browser, "admin@jasgrant.demo");
    try {
      for (const url of [
        "/admin/calls",
        `/admin/calls/${w.callId}`,
        `/admin/calls/${w.callId}/screening`,
        `/admin/calls/${w.callId}/conflicts`,
        `/admin/calls/${w.callId}/progress`,
        `/admin/calls/${w.callId}/ranking`,
        `/admin/calls/${w.callId}/awards`,
        `/admin/calls/${w.callId}/protocol`,
        `/admin/applications/${w.appId}`,
        `/admin/users/${w.applicantId}`,
        `/admin/users?q=${encodeURIComponent(w.applicantEmail)}`,
      ]) {
        await expectInert(page, url);
      }
      // The audit log holds no personal values, so the payload need not appear; it must not run if it does.
      await expectInert(page, "/admin/audit", false);
    } finally {
      await context.close();
    }
  });

  test("the public results, signed out", async ({ page }) => {
    await expectInert(page, "/results");
  });

  test("the exports keep it as text (no formula, no markup)", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, "admin@jasgrant.demo");
    try {
      const csv = await (await page.request.get(`/api/calls/${w.callId}/protocol.csv?lang=en`)).text();
      expect(csv).toContain(`XSS${run}`);
      // A cell never starts with a formula character.
      for (const cell of csv.split(/[;\r\n]/)) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
      // The formula planted in a title comes out neutralised (a leading apostrophe), in the export that lists titles.
      const apps = await (await page.request.get(`/api/calls/${w.callId}/export/applications.csv?lang=en`)).text();
      expect(apps).toContain(`'=HYPERLINK(""http://evil.example/${run}""`);
      expect(apps).not.toMatch(/(^|;)"?=HYPERLINK/m);
      const open = await (await page.request.get("/api/results.csv?lang=en")).text();
      expect(open).toContain(`XSS${run}`);
    } finally {
      await context.close();
    }
  });
});
