import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  applicationRevisions,
  applications,
  attachments,
  auditLog,
  awards,
  calls,
  programmes,
  reviewScores,
  reviews,
  rubricCriteria,
  type ApplicationData,
  type Direction,
  type FormSection,
  type Localised,
} from "@/db/schema";
import { now } from "@/lib/clock";
import {
  averageTotal,
  buildTimeline,
  criterionFeedback,
  DECIDED_STATUSES,
  publicCallState,
  TIMELINE_ACTIONS,
  visibleStatus,
  type CriterionFeedback,
  type TimelineItem,
} from "@/lib/domain/applicant-view";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { applicationReference, getCallPage, type Actor, type MyApplicationRow } from "./applications";
import { UUID_RE } from "./guard";

/**
 * The public call page: a call that is open now, or one whose deadline has passed (then `state` is
 * "closed" and the page says so); null before it opens, once archived, or for an unknown id.
 */
export async function getPublicCallPage(callId: string) {
  const page = await getCallPage(callId);
  const state = page ? publicCallState(page.call, now()) : null;
  if (!page || !state) return null;
  return { ...page, state };
}

export type Decision =
  | { kind: "ineligible"; reason: string | null }
  | { kind: "awarded"; amount: number | null }
  /** Above the call's minimum score, but the budget (or the district's ceiling) did not reach it. */
  | { kind: "waitlisted"; minScore: number; scoreOutOf: number }
  /** Below the call's minimum score. */
  | { kind: "not_awarded"; minScore: number; scoreOutOf: number }
  | { kind: "award_revoked"; reason: string | null };

export type Feedback = {
  scoreOutOf: number;
  /** Mean weighted total of the submitted reviews, in the programme's points. */
  total: number | null;
  reviews: number;
  criteria: (CriterionFeedback & { name: Localised; description: Localised })[];
  /** The reviewers' general comments (anonymous). */
  comments: string[];
};

export type ApplicationView = {
  id: string;
  reference: string;
  /** The status the applicant is shown (an award is not shown before the results are published). */
  status: ApplicationStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  /** Set when retention removed the content; the application's outcome stays. */
  anonymisedAt: Date | null;
  call: {
    id: string;
    title: Localised;
    programmeCode: string;
    programmeName: Localised;
    closesAt: Date;
    awardAmount: number;
    resultsPublishedAt: Date | null;
  };
  sections: FormSection[];
  directions: Direction[];
  /** The frozen revision shown (the latest), or null for an application never submitted. */
  revision: { number: number; submittedAt: Date; contentHash: string } | null;
  /** What is shown: the latest frozen revision, or the draft's answers when there is none. */
  content: ApplicationData;
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
  timeline: TimelineItem[];
  deadlinePassed: boolean;
  canWithdraw: boolean;
  canReopen: boolean;
  decision: Decision | null;
  feedback: Feedback | null;
};

/**
 * The viewer's own application for the read-only view, the printable summary and the actions on it.
 * Null for anyone else's application, a malformed id, or a viewer who is not an applicant (the page
 * answers 404: ids cannot be probed).
 */
export async function getApplicationView(actor: Actor, applicationId: string): Promise<ApplicationView | null> {
  if (!actor || actor.role !== "applicant" || !UUID_RE.test(applicationId)) return null;
  const db = getDb();
  const [a] = await db
    .select({
      id: applications.id,
      status: applications.status,
      version: applications.version,
      data: applications.data,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      withdrawnAt: applications.withdrawnAt,
      anonymisedAt: applications.anonymisedAt,
      screeningReason: applications.screeningReason,
      screenedAt: applications.screenedAt,
      callId: calls.id,
      tKk: calls.titleKk,
      tRu: calls.titleRu,
      tEn: calls.titleEn,
      closesAt: calls.closesAt,
      awardAmount: calls.awardAmount,
      minScore: calls.minScore,
      resultsPublishedAt: calls.resultsPublishedAt,
      programmeId: programmes.id,
      programmeCode: programmes.code,
      pKk: programmes.nameKk,
      pRu: programmes.nameRu,
      pEn: programmes.nameEn,
      sections: programmes.formSections,
      directions: programmes.directions,
      scoreOutOf: programmes.scoreOutOf,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)));
  if (!a) return null;

  const [revisions, files, audit] = await Promise.all([
    db
      .select({ revision: applicationRevisions.revision, data: applicationRevisions.data, contentHash: applicationRevisions.contentHash, submittedAt: applicationRevisions.submittedAt })
      .from(applicationRevisions)
      .where(eq(applicationRevisions.applicationId, a.id))
      .orderBy(asc(applicationRevisions.revision)),
    db
      .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .where(eq(attachments.applicationId, a.id))
      .orderBy(asc(attachments.createdAt)),
    db
      .select({ at: auditLog.at, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "application"), eq(auditLog.entityId, a.id), inArray(auditLog.action, [...TIMELINE_ACTIONS])))
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
  ]);

  const published = a.resultsPublishedAt !== null;
  const at = now();
  const beforeDeadline = at.getTime() < a.closesAt.getTime();
  const latest = revisions.at(-1) ?? null;
  // A draft (reopened or never submitted) shows what is being written; otherwise the frozen revision.
  const content = a.status === "draft" || !latest ? a.data : latest.data;

  let decision: Decision | null = null;
  if (a.status === "ineligible") decision = { kind: "ineligible", reason: a.screeningReason };
  else if (published && DECIDED_STATUSES.includes(a.status)) {
    if (a.status === "awarded" || a.status === "award_revoked") {
      const [w] = await db
        .select({ amount: awards.amount, status: awards.status, revokeReason: awards.revokeReason })
        .from(awards)
        .where(eq(awards.applicationId, a.id))
        .orderBy(desc(awards.awardedAt))
        .limit(1);
      decision = a.status === "awarded" ? { kind: "awarded", amount: w?.amount ?? null } : { kind: "award_revoked", reason: w?.revokeReason ?? null };
    } else decision = { kind: a.status as "waitlisted" | "not_awarded", minScore: a.minScore, scoreOutOf: a.scoreOutOf };
  }

  let feedback: Feedback | null = null;
  if (published && (DECIDED_STATUSES.includes(a.status) || a.status === "reviewed")) {
    feedback = await loadFeedback(a.id, a.programmeId, a.scoreOutOf);
  }

  return {
    id: a.id,
    reference: applicationReference(a.id),
    status: visibleStatus(a.status, published),
    version: a.version,
    anonymisedAt: a.anonymisedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    submittedAt: a.submittedAt,
    withdrawnAt: a.withdrawnAt,
    call: {
      id: a.callId,
      title: { kk: a.tKk, ru: a.tRu, en: a.tEn },
      programmeCode: a.programmeCode,
      programmeName: { kk: a.pKk, ru: a.pRu, en: a.pEn },
      closesAt: a.closesAt,
      awardAmount: a.awardAmount,
      resultsPublishedAt: a.resultsPublishedAt,
    },
    sections: a.sections,
    directions: a.directions,
    revision: latest ? { number: latest.revision, submittedAt: latest.submittedAt, contentHash: latest.contentHash } : null,
    content,
    attachments: files,
    timeline: buildTimeline(audit, {
      status: a.status,
      createdAt: a.createdAt,
      revisionsSubmittedAt: revisions.map((r) => r.submittedAt),
      screenedAt: a.screenedAt,
      resultsPublishedAt: a.resultsPublishedAt,
    }),
    deadlinePassed: !beforeDeadline,
    canWithdraw: beforeDeadline && (a.status === "submitted" || a.status === "draft"),
    canReopen: beforeDeadline && a.status === "withdrawn",
    decision,
    feedback,
  };
}

/** Submitted reviews only, without reviewers' identities: per criterion the mean and the comments. */
async function loadFeedback(applicationId: string, programmeId: string, scoreOutOf: number): Promise<Feedback | null> {
  const db = getDb();
  const done = await db
    .select({ id: reviews.id, total: reviews.total, comment: reviews.comment })
    .from(reviews)
    .where(and(eq(reviews.applicationId, applicationId), eq(reviews.status, "submitted")));
  if (!done.length) return null;
  const [criteria, scores] = await Promise.all([
    db
      .select({
        criterionId: rubricCriteria.id,
        code: rubricCriteria.code,
        kk: rubricCriteria.nameKk,
        ru: rubricCriteria.nameRu,
        en: rubricCriteria.nameEn,
        dKk: rubricCriteria.descriptionKk,
        dRu: rubricCriteria.descriptionRu,
        dEn: rubricCriteria.descriptionEn,
        scaleMin: rubricCriteria.scaleMin,
        scaleMax: rubricCriteria.scaleMax,
        weight: rubricCriteria.weight,
      })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programmeId, programmeId))
      .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code)),
    db
      .select({ criterionId: reviewScores.criterionId, score: reviewScores.score, comment: reviewScores.comment })
      .from(reviewScores)
      .where(inArray(reviewScores.reviewId, done.map((r) => r.id))),
  ]);
  const per = criterionFeedback(criteria, scores);
  return {
    scoreOutOf,
    total: averageTotal(done.map((r) => r.total).filter((t): t is number => t !== null)),
    reviews: done.length,
    criteria: per.map((f, i) => ({
      ...f,
      name: { kk: criteria[i].kk, ru: criteria[i].ru, en: criteria[i].en },
      description: { kk: criteria[i].dKk, ru: criteria[i].dRu, en: criteria[i].dEn },
    })),
    comments: done.map((r) => r.comment.trim()).filter((c) => c.length > 0),
  };
}

export type MyApplicationListRow = MyApplicationRow & { programmeName: Localised };

/**
 * The viewer's applications for /my, newest change first, with the programme's name and the status
 * as the applicant is shown it (no award before the results are published). Empty for other roles.
 */
export async function listMyApplicationsWithProgramme(actor: Actor): Promise<MyApplicationListRow[]> {
  if (!actor || actor.role !== "applicant") return [];
  const rows = await getDb()
    .select({
      id: applications.id,
      status: applications.status,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      callId: calls.id,
      kk: calls.titleKk,
      ru: calls.titleRu,
      en: calls.titleEn,
      closesAt: calls.closesAt,
      resultsPublishedAt: calls.resultsPublishedAt,
      programmeCode: programmes.code,
      pKk: programmes.nameKk,
      pRu: programmes.nameRu,
      pEn: programmes.nameEn,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(applications.applicantId, actor.id))
    .orderBy(desc(applications.updatedAt), asc(applications.id));
  return rows.map((r) => ({
    id: r.id,
    reference: applicationReference(r.id),
    status: visibleStatus(r.status, r.resultsPublishedAt !== null),
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    callId: r.callId,
    callTitle: { kk: r.kk, ru: r.ru, en: r.en },
    closesAt: r.closesAt,
    programmeCode: r.programmeCode,
    programmeName: { kk: r.pKk, ru: r.pRu, en: r.pEn },
  }));
}
