import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { applications, calls, programmes, reviewAssignments, reviews, rubricCriteria } from "@/db/schema";
import type { DistrictCode } from "@/lib/domain/districts";
import {
  callScoring,
  DEFAULT_RANK_ORDER,
  MIN_REVIEWS_FOR_NORMALISATION,
  rankApplications,
  type RankKey,
  type ReviewTotal,
} from "@/lib/domain/scoring";
import { applicationReference, type Actor } from "./applications";
import { requireAdmin, UUID_RE } from "./guard";

/** Applications that passed screening: in review and every later status. */
export const RANKED_STATUSES = ["in_review", "reviewed", "awarded", "waitlisted", "not_awarded", "award_revoked"] as const;

export type RankingEntry = {
  id: string;
  reference: string;
  title: string;
  districtCode: DistrictCode;
  status: (typeof RANKED_STATUSES)[number];
  reviews: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  normalised: number | null;
  rawRank: number;
  normalisedRank: number;
  disagreement: boolean;
  rawFallbacks: number;
};

/** Rows per page of the ranking (the admin's ranking page, ?page=N). */
export const RANKING_PAGE_SIZE = 50;

export type RankingSort = "normalised" | "raw";

/**
 * Which rows to return. The ranking is always computed over the whole call (normalisation needs every
 * review); only the requested page's rows are decorated (title, district, status) and returned.
 * `page` counts from 1; anything below 1 or not an integer is page 1, and a page past the last one
 * gives the last page (so a stale link still shows rows; the returned `page` says which).
 */
export type RankingPageRequest = {
  page?: number;
  sort?: RankingSort;
  pageSize?: number;
  /** Every row on one page (the commission's protocol and the exports); page and pageSize are ignored. */
  all?: boolean;
};

export type CallRanking = {
  call: { id: string; titleKk: string; titleRu: string; titleEn: string; scoreOutOf: number; order: readonly RankKey[] };
  /** The page's rows, sorted by the normalised rank or, with sort "raw", by the raw rank. */
  rows: RankingEntry[];
  sort: RankingSort;
  /** The page returned (1-based, after clamping), the page size, the number of pages (at least 1). */
  page: number;
  pageSize: number;
  pageCount: number;
  /** All ranked applications of the call (every page). */
  total: number;
  /** Mean and population SD of all counted totals; null without reviews. */
  callMean: number | null;
  callSd: number | null;
  /** Disagreement threshold in points (max − min strictly above it flags). */
  threshold: number;
  minReviews: number;
  /** Reviewers with fewer than minReviews counted reviews (or SD 0): their raw totals are used. */
  fallbackReviewers: number;
  reviewers: number;
  reviewsCounted: number;
};

/**
 * The ranking of one call (admin only, thrown otherwise; null for an unknown call): its screened
 * applications (in review and later) and the submitted reviews of ACTIVE assignments only (a removed or
 * declined assignment's review stays in the database for the record but never counts), aggregated and
 * ranked by the pure `rankApplications`. Three set-based queries besides the call, whatever the size,
 * plus one for the titles and districts of the requested page's applications only. `db`: read in this
 * transaction (a proposal confirmed under its call's lock) instead of the pool.
 */
export async function callRanking(actor: Actor, callId: string, request: RankingPageRequest = {}, db: DbOrTx = getDb()): Promise<CallRanking | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const [call] = await db
    .select({
      id: calls.id,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      programmeId: calls.programmeId,
      scoreOutOf: programmes.scoreOutOf,
      tieBreak: programmes.tieBreak,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  if (!call) return null;

  // The two big reads (every ranked application, every counted review: 10,000 and 30,000 rows in a large
  // call) as plain rows with numbers made by PostgreSQL (epoch milliseconds, float8 totals): mapping each
  // field of 40,000 rows through the query builder cost more than the reads themselves. Still bound
  // parameters and the schema's column names.
  const isRanked = and(eq(applications.callId, callId), inArray(applications.status, [...RANKED_STATUSES]));
  const [criteria, apps, totals] = await Promise.all([
    db
      .select({ id: rubricCriteria.id })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programmeId, call.programmeId))
      .orderBy(asc(rubricCriteria.sortOrder)),
    // Only what ranking needs (tie-breaks); titles and districts are read for the page's rows below.
    db.execute<{ id: string; submitted_ms: number | null; jobs_created: number | null }>(sql`
      SELECT ${applications.id} AS id,
             (extract(epoch FROM ${applications.submittedAt}) * 1000)::float8 AS submitted_ms,
             ${applications.jobsCreated} AS jobs_created
        FROM ${applications}
       WHERE ${isRanked}`),
    db.execute<{ application_id: string; reviewer_id: string; total: number }>(sql`
      SELECT ${reviews.applicationId} AS application_id, ${reviews.reviewerId} AS reviewer_id, ${reviews.total}::float8 AS total
        FROM ${reviews}
        JOIN ${reviewAssignments} ON ${reviewAssignments.id} = ${reviews.assignmentId}
        JOIN ${applications} ON ${applications.id} = ${reviews.applicationId}
       WHERE ${reviewAssignments.callId} = ${callId}
         AND ${reviewAssignments.status} = 'assigned'
         AND ${reviews.status} = 'submitted'
         AND ${reviews.total} IS NOT NULL
         AND ${isRanked}`),
  ]);
  if (criteria.length === 0) throw new Error(`programme of call ${callId} has no rubric`);

  const reviewTotals: ReviewTotal[] = totals.rows.map((r) => ({ applicationId: r.application_id, reviewerId: r.reviewer_id, total: r.total }));
  const order = call.tieBreak.length ? (call.tieBreak as RankKey[]) : DEFAULT_RANK_ORDER;
  const options = { scoreOutOf: call.scoreOutOf, order };
  const stats = callScoring(reviewTotals, options);
  const ranked = rankApplications(
    apps.rows.map((a) => ({ id: a.id, submittedAt: new Date(a.submitted_ms ?? 0), jobsCreated: a.jobs_created })),
    reviewTotals,
    options,
    stats,
  );
  const sort: RankingSort = request.sort === "raw" ? "raw" : "normalised";
  // Ranks are 1..n and distinct: each row goes straight to its place.
  const sorted: typeof ranked = new Array(ranked.length);
  for (const r of ranked) sorted[(sort === "raw" ? r.rawRank : r.normalisedRank) - 1] = r;
  const pageSize = request.all ? Math.max(1, sorted.length) : Math.max(1, Math.floor(request.pageSize ?? RANKING_PAGE_SIZE));
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const asked = request.page !== undefined && Number.isInteger(request.page) && request.page >= 1 ? request.page : 1;
  const page = Math.min(asked, pageCount);
  const slice = sorted.slice((page - 1) * pageSize, page * pageSize);

  const details = slice.length
    ? (
        await db.execute<{ id: string; title: string; districtCode: string; status: string }>(sql`
          SELECT ${applications.id} AS id, ${applications.title} AS title, ${applications.districtCode} AS "districtCode", ${applications.status} AS status
            FROM ${applications}
           WHERE ${
             // The whole call: by its index rather than a list of every id (a parameter each).
             request.all ? isRanked : inArray(applications.id, slice.map((r) => r.applicationId))
           }`)
      ).rows
    : [];
  const byId = new Map(details.map((a) => [a.id, a]));
  const rows: RankingEntry[] = slice.map((r) => {
    const a = byId.get(r.applicationId);
    // Screened applications are never deleted (only drafts are), so this is a broken invariant.
    if (!a) throw new Error(`application ${r.applicationId} vanished while ranking call ${callId}`);
    return {
      id: r.applicationId,
      reference: applicationReference(r.applicationId),
      title: a.title,
      districtCode: a.districtCode as DistrictCode,
      status: a.status as RankingEntry["status"],
      reviews: r.reviews,
      mean: r.mean,
      median: r.median,
      min: r.min,
      max: r.max,
      normalised: r.normalised,
      rawRank: r.rawRank,
      normalisedRank: r.normalisedRank,
      disagreement: r.disagreement,
      rawFallbacks: r.rawFallbacks,
    };
  });
  const fallbackReviewers = [...stats.reviewers.values()].filter((s) => !s.normalised).length;
  return {
    call: { id: call.id, titleKk: call.titleKk, titleRu: call.titleRu, titleEn: call.titleEn, scoreOutOf: call.scoreOutOf, order },
    rows,
    sort,
    page,
    pageSize,
    pageCount,
    total: sorted.length,
    callMean: reviewTotals.length ? round4(stats.call.mean) : null,
    callSd: reviewTotals.length ? round4(stats.call.sd) : null,
    threshold: stats.threshold,
    minReviews: MIN_REVIEWS_FOR_NORMALISATION,
    fallbackReviewers,
    reviewers: stats.reviewers.size,
    reviewsCounted: reviewTotals.length,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
