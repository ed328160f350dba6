import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, programmes, reviewAssignments, reviews, reviewScores, rubricCriteria, users, type Localised } from "@/db/schema";
import type { DistrictCode } from "@/lib/domain/districts";
import { applicationWork, notStarted, shareDone, sortByWork, sortReviewersByWork, type ApplicationWork } from "@/lib/domain/review-progress";
import { callScoring, scoreApplications, type ReviewTotal } from "@/lib/domain/scoring";
import { applicationReference, type Actor } from "./applications";
import { RANKED_STATUSES } from "./ranking";
import { requireAdmin, UUID_RE } from "./guard";

/** The applications whose review a reopen may touch: not yet decided (awarded, waitlisted, ...). */
export const REOPENABLE_STATUSES = ["in_review", "reviewed"] as const;

export type ReviewerProgress = {
  id: string;
  name: string;
  /** Active assignments (status `assigned`) in the call. */
  active: number;
  notStarted: number;
  /** Active assignments with a draft review (in progress). */
  draft: number;
  submitted: number;
  declined: number;
  /** submitted / active, 0..1; null without active assignments. */
  shareDone: number | null;
};

export type CriterionScore = { criterionId: string; score: number; comment: string };

/** One active assignment of an application and its review (admins see names, totals and scores). */
export type ProgressReview = {
  assignmentId: string;
  reviewerId: string;
  reviewerName: string;
  /** null: not started. */
  reviewId: string | null;
  status: "none" | "draft" | "submitted";
  total: number | null;
  submittedAt: Date | null;
  comment: string;
  /** Per criterion, in the rubric's order (submitted reviews only; empty otherwise). */
  scores: CriterionScore[];
  /** When an admin last reopened it, and why. */
  reopenedAt: Date | null;
  reopenReason: string | null;
  /** A submitted review of an application not yet decided: the admin may reopen it. */
  reopenable: boolean;
};

export type ApplicationProgress = {
  id: string;
  reference: string;
  title: string;
  districtCode: DistrictCode;
  status: (typeof RANKED_STATUSES)[number];
  /** Active assignments. */
  active: number;
  /** Submitted reviews of active assignments (those the ranking counts). */
  submitted: number;
  k: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** max − min above the call's threshold: the same flag as the ranking's. */
  disagreement: boolean;
  work: ApplicationWork;
  reviews: ProgressReview[];
};

export type CallProgress = {
  call: { id: string; title: Localised; k: number; scoreOutOf: number; reviewDeadline: Date };
  criteria: { id: string; code: string; name: Localised; scaleMin: number; scaleMax: number }[];
  /** Disagreement threshold in points (max − min strictly above it flags). */
  threshold: number;
  reviewers: ReviewerProgress[];
  /** The admin's work first (lib/domain/review-progress.ts `sortByWork`). */
  applications: ApplicationProgress[];
  totals: { applications: number; complete: number; needsReviewer: number; disagreements: number; submitted: number; expected: number };
};

/**
 * The review progress of one call (admins only, thrown otherwise; null for an unknown or malformed id).
 * Covers the applications that passed screening (in review and later, as the ranking) and their assignments:
 * - per reviewer: active assignments, not started, draft (in progress), submitted, declined and the share done;
 * - per application: active reviewers, submitted reviews of k, the totals' range and the disagreement flag
 *   (lib/domain/scoring.ts `scoreApplications`, over the same reviews the ranking counts: submitted reviews
 *   of active assignments), and each active assignment's review with its per-criterion scores.
 * Removed assignments (and their reviews, kept for the record) do not count. Four set-based queries.
 */
export async function callReviewProgress(actor: Actor, callId: string): Promise<CallProgress | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const db = getDb();
  const [call] = await db
    .select({
      id: calls.id,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      k: calls.reviewersPerApplication,
      reviewDeadline: calls.reviewDeadline,
      programmeId: calls.programmeId,
      scoreOutOf: programmes.scoreOutOf,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  if (!call) return null;

  const screened = and(eq(applications.callId, callId), inArray(applications.status, [...RANKED_STATUSES]));
  const [criteria, apps, assignments, scores] = await Promise.all([
    db
      .select({
        id: rubricCriteria.id,
        code: rubricCriteria.code,
        kk: rubricCriteria.nameKk,
        ru: rubricCriteria.nameRu,
        en: rubricCriteria.nameEn,
        scaleMin: rubricCriteria.scaleMin,
        scaleMax: rubricCriteria.scaleMax,
      })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programmeId, call.programmeId))
      .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code)),
    db
      .select({ id: applications.id, title: applications.title, districtCode: applications.districtCode, status: applications.status })
      .from(applications)
      .where(screened),
    db
      .select({
        assignmentId: reviewAssignments.id,
        applicationId: reviewAssignments.applicationId,
        reviewerId: reviewAssignments.reviewerId,
        assignmentStatus: reviewAssignments.status,
        surname: users.surname,
        givenName: users.givenName,
        reviewId: reviews.id,
        reviewStatus: reviews.status,
        total: reviews.total,
        submittedAt: reviews.submittedAt,
        comment: reviews.comment,
        reopenedAt: reviews.reopenedAt,
        reopenReason: reviews.reopenReason,
      })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(and(eq(reviewAssignments.callId, callId), ne(reviewAssignments.status, "removed"), screened)),
    db
      .select({ reviewId: reviewScores.reviewId, criterionId: reviewScores.criterionId, score: reviewScores.score, comment: reviewScores.comment })
      .from(reviewScores)
      .innerJoin(reviews, eq(reviews.id, reviewScores.reviewId))
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
      .where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.status, "assigned"), eq(reviews.status, "submitted"))),
  ]);

  const criterionOrder = new Map(criteria.map((c, i) => [c.id, i]));
  const scoresByReview = new Map<string, CriterionScore[]>();
  for (const s of scores) {
    const list = scoresByReview.get(s.reviewId) ?? [];
    list.push({ criterionId: s.criterionId, score: s.score, comment: s.comment });
    scoresByReview.set(s.reviewId, list);
  }
  for (const list of scoresByReview.values()) list.sort((a, b) => (criterionOrder.get(a.criterionId) ?? 0) - (criterionOrder.get(b.criterionId) ?? 0));

  const statusOf = new Map(apps.map((a) => [a.id, a.status]));
  const reviewsByApp = new Map<string, ProgressReview[]>();
  const reviewerRows = new Map<string, ReviewerProgress>();
  const totals: ReviewTotal[] = [];
  for (const a of assignments) {
    const name = `${a.surname} ${a.givenName}`;
    const r = reviewerRows.get(a.reviewerId) ?? { id: a.reviewerId, name, active: 0, notStarted: 0, draft: 0, submitted: 0, declined: 0, shareDone: null };
    reviewerRows.set(a.reviewerId, r);
    if (a.assignmentStatus === "declined") {
      r.declined++;
      continue;
    }
    r.active++;
    const status = a.reviewStatus ?? "none";
    if (status === "draft") r.draft++;
    if (status === "submitted") {
      r.submitted++;
      if (a.total !== null) totals.push({ applicationId: a.applicationId, reviewerId: a.reviewerId, total: Number(a.total) });
    }
    const list = reviewsByApp.get(a.applicationId) ?? [];
    list.push({
      assignmentId: a.assignmentId,
      reviewerId: a.reviewerId,
      reviewerName: name,
      reviewId: a.reviewId,
      status,
      total: status === "submitted" && a.total !== null ? Number(a.total) : null,
      submittedAt: status === "submitted" ? a.submittedAt : null,
      comment: status === "submitted" ? (a.comment ?? "") : "",
      scores: status === "submitted" && a.reviewId ? (scoresByReview.get(a.reviewId) ?? []) : [],
      reopenedAt: a.reopenedAt,
      reopenReason: a.reopenReason,
      reopenable: status === "submitted" && (REOPENABLE_STATUSES as readonly string[]).includes(statusOf.get(a.applicationId) ?? ""),
    });
    reviewsByApp.set(a.applicationId, list);
  }
  for (const r of reviewerRows.values()) {
    r.notStarted = notStarted(r);
    r.shareDone = shareDone(r);
  }

  // The ranking's rule, on the ranking's reviews: scoring.ts decides range and disagreement.
  const options = { scoreOutOf: call.scoreOutOf };
  const scored = scoreApplications(
    apps.map((a) => a.id),
    totals,
    options,
  );
  const threshold = callScoring(totals, options).threshold;
  const collator = new Intl.Collator("kk");
  const rows: ApplicationProgress[] = apps.map((a, i) => {
    const s = scored[i];
    const list = (reviewsByApp.get(a.id) ?? []).sort((x, y) => collator.compare(x.reviewerName, y.reviewerName));
    const counts = { active: list.length, submitted: list.filter((r) => r.status === "submitted").length, k: call.k, disagreement: s.disagreement };
    return {
      id: a.id,
      reference: applicationReference(a.id),
      title: a.title,
      districtCode: a.districtCode as DistrictCode,
      status: a.status as ApplicationProgress["status"],
      ...counts,
      min: s.min,
      max: s.max,
      mean: s.mean,
      work: applicationWork(counts),
      reviews: list,
    };
  });
  const sorted = sortByWork(rows);

  return {
    call: { id: call.id, title: { kk: call.titleKk, ru: call.titleRu, en: call.titleEn }, k: call.k, scoreOutOf: call.scoreOutOf, reviewDeadline: call.reviewDeadline },
    criteria: criteria.map((c) => ({ id: c.id, code: c.code, name: { kk: c.kk, ru: c.ru, en: c.en }, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
    threshold,
    reviewers: sortReviewersByWork([...reviewerRows.values()]),
    applications: sorted,
    totals: {
      applications: rows.length,
      complete: rows.filter((r) => r.work === "complete").length,
      needsReviewer: rows.filter((r) => r.work === "needs_reviewer").length,
      disagreements: rows.filter((r) => r.disagreement).length,
      submitted: rows.reduce((n, r) => n + r.submitted, 0),
      expected: rows.reduce((n, r) => n + Math.max(r.k, r.active), 0),
    },
  };
}
