import "server-only";
import { and, asc, desc, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import {
  applicationRevisions,
  applications,
  attachments,
  calls,
  conflicts,
  programmes,
  reviewAssignments,
  reviews,
  reviewScores,
  rubricCriteria,
  type Localised,
} from "@/db/schema";
import type { ApplicationData, Direction, FormSection } from "@/db/schema";
import { now } from "@/lib/clock";
import type { DistrictCode } from "@/lib/domain/districts";
import { weightedTotal } from "@/lib/domain/scoring";
import { orderedScores, reviewIssues, type ReviewInput } from "@/lib/validation/review";
import { applicationReference, type Actor } from "./applications";
import { writeAudit } from "./audit";
import { reviewQueue } from "./review-queue";
import { applyTransition } from "./workflow";
import { UUID_RE } from "./guard";

/** Application statuses in which a review may still be written: after screening, before any decision. */
export const SCORABLE_STATUSES = ["in_review", "reviewed"] as const;

export type ReviewCriterion = {
  id: string;
  code: string;
  name: Localised;
  description: Localised;
  scaleMin: number;
  scaleMax: number;
  weight: number;
};

export type OwnReview = {
  /** `none` before the first save. */
  status: "none" | "draft" | "submitted";
  version: number;
  comment: string;
  scores: Record<string, number>;
  comments: Record<string, string>;
  total: number | null;
  submittedAt: Date | null;
  updatedAt: Date | null;
  /** Set when an admin reopened this review after it was submitted. */
  reopened: { at: Date; reason: string } | null;
};

/** Another reviewer's submitted review, without who wrote it: shown only after the viewer's own is submitted. */
export type OtherReview = { label: number; total: number; scores: Record<string, number> };

/**
 * What a reviewer sees of one assigned application. Blind: the plan, its computed indicators (from the
 * content), the district and the files; never the applicant's name, IIN, phone, e-mail or address (none of
 * those columns is even selected).
 */
export type ReviewWorkspace = {
  assignmentId: string;
  applicationId: string;
  reference: string;
  title: string;
  districtCode: DistrictCode;
  applicationStatus: string;
  submittedAt: Date | null;
  call: { id: string; title: Localised; programmeName: Localised; reviewDeadline: Date; awardAmount: number; scoreOutOf: number };
  sections: FormSection[];
  directions: Direction[];
  content: ApplicationData;
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
  criteria: ReviewCriterion[];
  review: OwnReview;
  /** The form can be changed: not submitted, and the application still in review. */
  editable: boolean;
  /** Null until the viewer's own review is submitted. */
  others: OtherReview[] | null;
  /** Neighbours in the viewer's queue (soonest deadline first), for previous/next. */
  queue: { position: number; count: number; previous: string | null; next: string | null };
};

/** The viewer's active assignment of that id, with no confirmed or pending conflict on the application. */
function accessible(actor: Actor, assignmentId: string) {
  return and(
    eq(reviewAssignments.id, assignmentId),
    eq(reviewAssignments.reviewerId, actor.id),
    eq(reviewAssignments.status, "assigned"),
    notExists(
      getDb()
        .select({ id: conflicts.id })
        .from(conflicts)
        .where(
          and(
            eq(conflicts.reviewerId, actor.id),
            eq(conflicts.applicationId, reviewAssignments.applicationId),
            inArray(conflicts.status, ["confirmed", "pending"]),
          ),
        ),
    ),
  );
}

async function criteriaOf(db: DbOrTx, programmeId: string): Promise<ReviewCriterion[]> {
  const rows = await db
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, programmeId))
    .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code));
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: { kk: c.nameKk, ru: c.nameRu, en: c.nameEn },
    description: { kk: c.descriptionKk, ru: c.descriptionRu, en: c.descriptionEn },
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    weight: c.weight,
  }));
}

async function ownReview(db: DbOrTx, assignmentId: string): Promise<{ id: string | null; review: OwnReview }> {
  const [r] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
  if (!r) {
    return {
      id: null,
      review: { status: "none", version: 0, comment: "", scores: {}, comments: {}, total: null, submittedAt: null, updatedAt: null, reopened: null },
    };
  }
  const scoreRows = await db.select().from(reviewScores).where(eq(reviewScores.reviewId, r.id));
  return {
    id: r.id,
    review: {
      status: r.status,
      version: r.version,
      comment: r.comment,
      scores: Object.fromEntries(scoreRows.map((s) => [s.criterionId, s.score])),
      comments: Object.fromEntries(scoreRows.filter((s) => s.comment !== "").map((s) => [s.criterionId, s.comment])),
      total: r.total,
      submittedAt: r.submittedAt,
      updatedAt: r.updatedAt,
      reopened: r.reopenedAt && r.reopenReason ? { at: r.reopenedAt, reason: r.reopenReason } : null,
    },
  };
}

/**
 * The scoring page's data for the viewer's assignment, or null (the page answers 404) when it is not theirs,
 * declined or removed, conflicted, malformed, or the viewer is not a reviewer. Every read is written to the
 * audit log (`application.read`, by whom, which application) — a blind read is still a read of personal
 * work.
 */
export async function getReviewWorkspace(actor: Actor | null, assignmentId: string): Promise<ReviewWorkspace | null> {
  if (!actor || actor.role !== "reviewer" || !UUID_RE.test(assignmentId)) return null;
  const db = getDb();
  const [a] = await db
    .select({
      applicationId: applications.id,
      title: applications.title,
      districtCode: applications.districtCode,
      status: applications.status,
      data: applications.data,
      submittedAt: applications.submittedAt,
      callId: calls.id,
      tKk: calls.titleKk,
      tRu: calls.titleRu,
      tEn: calls.titleEn,
      reviewDeadline: calls.reviewDeadline,
      awardAmount: calls.awardAmount,
      programmeId: programmes.id,
      pKk: programmes.nameKk,
      pRu: programmes.nameRu,
      pEn: programmes.nameEn,
      sections: programmes.formSections,
      directions: programmes.directions,
      scoreOutOf: programmes.scoreOutOf,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(accessible(actor, assignmentId));
  if (!a) return null;

  const [[revision], files, criteria, own, queue] = await Promise.all([
    db
      .select({ data: applicationRevisions.data })
      .from(applicationRevisions)
      .where(eq(applicationRevisions.applicationId, a.applicationId))
      .orderBy(desc(applicationRevisions.revision))
      .limit(1),
    db
      .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .where(eq(attachments.applicationId, a.applicationId))
      .orderBy(asc(attachments.createdAt)),
    criteriaOf(db, a.programmeId),
    ownReview(db, assignmentId),
    queueNeighbours(actor, assignmentId),
  ]);

  let others: OtherReview[] | null = null;
  if (own.review.status === "submitted") {
    const rows = await db
      .select({ id: reviews.id, total: reviews.total })
      .from(reviews)
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
      .where(
        and(
          eq(reviews.applicationId, a.applicationId),
          eq(reviews.status, "submitted"),
          ne(reviews.reviewerId, actor.id),
          eq(reviewAssignments.status, "assigned"),
        ),
      )
      .orderBy(asc(reviews.submittedAt), asc(reviews.id));
    const scoreRows = rows.length
      ? await db.select().from(reviewScores).where(inArray(reviewScores.reviewId, rows.map((r) => r.id)))
      : [];
    others = rows.map((r, i) => ({
      label: i + 1,
      total: r.total ?? 0,
      scores: Object.fromEntries(scoreRows.filter((s) => s.reviewId === r.id).map((s) => [s.criterionId, s.score])),
    }));
  }

  await writeAudit(db, { actor, action: "application.read", entityType: "application", entityId: a.applicationId, changes: { assignmentId, as: "reviewer" } });

  return {
    assignmentId,
    applicationId: a.applicationId,
    reference: applicationReference(a.applicationId),
    title: a.title,
    districtCode: a.districtCode as DistrictCode,
    applicationStatus: a.status,
    submittedAt: a.submittedAt,
    call: {
      id: a.callId,
      title: { kk: a.tKk, ru: a.tRu, en: a.tEn },
      programmeName: { kk: a.pKk, ru: a.pRu, en: a.pEn },
      reviewDeadline: a.reviewDeadline,
      awardAmount: a.awardAmount,
      scoreOutOf: a.scoreOutOf,
    },
    sections: a.sections,
    directions: a.directions,
    content: revision?.data ?? a.data,
    attachments: files,
    criteria,
    review: own.review,
    editable: own.review.status !== "submitted" && (SCORABLE_STATUSES as readonly string[]).includes(a.status),
    others,
    queue,
  };
}

/** Neighbours in the viewer's queue, in the order the queue page lists it (to do, in progress, done). */
async function queueNeighbours(actor: Actor, assignmentId: string): Promise<ReviewWorkspace["queue"]> {
  const q = await reviewQueue(actor);
  const rows = [...q.todo, ...q.in_progress, ...q.done];
  const i = rows.findIndex((r) => r.assignmentId === assignmentId);
  return {
    position: i + 1,
    count: rows.length,
    previous: i > 0 ? rows[i - 1].assignmentId : null,
    next: i >= 0 && i < rows.length - 1 ? rows[i + 1].assignmentId : null,
  };
}

export type SaveReviewResult =
  | { ok: true; version: number; savedAt: Date; total?: number }
  /**
   * not_found: not the viewer's (or conflicted, declined, removed); locked: already submitted;
   * closed: the application is past review (decided); conflict: another tab saved first (`version` is the current one);
   * invalid: the rubric's rules (field → Validation key).
   */
  | { ok: false; code: "not_found" | "locked" | "closed" }
  | { ok: false; code: "conflict"; version: number }
  | { ok: false; code: "invalid"; issues: Record<string, string> };

/**
 * Save the viewer's review as a draft (autosave) or submit it. One transaction: the application and assignment rows are locked
 * (two tabs, or a save racing a submit, take turns), the review's version must be the one the form saw,
 * scores are replaced as a whole, and submitting computes the weighted total, locks the review, writes the
 * audit row and — when every active reviewer of the application has submitted and at least the call's k
 * have — moves the application to `reviewed`. A refusal writes nothing.
 */
export async function saveReview(actor: Actor | null, input: ReviewInput, mode: "draft" | "submit"): Promise<SaveReviewResult> {
  if (!actor || actor.role !== "reviewer" || !UUID_RE.test(input.assignmentId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({ id: reviewAssignments.id, applicationId: reviewAssignments.applicationId, status: applications.status, programmeId: calls.programmeId, scoreOutOf: programmes.scoreOutOf })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
      .innerJoin(programmes, eq(programmes.id, calls.programmeId))
      .where(accessible(actor, input.assignmentId))
      // The application row first, as reopenReview, assignments and conflicts lock it: one lock order.
      .for("update", { of: [applications, reviewAssignments] });
    if (!a) return { ok: false as const, code: "not_found" as const };
    const [current] = await tx
      .select({ id: reviews.id, status: reviews.status, version: reviews.version })
      .from(reviews)
      .where(eq(reviews.assignmentId, a.id));
    if (current?.status === "submitted") return { ok: false as const, code: "locked" as const };
    if (!(SCORABLE_STATUSES as readonly string[]).includes(a.status)) return { ok: false as const, code: "closed" as const };
    if ((current?.version ?? 0) !== input.version) return { ok: false as const, code: "conflict" as const, version: current?.version ?? 0 };

    const criteria = await criteriaOf(tx, a.programmeId);
    const issues = reviewIssues(input, criteria, mode);
    if (Object.keys(issues).length) return { ok: false as const, code: "invalid" as const, issues };

    const at = now();
    const total = mode === "submit" ? weightedTotal(orderedScores(input.scores, criteria), { criteria, scoreOutOf: a.scoreOutOf }) : null;
    const fields = {
      comment: input.comment,
      status: mode === "submit" ? ("submitted" as const) : ("draft" as const),
      total,
      submittedAt: mode === "submit" ? at : null,
      updatedAt: at,
    };
    let reviewId: string;
    let version: number;
    if (current) {
      const [u] = await tx
        .update(reviews)
        .set({ ...fields, version: sql`${reviews.version} + 1` })
        .where(and(eq(reviews.id, current.id), eq(reviews.version, input.version)))
        .returning({ id: reviews.id, version: reviews.version });
      reviewId = u.id;
      version = u.version;
    } else {
      const [r] = await tx
        .insert(reviews)
        .values({ ...fields, assignmentId: a.id, applicationId: a.applicationId, reviewerId: actor.id, version: 1, createdAt: at })
        .returning({ id: reviews.id, version: reviews.version });
      reviewId = r.id;
      version = r.version;
      await writeAudit(tx, { actor, action: "review.start", entityType: "review", entityId: reviewId, changes: { applicationId: a.applicationId, assignmentId: a.id } });
    }
    await tx.delete(reviewScores).where(eq(reviewScores.reviewId, reviewId));
    const scoreRows = criteria.flatMap((c) => {
      const s = input.scores[c.id];
      const note = (input.comments[c.id] ?? "").trim();
      return s === undefined || s === null ? [] : [{ reviewId, criterionId: c.id, score: s, comment: note }];
    });
    if (scoreRows.length) await tx.insert(reviewScores).values(scoreRows);

    if (mode === "submit") {
      await writeAudit(tx, {
        actor,
        action: "review.submit",
        entityType: "review",
        entityId: reviewId,
        changes: { applicationId: a.applicationId, total, scores: Object.fromEntries(criteria.map((c) => [c.code, input.scores[c.id]])) },
      });
      await settleReviewCompletion(tx, a.applicationId, actor);
    }
    return { ok: true as const, version, savedAt: at, ...(total !== null ? { total } : {}) };
  });
}

/**
 * Keeps the application's status in step with its reviews, inside the caller's transaction: `in_review`
 * becomes `reviewed` once every active assignment has a submitted review and there are at least the call's
 * k of them; `reviewed` goes back to `in_review` when that stops being true (a review reopened, a reviewer
 * added). Other statuses are left alone. Returns the status after.
 */
export async function settleReviewCompletion(tx: Tx, applicationId: string, actor: Actor | null): Promise<string | null> {
  const [row] = await tx
    .select({
      status: applications.status,
      k: calls.reviewersPerApplication,
      active: sql<number>`(SELECT count(*)::int FROM ${reviewAssignments} ra WHERE ra.application_id = ${applications.id} AND ra.status = 'assigned')`,
      done: sql<number>`(SELECT count(*)::int FROM ${reviewAssignments} ra JOIN ${reviews} r ON r.assignment_id = ra.id
                          WHERE ra.application_id = ${applications.id} AND ra.status = 'assigned' AND r.status = 'submitted')`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, applicationId));
  if (!row) return null;
  const complete = row.active > 0 && row.done === row.active && row.done >= row.k;
  const transition = row.status === "in_review" && complete ? "complete_review" : row.status === "reviewed" && !complete ? "reopen_review" : null;
  // complete_review is the system's (triggered by whoever's action completed it); reopen_review only follows
  // an admin's action (reopening a review, adding a reviewer), never a reviewer's.
  if (!transition || (transition === "reopen_review" && actor?.role !== "admin")) return row.status;
  const who = transition === "reopen_review" ? actor! : { id: actor?.id ?? null, role: "system" as const };
  const r = await applyTransition(tx, { applicationId, transition, actor: who });
  if (!r.ok) throw new Error(`review completion: ${transition} refused (${r.code})`);
  return r.to;
}
