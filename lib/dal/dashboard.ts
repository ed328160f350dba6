import "server-only";
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calls, districts, programmes, type Localised } from "@/db/schema";
import {
  bucketAges,
  cumulativeByDay,
  funnelOf,
  RECEIVED_STATUSES,
  type AgeGroupRow,
  type CumulativePoint,
  type DashboardFilters,
  type Funnel,
} from "@/lib/domain/dashboard";
import { can } from "@/lib/domain/permissions";
import type { Actor } from "./applications";

/**
 * The admin dashboard: aggregates only. Every figure is computed by PostgreSQL (COUNT/SUM … GROUP BY over
 * the calls in the filter); no application, applicant or review row is loaded into Node, and nothing that
 * names or identifies a person leaves this module — counts, sums, ages in whole years and sexes, per
 * programme, call, district or day. Admins only (thrown otherwise, like the other admin data functions).
 *
 * Opening the dashboard writes no audit row: it reads no personal data, only aggregates (the audit log
 * records reads of a person's data; docs/decisions/0016-admin-dashboard-aggregates.md).
 */

function requireDashboard(actor: Actor | null): asserts actor is Actor & { role: "admin" } {
  if (!actor || !can(actor.role, "dashboard.read")) throw new Error("forbidden: admin only");
}

export type DashboardProgramme = { code: string; name: Localised };
export type DashboardCall = { id: string; year: number; title: Localised; programmeCode: string; budgetCap: number };

export type DashboardOptions = { programmes: DashboardProgramme[]; calls: DashboardCall[]; years: number[] };

export type NamedCount = { code: string; name: Localised; count: number };
export type DistrictJobs = { code: string; name: Localised; awards: number; jobs: number };
export type CallReviewProgress = { callId: string; title: Localised; year: number; submitted: number; inProgress: number; notStarted: number };

export type DashboardData = {
  /** The calls the filter selects (newest year first); none: nothing matches. */
  calls: DashboardCall[];
  /** 1. Applications received (submitted or later, not withdrawn) per programme and per district. */
  perProgramme: NamedCount[];
  perDistrict: NamedCount[];
  /** 2. submitted → eligible (passed screening) → reviewed → awarded. */
  funnel: Funnel;
  /** 3. Cumulative awarded amount per day (Asia/Almaty) against the cap (the selected calls' caps summed). */
  budget: { cap: number; awarded: number; series: CumulativePoint[] };
  /** 4. Jobs promised by the plans of active awards, per district (official order, all districts). */
  jobs: DistrictJobs[];
  /** 5. Applicants of the received applications by age group (on the call's closing date) and sex. */
  ages: AgeGroupRow[];
  /** 6. Active reviewer assignments per call: review submitted, draft (in progress), not started. */
  reviews: CallReviewProgress[];
};

const localised = (r: { kk: string; ru: string; en: string }): Localised => ({ kk: r.kk, ru: r.ru, en: r.en });

/** The programmes, calls and years to choose from (small reference tables). Admins only. */
export async function dashboardOptions(actor: Actor): Promise<DashboardOptions> {
  requireDashboard(actor);
  const [progs, allCalls] = await Promise.all([
    getDb()
      .select({ code: programmes.code, kk: programmes.nameKk, ru: programmes.nameRu, en: programmes.nameEn })
      .from(programmes)
      .orderBy(asc(programmes.code)),
    scopedCalls({}),
  ]);
  return {
    programmes: progs.map((p) => ({ code: p.code, name: localised(p) })),
    calls: allCalls,
    years: [...new Set(allCalls.map((c) => c.year))].sort((a, b) => b - a),
  };
}

async function scopedCalls(f: DashboardFilters): Promise<DashboardCall[]> {
  const where: SQL[] = [];
  if (f.programme) where.push(sql`${programmes.code} = ${f.programme}`);
  if (f.call) where.push(sql`${calls.id} = ${f.call}`);
  if (f.year !== undefined) where.push(sql`${calls.year} = ${f.year}`);
  const rows = await getDb()
    .select({
      id: calls.id,
      year: calls.year,
      kk: calls.titleKk,
      ru: calls.titleRu,
      en: calls.titleEn,
      programmeCode: programmes.code,
      budgetCap: calls.budgetCap,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(where.length ? sql.join(where, sql` AND `) : undefined)
    .orderBy(desc(calls.year), asc(programmes.code), desc(calls.opensAt), asc(calls.id));
  return rows.map((r) => ({ id: r.id, year: r.year, title: localised(r), programmeCode: r.programmeCode, budgetCap: Number(r.budgetCap) }));
}

/**
 * The birth date (`date`, NULL when malformed) an IIN encodes, in SQL: the same as lib/domain/iin.ts
 * `parseIin(...).birthDate` for every IIN whose digits, century digit and date are valid (the check digit
 * is not verified here: the IIN was checked at registration). Never raises on a malformed value.
 */
export function iinBirthDateSql(iin: SQL): SQL<string | null> {
  const y = sql`(1800 + 100 * ((substr(${iin}, 7, 1)::int - 1) / 2) + substr(${iin}, 1, 2)::int)`;
  const m = sql`substr(${iin}, 3, 2)::int`;
  const d = sql`substr(${iin}, 5, 2)::int`;
  const date = sql`(make_date(${y}, ${m}, 1) + (${d} - 1))`;
  return sql<string | null>`(CASE
    WHEN ${iin} IS NULL OR ${iin}::text !~ '^[0-9]{6}[1-6][0-9]{5}$' THEN NULL::date
    WHEN ${m} NOT BETWEEN 1 AND 12 OR ${d} NOT BETWEEN 1 AND 31 THEN NULL::date
    WHEN extract(month FROM ${date}) <> ${m} THEN NULL::date
    ELSE ${date} END)`;
}

/** The sex an IIN's century digit encodes ('male' odd, 'female' even; NULL otherwise), as iin.ts. */
export function iinSexSql(iin: SQL): SQL<"male" | "female" | null> {
  return sql<"male" | "female" | null>`(CASE
    WHEN substr(${iin}::text, 7, 1) IN ('1', '3', '5') THEN 'male'
    WHEN substr(${iin}::text, 7, 1) IN ('2', '4', '6') THEN 'female' END)`;
}

/**
 * Age in whole years of someone born on `birth` (a date) on the calendar day of `at` (timestamptz) in
 * Asia/Almaty, as lib/domain/iin.ts `ageOn`: a 29 February birthday is reached on 1 March.
 */
export function ageOnSql(birth: SQL, at: SQL): SQL<number | null> {
  const day = sql`(${at} AT TIME ZONE 'Asia/Almaty')::date`;
  return sql<number | null>`((extract(year FROM ${day}) - extract(year FROM ${birth}))::int
    - CASE WHEN (extract(month FROM ${day}), extract(day FROM ${day})) < (extract(month FROM ${birth}), extract(day FROM ${birth})) THEN 1 ELSE 0 END)`;
}

const received = sql.raw(`(${RECEIVED_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** Everything the dashboard shows for the filter, in six aggregate queries run side by side. Admins only. */
export async function dashboardData(actor: Actor, filters: DashboardFilters): Promise<DashboardData> {
  requireDashboard(actor);
  const db = getDb();
  const [scope, districtRows] = await Promise.all([
    scopedCalls(filters),
    db
      .select({ code: districts.code, kk: districts.nameKk, ru: districts.nameRu, en: districts.nameEn })
      .from(districts)
      .orderBy(asc(districts.sortOrder), asc(districts.code)),
  ]);
  const ids = scope.map((c) => c.id);
  const cap = scope.reduce((s, c) => s + c.budgetCap, 0);
  const districtList = districtRows.map((d) => ({ code: d.code, name: localised(d) }));
  if (ids.length === 0) {
    return {
      calls: [],
      perProgramme: [],
      perDistrict: districtList.map((d) => ({ ...d, count: 0 })),
      funnel: { submitted: 0, eligible: 0, reviewed: 0, awarded: 0 },
      budget: { cap: 0, awarded: 0, series: [] },
      jobs: districtList.map((d) => ({ ...d, awards: 0, jobs: 0 })),
      ages: bucketAges([]),
      reviews: [],
    };
  }

  const [statusRows, ageRows, dayRows, jobRows, reviewRows, programmeRows] = await Promise.all([
    db.execute<{ call_id: string; district_code: string; status: string; n: number }>(sql`
      SELECT call_id, district_code, status::text AS status, count(*)::int AS n
      FROM applications
      WHERE call_id IN ${ids} AND status IN ${received}
      GROUP BY call_id, district_code, status`),
    db.execute<{ age: number | null; sex: "male" | "female" | null; n: number }>(sql`
      SELECT age, sex, count(*)::int AS n FROM (
        SELECT ${ageOnSql(sql`p.birth`, sql`c.closes_at`)} AS age, p.sex
        FROM applications a
        JOIN calls c ON c.id = a.call_id
        JOIN users u ON u.id = a.applicant_id
        CROSS JOIN LATERAL (SELECT coalesce(u.birth_date, ${iinBirthDateSql(sql`u.iin`)}) AS birth,
                                   coalesce(u.sex::text, ${iinSexSql(sql`u.iin`)}) AS sex) p
        WHERE a.call_id IN ${ids} AND a.status IN ${received}
      ) t GROUP BY age, sex`),
    db.execute<{ day: string; delta: string }>(sql`
      SELECT day, sum(delta)::text AS delta FROM (
        SELECT to_char(awarded_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS day, amount AS delta
        FROM awards WHERE call_id IN ${ids}
        UNION ALL
        SELECT to_char(revoked_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD'), -amount
        FROM awards WHERE call_id IN ${ids} AND status = 'revoked' AND revoked_at IS NOT NULL
      ) e GROUP BY day`),
    db.execute<{ district_code: string; awards: number; jobs: string }>(sql`
      SELECT aw.district_code, count(*)::int AS awards, coalesce(sum(a.jobs_created), 0)::text AS jobs
      FROM awards aw JOIN applications a ON a.id = aw.application_id
      WHERE aw.call_id IN ${ids} AND aw.status = 'active'
      GROUP BY aw.district_code`),
    db.execute<{ call_id: string; submitted: number; draft: number; none: number }>(sql`
      SELECT ra.call_id,
             count(*) FILTER (WHERE r.status = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE r.status = 'draft')::int AS draft,
             count(*) FILTER (WHERE r.id IS NULL)::int AS none
      FROM review_assignments ra LEFT JOIN reviews r ON r.assignment_id = ra.id
      WHERE ra.call_id IN ${ids} AND ra.status = 'assigned'
      GROUP BY ra.call_id`),
    db
      .select({ code: programmes.code, kk: programmes.nameKk, ru: programmes.nameRu, en: programmes.nameEn })
      .from(programmes)
      .where(sql`${programmes.code} IN ${[...new Set(scope.map((c) => c.programmeCode))]}`)
      .orderBy(asc(programmes.code)),
  ]);

  const programmeOf = new Map(scope.map((c) => [c.id, c.programmeCode]));
  const byStatus: Record<string, number> = {};
  const byProgramme = new Map<string, number>();
  const byDistrict = new Map<string, number>();
  for (const r of statusRows.rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const p = programmeOf.get(r.call_id)!;
    byProgramme.set(p, (byProgramme.get(p) ?? 0) + r.n);
    byDistrict.set(r.district_code, (byDistrict.get(r.district_code) ?? 0) + r.n);
  }
  const series = cumulativeByDay(dayRows.rows.map((r) => ({ day: r.day, delta: Number(r.delta) })));
  const jobsBy = new Map(jobRows.rows.map((r) => [r.district_code, { awards: r.awards, jobs: Number(r.jobs) }]));
  const reviewsBy = new Map(reviewRows.rows.map((r) => [r.call_id, r]));

  return {
    calls: scope,
    perProgramme: programmeRows.map((p) => ({ code: p.code, name: localised(p), count: byProgramme.get(p.code) ?? 0 })),
    perDistrict: districtList.map((d) => ({ ...d, count: byDistrict.get(d.code) ?? 0 })),
    funnel: funnelOf(byStatus),
    budget: { cap, awarded: series.at(-1)?.cumulative ?? 0, series },
    jobs: districtList.map((d) => ({ ...d, awards: jobsBy.get(d.code)?.awards ?? 0, jobs: jobsBy.get(d.code)?.jobs ?? 0 })),
    ages: bucketAges(ageRows.rows.map((r) => ({ age: r.age, sex: r.sex, count: r.n }))),
    reviews: scope
      .filter((c) => reviewsBy.has(c.id))
      .map((c) => {
        const r = reviewsBy.get(c.id)!;
        return { callId: c.id, title: c.title, year: c.year, submitted: r.submitted, inProgress: r.draft, notStarted: r.none };
      }),
  };
}
