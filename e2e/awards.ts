import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "pg";
import { makeIin } from "./accounts";

/**
 * A call of its own for the awards spec. The demo's closed call is shared with specs that need its reviewed
 * applications to stay reviewed (applicant4's, and the ones admin-progress reopens) and nothing may publish
 * or archive it; so each run writes, as the app role, a closed Бизнес бастау call of 3 grants with six
 * reviewed applications scored by one reviewer of its own, its own applicants (who can sign in with the demo
 * password) and district rules that give every reason of the proposal:
 *
 *   rank  district   score  proposal
 *   1     talgar     85     funded by rank
 *   2     talgar     80     left out: the district's ceiling (Talgar: 1)
 *   3     ili        70     funded by rank (the last grant)
 *   4     karasai    60     funded first: Karasai's reserved grant (reserved minimum 1)
 *   5     ili        50     left out: budget exhausted
 *   6     zhambyl    20     left out: below the minimum score (30)
 *
 * One reviewer scoring all six: the normalised scores equal the raw ones (the reviewer's mean and spread
 * are the call's), so both orders agree.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

export const AMOUNT = 1_500_000;
export const GRANTS = 3;
export const MIN_SCORE = 30;

export type FixtureApp = { id: string; reference: string; title: string; district: string; score: number; applicantEmail: string };
export type AwardsCall = { callId: string; title: string; apps: FixtureApp[]; reviewerEmail: string };

const PLAN: { district: string; score: number; idea: string }[] = [
  { district: "talgar", score: 85, idea: "Нан пісіретін шағын цех" },
  { district: "talgar", score: 80, idea: "Тігін шеберханасы" },
  { district: "ili", score: 70, idea: "Көкөніс сақтау қоймасы" },
  { district: "karasai", score: 60, idea: "Балаларға арналған робототехника үйірмесі" },
  { district: "ili", score: 50, idea: "Автокөлік жуу орны" },
  { district: "zhambyl", score: 20, idea: "Кофе дүңгіршегі" },
];

export const reference = (id: string) => `JG-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`;

export async function db(): Promise<Client> {
  const port = fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3].trim();
  const password = fs.readFileSync(path.join(DATA_DIR, "app-password"), "utf8").trim();
  const c = new Client({ host: "127.0.0.1", port: Number(port), user: "jasgrant_app", password, database: "jasgrant" });
  await c.connect();
  return c;
}

export async function createAwardsCall(): Promise<AwardsCall> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const c = await db();
  try {
    await c.query("BEGIN");
    const { rows: progs } = await c.query<{ id: string }>(`SELECT id FROM programmes WHERE code = 'biznes_bastau'`);
    // The demo password's hash, so the run's reviewer and applicants can sign in as every demo account does.
    const { rows: demo } = await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
    const hash = demo[0].password_hash;
    const { rows: admin } = await c.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@jasgrant.demo'`);
    const year = new Date().getUTCFullYear() - 1;
    const title = `Марапаттар сынағы ${run}`;
    const { rows: call } = await c.query<{ id: string }>(
      `INSERT INTO calls (programme_id, year, title_kk, title_ru, title_en, opens_at, closes_at, review_deadline, budget_cap, award_amount, min_score, reviewers_per_application)
       VALUES ($1, $2, $3, $4, $5, now() - interval '120 days', now() - interval '60 days', now() - interval '10 days', $6, $7, $8, 1) RETURNING id`,
      [progs[0].id, year, title, `Проверка грантов ${run}`, `Awards check ${run}`, GRANTS * AMOUNT, AMOUNT, MIN_SCORE],
    );
    const callId = call[0].id;
    await c.query(
      `INSERT INTO call_districts (call_id, district_code, ceiling, reserved_minimum)
       SELECT $1, code, CASE WHEN code = 'talgar' THEN 1 END, CASE WHEN code = 'karasai' THEN 1 END FROM districts`,
      [callId],
    );
    const reviewerEmail = `awards.reviewer.${run}@gmail.com`;
    const { rows: reviewer } = await c.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, language, organisation)
       VALUES ($1, $2, 'reviewer', now(), 'Бағалаушы', 'Сынақ', 'kk', $3) RETURNING id`,
      [reviewerEmail, hash, `Марапат сараптамасы ${run}`],
    );
    const apps: FixtureApp[] = [];
    for (const [i, p] of PLAN.entries()) {
      const applicantEmail = `awards.applicant.${run}.${i + 1}@example.kz`;
      const birth = { year: 1995 + i, month: 3 + i, day: 10 + i };
      const birthDate = `${birth.year}-${String(birth.month).padStart(2, "0")}-${birth.day}`;
      const { rows: user } = await c.query<{ id: string }>(
        `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
         VALUES ($1, $2, 'applicant', now(), 'Өтінішберов', $3, $4, $5, $6, 'kk') RETURNING id`,
        [applicantEmail, hash, `Сынақ${i + 1}`, makeIin(birth, i % 2 ? "female" : "male"), birthDate, p.district],
      );
      const appTitle = `${p.idea} (${run})`;
      const data = { idea: { idea: p.idea } };
      const { rows: app } = await c.query<{ id: string }>(
        `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, submitted_at, screened_at, screened_by)
         VALUES ($1, $2, 'reviewed', $3, $4, $5, now() - interval '70 days', now() - interval '50 days', $6) RETURNING id`,
        [callId, user[0].id, p.district, appTitle, JSON.stringify(data), admin[0].id],
      );
      const appId = app[0].id;
      await c.query(
        `INSERT INTO application_revisions (application_id, revision, data, content_hash, submitted_at) VALUES ($1, 1, $2, $3, now() - interval '70 days')`,
        [appId, JSON.stringify(data), `e2e-${run}-${i}`],
      );
      const { rows: asg } = await c.query<{ id: string }>(
        `INSERT INTO review_assignments (call_id, application_id, reviewer_id, status, assigned_at) VALUES ($1, $2, $3, 'assigned', now() - interval '40 days') RETURNING id`,
        [callId, appId, reviewer[0].id],
      );
      await c.query(
        `INSERT INTO reviews (assignment_id, application_id, reviewer_id, status, comment, total, submitted_at) VALUES ($1, $2, $3, 'submitted', $4, $5, now() - interval '20 days')`,
        [asg[0].id, appId, reviewer[0].id, "Жоспар нақты, бюджет негізделген.", p.score],
      );
      apps.push({ id: appId, reference: reference(appId), title: appTitle, district: p.district, score: p.score, applicantEmail });
    }
    await c.query("COMMIT");
    return { callId, title, apps, reviewerEmail };
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    await c.end();
  }
}
