import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, awards, calls, districts, programmes, type Localised } from "@/db/schema";

/**
 * The public results page and its open-data CSV (no sign-in): per programme, call and district, the
 * applications received, grants awarded, amount awarded and jobs planned. Public by design, so no actor:
 * only calls whose results are published (calls.results_published_at set) are read, and nothing about a
 * person leaves this module — no names, IINs, e-mails, user or application ids, only counts and sums.
 */

/** The four public figures of a district, of the merged "other districts", or of a whole call. */
export type ResultFigures = {
  /** Applications submitted or later (drafts and withdrawn ones are not received). */
  received: number;
  /** Active awards. */
  awarded: number;
  /** Sum of the active awards' amounts, whole tenge. */
  amountAwarded: number;
  /** Jobs the awarded applications' plans promise (applications.jobs_created; none given counts 0). */
  jobsPlanned: number;
};

/** A district's row, or (district null) the merged "other districts" row. */
export type ResultRow = ResultFigures & { district: { code: string; name: Localised } | null };

export type CallResults = {
  programme: { code: string; name: Localised };
  call: { id: string; year: number; title: Localised; resultsPublishedAt: Date };
  /** Districts in their official order, then "other districts" when some were merged. */
  rows: ResultRow[];
  total: ResultFigures;
};

/** A district with fewer applications than this in a call is never shown on its own. */
export const MIN_APPLICANTS = 3;

type DistrictFigures = ResultFigures & { code: string; name: Localised; sortOrder: number };

const zero = (): ResultFigures => ({ received: 0, awarded: 0, amountAwarded: 0, jobsPlanned: 0 });

function add(into: ResultFigures, f: ResultFigures): ResultFigures {
  into.received += f.received;
  into.awarded += f.awarded;
  into.amountAwarded += f.amountAwarded;
  into.jobsPlanned += f.jobsPlanned;
  return into;
}

/**
 * Which districts of one call go into "other districts". Pure. The rule:
 *
 * 1. Every district with at least one but fewer than MIN_APPLICANTS (3) received applications is merged.
 *    Districts with none received have no row at all (a zero names nobody).
 * 2. The merged group must not be undone by subtraction: the call's total is public, so "other districts"
 *    always equals total − shown rows. If it held a single district, it would name that district's
 *    figures; and if it held fewer than 3 applications in all, its figures would be about one or two
 *    people. So while the group has fewer than 2 districts or fewer than 3 applications, the next-smallest
 *    shown district (fewest received; ties by the official order) is merged too, as long as one is left.
 *
 * The group thus has at least 2 districts and at least 3 applications, or it is every district of the call
 * (then the call's total is what it shows — public anyway — and no district is named). Nothing is merged
 * when no district is small.
 */
export function mergedDistricts(rows: readonly { code: string; received: number; sortOrder: number }[]): Set<string> {
  const present = rows.filter((r) => r.received > 0);
  const merged = new Set(present.filter((r) => r.received < MIN_APPLICANTS).map((r) => r.code));
  if (merged.size === 0) return merged;
  const candidates = present
    .filter((r) => !merged.has(r.code))
    .sort((a, b) => a.received - b.received || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  let received = present.filter((r) => merged.has(r.code)).reduce((s, r) => s + r.received, 0);
  for (const next of candidates) {
    if (merged.size >= 2 && received >= MIN_APPLICANTS) break;
    merged.add(next.code);
    received += next.received;
  }
  return merged;
}

/** One call's rows from its per-district figures (any order): small districts merged by mergedDistricts(). Pure. */
export function callRows(perDistrict: readonly DistrictFigures[]): { rows: ResultRow[]; total: ResultFigures } {
  const merged = mergedDistricts(perDistrict);
  const ordered = [...perDistrict].filter((d) => d.received > 0).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const rows: ResultRow[] = [];
  const other = zero();
  const total = zero();
  for (const d of ordered) {
    const figures: ResultFigures = { received: d.received, awarded: d.awarded, amountAwarded: d.amountAwarded, jobsPlanned: d.jobsPlanned };
    add(total, figures);
    if (merged.has(d.code)) add(other, figures);
    else rows.push({ district: { code: d.code, name: d.name }, ...figures });
  }
  if (merged.size > 0) rows.push({ district: null, ...other });
  return { rows, total };
}

/**
 * The published results of every call, newest publication first (then programme code). A published call
 * with no application received is listed with no rows and a zero total.
 */
export async function publicResults(): Promise<CallResults[]> {
  const db = getDb();
  const published = await db
    .select({
      id: calls.id,
      year: calls.year,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      resultsPublishedAt: calls.resultsPublishedAt,
      programmeCode: programmes.code,
      programmeNameKk: programmes.nameKk,
      programmeNameRu: programmes.nameRu,
      programmeNameEn: programmes.nameEn,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(isNotNull(calls.resultsPublishedAt))
    .orderBy(desc(calls.resultsPublishedAt), asc(programmes.code), asc(calls.id));
  if (published.length === 0) return [];

  const figures = await db
    .select({
      callId: applications.callId,
      code: districts.code,
      nameKk: districts.nameKk,
      nameRu: districts.nameRu,
      nameEn: districts.nameEn,
      sortOrder: districts.sortOrder,
      received: sql<number>`count(*)::int`,
      awarded: sql<number>`count(${awards.id})::int`,
      amountAwarded: sql<number>`coalesce(sum(${awards.amount}), 0)::bigint`.mapWith(Number),
      jobsPlanned: sql<number>`coalesce(sum(${applications.jobsCreated}) filter (where ${awards.id} is not null), 0)::bigint`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(districts, eq(districts.code, applications.districtCode))
    .leftJoin(awards, and(eq(awards.applicationId, applications.id), eq(awards.status, "active")))
    .where(
      and(
        inArray(
          applications.callId,
          published.map((c) => c.id),
        ),
        notInArray(applications.status, ["draft", "withdrawn"]),
      ),
    )
    .groupBy(applications.callId, districts.code, districts.nameKk, districts.nameRu, districts.nameEn, districts.sortOrder);

  const byCall = new Map<string, DistrictFigures[]>();
  for (const f of figures) {
    const list = byCall.get(f.callId) ?? [];
    list.push({
      code: f.code,
      name: { kk: f.nameKk, ru: f.nameRu, en: f.nameEn },
      sortOrder: f.sortOrder,
      received: f.received,
      awarded: f.awarded,
      amountAwarded: Number(f.amountAwarded),
      jobsPlanned: Number(f.jobsPlanned),
    });
    byCall.set(f.callId, list);
  }

  return published.map((c) => ({
    programme: { code: c.programmeCode, name: { kk: c.programmeNameKk, ru: c.programmeNameRu, en: c.programmeNameEn } },
    call: { id: c.id, year: c.year, title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn }, resultsPublishedAt: c.resultsPublishedAt! },
    ...callRows(byCall.get(c.id) ?? []),
  }));
}
