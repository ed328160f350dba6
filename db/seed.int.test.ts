import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/db/client";
import { seed } from "@/db/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { BENCHMARK_CALL_ID } from "@/db/seed/scale";
import { revisionContentHash, weightedTotal } from "@/db/seed/util";
import { now } from "@/lib/clock";
import { DISTRICTS } from "@/lib/domain/districts";
import { ageOn, parseIin } from "@/lib/domain/iin";

const quiet = { log: () => undefined };
const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await getPool().query<T>(text, params)).rows;

/** Row count of every table of the schema. */
async function counts(): Promise<Record<string, number>> {
  const tables = await q<{ t: string }>(
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`))[0].n;
  return out;
}

describe("reference data (demo = false)", () => {
  beforeAll(async () => {
    await seed({ demo: false, ...quiet });
  });

  it("has the 11 districts of DOMAIN.md, exactly, with the rural flag", async () => {
    const rows = await q<{ code: string; name_kk: string; name_ru: string; name_en: string; rural: boolean }>(
      "SELECT code, name_kk, name_ru, name_en, rural FROM districts ORDER BY sort_order",
    );
    expect(rows).toEqual(DISTRICTS.map((d) => ({ code: d.code, name_kk: d.kk, name_ru: d.ru, name_en: d.en, rural: d.rural })));
    expect(rows.filter((r) => r.rural)).toHaveLength(9);
  });

  it("has the MRP rates, the three programmes and their rubrics (5, 9 and 4 criteria)", async () => {
    expect(await q("SELECT year, amount::int AS amount FROM mrp_rates ORDER BY year")).toEqual([
      { year: 2024, amount: 3692 },
      { year: 2025, amount: 3932 },
      { year: 2026, amount: 4325 },
    ]);
    const programmes = await q<{ code: string; award_amount: string; score_out_of: number; eligibility: Record<string, unknown>; tie_break: string[]; n: number }>(
      `SELECT p.code, p.award_amount, p.score_out_of, p.eligibility, p.tie_break,
              (SELECT count(*)::int FROM rubric_criteria c WHERE c.programme_id = p.id) AS n
         FROM programmes p ORDER BY p.code`,
    );
    expect(programmes.map((p) => [p.code, Number(p.award_amount), p.score_out_of, p.n])).toEqual([
      ["biznes_bastau", 1_500_000, 100, 5],
      ["tauelsizdik_urpaqtary", 1_000_000, 10, 9],
      ["zangar", 500_000, 100, 4],
    ]);
    const [bb, tu] = programmes;
    expect(bb.eligibility).toMatchObject({ minAge: 18, maxAge: 35, requiresTrainingCertificate: true });
    expect(bb.tie_break).toEqual(["normalised_score", "jobs_created", "submitted_at"]);
    expect(tu.eligibility).toMatchObject({ minAge: 14, maxAge: 34, guardianConsentBelow: 18, individualsOnly: true, excludePastWinners: true });
    expect(tu.tie_break).toEqual(["normalised_score", "submitted_at"]);
    const bbCriteria = await q<{ code: string }>(
      "SELECT c.code FROM rubric_criteria c JOIN programmes p ON p.id = c.programme_id WHERE p.code = 'biznes_bastau' ORDER BY c.sort_order",
    );
    expect(bbCriteria.map((c) => c.code)).toEqual(["market_demand", "financial_viability", "market_research", "entrepreneurial_competence", "jobs_created"]);
  });

  it("creates no users, calls or applications", async () => {
    const c = await counts();
    expect([c.users, c.calls, c.applications, c.consents, c.past_winners]).toEqual([0, 0, 0, 0, 0]);
  });

  it("is idempotent and never overwrites what an admin edited", async () => {
    await q("UPDATE programmes SET name_ru = 'Бизнес бастау (ред.)' WHERE code = 'biznes_bastau'");
    await q("UPDATE districts SET name_en = 'Ili District' WHERE code = 'ili'");
    await q("DELETE FROM rubric_criteria WHERE code = 'presentation'");
    const before = await counts();
    await seed({ demo: false, ...quiet });
    expect(await counts()).toEqual(before);
    expect((await q("SELECT name_ru FROM programmes WHERE code = 'biznes_bastau'"))[0]).toEqual({ name_ru: "Бизнес бастау (ред.)" });
    expect((await q("SELECT name_en FROM districts WHERE code = 'ili'"))[0]).toEqual({ name_en: "Ili District" });
    // Restore for the demo tests below.
    await q("UPDATE districts SET name_en = 'Ili district' WHERE code = 'ili'");
  });
});

describe("demo data", () => {
  let first: Record<string, number>;

  beforeAll(async () => {
    await seed({ demo: true, ...quiet });
    first = await counts();
  });

  it("is inserted once: seeding again gives the same row counts in every table", async () => {
    const again = await seed({ demo: true, ...quiet });
    expect(again.demo?.created).toBe(false);
    expect(await counts()).toEqual(first);
    expect(first.users).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
  });

  it("has the sign-in accounts, with the demo password (argon2id) and verified e-mails", async () => {
    const rows = await q<{ email: string; role: string; password_hash: string; verified: boolean }>(
      "SELECT email, role, password_hash, email_verified_at IS NOT NULL AS verified FROM users WHERE email LIKE '%@jasgrant.demo' AND password_hash IS NOT NULL ORDER BY email",
    );
    expect(rows.map((r) => [r.email, r.role]).sort()).toEqual(DEMO_ACCOUNTS.map((a) => [a.email, a.role]).sort());
    expect(rows.every((r) => r.verified && r.password_hash.startsWith("$argon2id$"))).toBe(true);
    expect(await verify(rows[0].password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(rows[0].password_hash, "wrong-password")).toBe(false);
  });

  it("has valid IINs everywhere, the applicants' ages, consents and the guardian's consent for the 16-year-old", async () => {
    const iins = await q<{ iin: string }>(
      `SELECT iin FROM users WHERE iin IS NOT NULL
       UNION ALL SELECT guardian_iin FROM consents WHERE guardian_iin IS NOT NULL
       UNION ALL SELECT iin FROM past_winners`,
    );
    expect(iins.length).toBe(6 + 8 + 1 + 4); // applicants, last year's other applicants, a guardian, past winners
    expect(iins.filter((r) => !parseIin(r.iin).ok)).toEqual([]);

    const [open] = await q<{ closes_at: Date }>(
      "SELECT closes_at FROM calls WHERE closes_at > now() AND id <> $1 LIMIT 1",
      [BENCHMARK_CALL_ID],
    );
    const applicants = await q<{ email: string; iin: string; birth_date: string; district_code: string; phone: string; consents: string[] }>(
      `SELECT u.email, u.iin, to_char(u.birth_date, 'YYYY-MM-DD') AS birth_date, u.district_code, u.phone,
              array(SELECT kind::text FROM consents c WHERE c.user_id = u.id ORDER BY kind) AS consents
         FROM users u WHERE u.email LIKE 'applicant%@jasgrant.demo' ORDER BY u.email`,
    );
    expect(applicants.map((a) => ageOn(a.birth_date, open.closes_at))).toEqual([16, 19, 22, 25, 29, 33]);
    for (const a of applicants) {
      const parsed = parseIin(a.iin);
      expect(parsed.ok && parsed.birthDate).toBe(a.birth_date);
      expect(a.phone).toMatch(/^\+7701\d{7}$/);
      expect(a.consents).toContain("personal_data");
    }
    expect(applicants[0].consents).toEqual(["guardian", "personal_data"]);
    expect(new Set(applicants.map((a) => a.district_code))).toEqual(new Set(["ili", "talgar", "karasai", "zhambyl", "konaev"]));
  });

  it("has an open call per programme: opened 10 days ago, closing in 30 days at 18:00 Almaty (13:00Z)", async () => {
    const calls = await q<{ code: string; opens_at: Date; closes_at: Date; review_deadline: Date; budget_cap: string; award_amount: string }>(
      `SELECT p.code, c.opens_at, c.closes_at, c.review_deadline, c.budget_cap, c.award_amount
         FROM calls c JOIN programmes p ON p.id = c.programme_id
        WHERE c.closes_at > now() AND c.id <> $1 ORDER BY p.code`,
      [BENCHMARK_CALL_ID],
    );
    expect(calls.map((c) => c.code)).toEqual(["biznes_bastau", "tauelsizdik_urpaqtary", "zangar"]);
    const t = now().getTime();
    for (const c of calls) {
      expect(c.opens_at.getTime()).toBeLessThan(t - 9 * 86_400_000);
      expect(c.opens_at.getTime()).toBeGreaterThan(t - 11 * 86_400_000);
      expect(c.closes_at.getUTCHours()).toBe(13);
      expect(c.closes_at.getUTCMinutes()).toBe(0);
      expect(Math.round((c.closes_at.getTime() - t) / 86_400_000)).toBeGreaterThanOrEqual(30);
      expect(c.closes_at.getTime() - t).toBeLessThan(31 * 86_400_000);
      expect(c.review_deadline.getTime() - c.closes_at.getTime()).toBe(30 * 86_400_000);
    }
    expect([Number(calls[0].budget_cap), Number(calls[0].award_amount)]).toEqual([136_500_000, 1_500_000]);
    const districts = await q<{ district_code: string; ceiling: number | null; reserved_minimum: number | null }>(
      `SELECT district_code, ceiling, reserved_minimum FROM call_districts cd JOIN calls c ON c.id = cd.call_id
        JOIN programmes p ON p.id = c.programme_id
        WHERE p.code = 'biznes_bastau' AND c.closes_at > now() AND c.id <> $1
          AND (ceiling IS NOT NULL OR reserved_minimum IS NOT NULL) ORDER BY district_code`,
      [BENCHMARK_CALL_ID],
    );
    expect(districts).toEqual([
      { district_code: "ili", ceiling: null, reserved_minimum: 5 },
      { district_code: "karasai", ceiling: null, reserved_minimum: 5 },
      { district_code: "konaev", ceiling: 10, reserved_minimum: null },
      { district_code: "talgar", ceiling: null, reserved_minimum: 5 },
    ]);
    const drafts = await q<{ n: number }>("SELECT count(*)::int AS n FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.status = 'draft' AND c.closes_at > now()");
    expect(drafts[0].n).toBeGreaterThanOrEqual(2);
  });

  it("keeps awarded totals equal to the active awards, per call and per district", async () => {
    const byCall = await q<{ id: string; awarded_total: string; sum: string; budget_cap: string }>(
      `SELECT c.id, c.awarded_total, c.budget_cap,
              (SELECT coalesce(sum(a.amount), 0) FROM awards a WHERE a.call_id = c.id AND a.status = 'active') AS sum
         FROM calls c`,
    );
    expect(byCall.length).toBeGreaterThanOrEqual(4);
    for (const c of byCall) {
      expect(c.awarded_total).toBe(c.sum);
      expect(Number(c.awarded_total)).toBeLessThanOrEqual(Number(c.budget_cap));
    }
    expect(byCall.some((c) => Number(c.awarded_total) > 0)).toBe(true);
    const byDistrict = await q<{ awarded_count: number; awarded_total: string; n: number; sum: string }>(
      `SELECT cd.awarded_count, cd.awarded_total,
              (SELECT count(*)::int FROM awards a WHERE a.call_id = cd.call_id AND a.district_code = cd.district_code AND a.status = 'active') AS n,
              (SELECT coalesce(sum(a.amount), 0) FROM awards a WHERE a.call_id = cd.call_id AND a.district_code = cd.district_code AND a.status = 'active') AS sum
         FROM call_districts cd`,
    );
    expect(byDistrict.length).toBe(byCall.length * 11);
    for (const d of byDistrict) expect([d.awarded_count, d.awarded_total]).toEqual([d.n, d.sum]);
    // Every awarded application is in status awarded, and every award has its district row.
    expect(await q("SELECT a.id FROM awards a JOIN applications ap ON ap.id = a.application_id WHERE a.status = 'active' AND ap.status <> 'awarded'")).toEqual([]);
    expect(await q("SELECT a.id FROM awards a LEFT JOIN call_districts cd ON cd.call_id = a.call_id AND cd.district_code = a.district_code WHERE cd.call_id IS NULL")).toEqual([]);
  });

  it("has last year's closed call with submitted, in-review, reviewed and awarded applications, revisions and reviews", async () => {
    const statuses = await q<{ status: string; n: number }>(
      `SELECT a.status::text, count(*)::int AS n FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE c.closes_at < now() AND c.id <> $1 GROUP BY a.status ORDER BY a.status`,
      [BENCHMARK_CALL_ID],
    );
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(["submitted", "in_review", "reviewed", "awarded"]));

    // Every application that was ever submitted has its frozen revision, hashed over its data.
    const revisions = await q<{ id: string; data: unknown; rev_data: unknown; content_hash: string | null }>(
      `SELECT a.id, a.data, r.data AS rev_data, r.content_hash FROM applications a
         LEFT JOIN application_revisions r ON r.application_id = a.id
        WHERE a.status <> 'draft'`,
    );
    for (const r of revisions) {
      expect(r.content_hash).toBe(revisionContentHash(r.rev_data));
      expect(r.rev_data).toEqual(r.data);
    }

    // Reviewed and awarded: 3 submitted reviews, each with a score for all 5 criteria and a matching total.
    const criteria = await q<{ id: string; scale_min: number; scale_max: number; weight: number }>(
      `SELECT c.id, c.scale_min, c.scale_max, c.weight::float8 AS weight FROM rubric_criteria c
         JOIN programmes p ON p.id = c.programme_id WHERE p.code = 'biznes_bastau' ORDER BY c.sort_order`,
    );
    const reviews = await q<{ application_id: string; total: string; scores: Record<string, number> }>(
      `SELECT r.application_id, r.total, jsonb_object_agg(s.criterion_id, s.score) AS scores
         FROM reviews r JOIN applications a ON a.id = r.application_id JOIN review_scores s ON s.review_id = r.id
        WHERE a.status IN ('reviewed', 'awarded') AND r.status = 'submitted'
        GROUP BY r.id`,
    );
    const perApp = new Map<string, number>();
    for (const r of reviews) {
      perApp.set(r.application_id, (perApp.get(r.application_id) ?? 0) + 1);
      expect(Object.keys(r.scores)).toHaveLength(5);
      const scores = criteria.map((c) => r.scores[c.id]);
      expect(Number(r.total)).toBeCloseTo(weightedTotal(scores, criteria.map((c) => ({ scaleMin: c.scale_min, scaleMax: c.scale_max, weight: c.weight })), 100), 4);
    }
    const reviewedApps = await q<{ id: string }>("SELECT id FROM applications WHERE status IN ('reviewed', 'awarded')");
    expect(reviewedApps.length).toBeGreaterThanOrEqual(4);
    for (const a of reviewedApps) expect(perApp.get(a.id)).toBe(3);
  });

  it("writes plans whose budget lines sum to the award, with a 12-month forecast", async () => {
    const plans = await q<{ data: { budget?: { lines: { amount: number; quantity: number; unitPrice: number }[] }; forecast?: { months: unknown[] } }; award: string }>(
      `SELECT a.data, c.award_amount AS award FROM applications a JOIN calls c ON c.id = a.call_id
        JOIN programmes p ON p.id = c.programme_id WHERE p.code = 'biznes_bastau' AND a.status <> 'draft'`,
    );
    expect(plans.length).toBeGreaterThan(5);
    for (const p of plans) {
      const lines = p.data.budget!.lines;
      expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(Number(p.award));
      for (const l of lines) expect(l.amount).toBe(l.quantity * l.unitPrice);
      expect(p.data.forecast!.months).toHaveLength(12);
    }
  });

  it("lists past winners of Тәуелсіздік ұрпақтары, applicant 6 among them", async () => {
    const rows = await q<{ iin: string; email: string | null }>(
      `SELECT w.iin, u.email FROM past_winners w JOIN programmes p ON p.id = w.programme_id
         LEFT JOIN users u ON u.iin = w.iin WHERE p.code = 'tauelsizdik_urpaqtary'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.email)).toContain("applicant6@jasgrant.demo");
  });
});

describe("--scale", () => {
  it("fills the benchmark call with 500 reviewed applications, quickly, and tops up idempotently", async () => {
    const before = await counts();
    const t0 = performance.now();
    const r = await seed({ demo: true, scale: 500, ...quiet });
    const ms = performance.now() - t0;
    console.log(`[seed.int.test] --scale 500: ${ms.toFixed(0)} ms (seed reports ${r.scale?.ms} ms), rows ${JSON.stringify(r.scale?.rows)}`);
    expect(r.scale).toMatchObject({ target: 500, before: 0, added: 500 });
    expect(r.scale!.rows).toEqual({ users: 500, consents: 500, applications: 500, revisions: 500, assignments: 1500, reviews: 1500, scores: 7500 });

    const after = await counts();
    expect(after.applications - before.applications).toBe(500);
    expect(after.users - before.users).toBe(530); // 500 applicants + 30 benchmark reviewers
    expect(after.review_scores - before.review_scores).toBe(7500);
    expect(after.calls - before.calls).toBe(1);

    const apps = await q<{ status: string; n: number; districts: number; revisions: number; reviews: number; reviewers: number; jobs: number }>(
      `SELECT a.status::text, count(*)::int AS n, count(DISTINCT a.district_code)::int AS districts,
              (SELECT count(*)::int FROM application_revisions r JOIN applications x ON x.id = r.application_id WHERE x.call_id = $1) AS revisions,
              (SELECT count(*)::int FROM reviews r JOIN applications x ON x.id = r.application_id WHERE x.call_id = $1 AND r.status = 'submitted') AS reviews,
              (SELECT count(DISTINCT reviewer_id)::int FROM review_assignments WHERE call_id = $1) AS reviewers,
              count(*) FILTER (WHERE a.jobs_created > 0)::int AS jobs
         FROM applications a WHERE a.call_id = $1 GROUP BY a.status`,
      [BENCHMARK_CALL_ID],
    );
    expect(apps).toEqual([{ status: "reviewed", n: 500, districts: 11, revisions: 500, reviews: 1500, reviewers: 30, jobs: 500 }]);

    // Submitted inside the call's window; valid, unique IINs; ages 18–35 on the closing date.
    const [call] = await q<{ opens_at: Date; closes_at: Date; awarded_total: string }>("SELECT opens_at, closes_at, awarded_total FROM calls WHERE id = $1", [BENCHMARK_CALL_ID]);
    expect(call.closes_at.getTime()).toBeLessThan(Date.now());
    const people = await q<{ iin: string; submitted_at: Date }>(
      "SELECT u.iin, a.submitted_at FROM applications a JOIN users u ON u.id = a.applicant_id WHERE a.call_id = $1",
      [BENCHMARK_CALL_ID],
    );
    expect(new Set(people.map((p) => p.iin)).size).toBe(500);
    for (const p of people) {
      const parsed = parseIin(p.iin);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(ageOn(parsed.birthDate, call.closes_at)).toBeGreaterThanOrEqual(18);
      if (parsed.ok) expect(ageOn(parsed.birthDate, call.closes_at)).toBeLessThanOrEqual(35);
      expect(p.submitted_at.getTime()).toBeGreaterThan(call.opens_at.getTime());
      expect(p.submitted_at.getTime()).toBeLessThan(call.closes_at.getTime());
    }

    // Again: nothing added; a larger target tops up.
    const again = await seed({ demo: true, scale: 500, ...quiet });
    expect(again.scale?.added).toBe(0);
    expect(await counts()).toEqual(after);
    const more = await seed({ demo: true, scale: 700, ...quiet });
    expect(more.scale).toMatchObject({ before: 500, added: 200 });
  });
});
