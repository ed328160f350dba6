import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  applicationRevisions,
  applications,
  attachments,
  calls,
  programmes,
  reviewAssignments,
  reviews,
  users,
  type ApplicationData,
  type Direction,
  type FormSection,
  type Localised,
} from "@/db/schema";
import { now } from "@/lib/clock";
import type { DistrictCode } from "@/lib/domain/districts";
import { can } from "@/lib/domain/permissions";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { reopenReasonSchema } from "@/lib/validation/review-admin";
import { applicationReference, type Actor } from "./applications";
import { writeAudit } from "./audit";
import { enqueueMail } from "./outbox";
import { REOPENABLE_STATUSES } from "./review-progress";
import { applyTransition } from "./workflow";
import { UUID_RE } from "./guard";

/** As the other admin DAL functions: a wrong role is a programming or routing error, thrown. */
function requirePermission(actor: Actor | null, permission: "review.reopen" | "personal_data.read"): asserts actor is Actor & { role: "admin" } {
  if (!actor || !can(actor.role, permission)) throw new Error(`forbidden: ${permission}`);
}

// ---------------------------------------------------------------------------------------------------
// Reopening a submitted review

export type ReopenResult =
  | { ok: true; reviewId: string; applicationId: string; version: number }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> }
  /** Unknown or malformed id. */
  | { ok: false; code: "not_found" }
  /** A draft (never submitted, or reopened already): there is nothing to reopen. Nothing was written. */
  | { ok: false; code: "not_submitted" }
  /** Its assignment was removed or declined: the review no longer counts and the reviewer cannot edit it. */
  | { ok: false; code: "assignment_inactive" }
  /** The application is decided (awarded, waitlisted, ...): its reviews are closed. */
  | { ok: false; code: "application_decided"; status: ApplicationStatus };

/** Test seam (lib/dal/review-admin.int.test.ts): runs after the review is reopened, before the e-mail. */
export type ReopenHooks = { beforeMail?: () => Promise<void> };

/**
 * An admin sends a submitted review back to its reviewer as a draft, with a reason (10–2,000 characters).
 * In ONE transaction: lock the application row (`FOR UPDATE`, as every writer of its reviews and
 * assignments does), then the review row; check the review is submitted, its assignment active and the
 * application not decided; then
 * - the review: status draft, total and submittedAt NULL, reopenedAt/By/Reason set, version + 1;
 * - a `reviewed` application goes back to `in_review` (workflow transition `reopen_review`, its own audit row);
 * - the audit row `review.reopen` (the reason and the old total in `changes`; ids only, no personal data);
 * - the e-mail to the reviewer in their language: the application's reference (never the applicant's
 *   name), the call and the reason.
 * A refusal writes nothing; a failure anywhere rolls everything back. Two admins at once: the second waits
 * on the lock, then finds a draft and gets `not_submitted`. Non-admins: thrown `forbidden`.
 */
export async function reopenReview(actor: Actor, reviewId: string, reason: string, hooks: ReopenHooks = {}): Promise<ReopenResult> {
  requirePermission(actor, "review.reopen");
  const parsed = reopenReasonSchema.safeParse({ reason });
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: { reason: parsed.error.issues[0]?.message ?? "invalid" } };
  if (!UUID_RE.test(reviewId)) return { ok: false, code: "not_found" };
  const why = parsed.data.reason;

  return getDb().transaction(async (tx): Promise<ReopenResult> => {
    const [target] = await tx.select({ applicationId: reviews.applicationId }).from(reviews).where(eq(reviews.id, reviewId));
    if (!target) return { ok: false, code: "not_found" };
    const [app] = await tx
      .select({ status: applications.status, titleKk: calls.titleKk, titleRu: calls.titleRu, titleEn: calls.titleEn })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applications.id, target.applicationId))
      .for("update", { of: applications });
    const [r] = await tx
      .select({
        status: reviews.status,
        total: reviews.total,
        version: reviews.version,
        applicationId: reviews.applicationId,
        reviewerId: reviews.reviewerId,
        assignmentId: reviews.assignmentId,
        assignmentStatus: reviewAssignments.status,
        callId: reviewAssignments.callId,
        email: users.email,
        givenName: users.givenName,
        language: users.language,
      })
      .from(reviews)
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
      .innerJoin(users, eq(users.id, reviews.reviewerId))
      .where(eq(reviews.id, reviewId))
      .for("update", { of: reviews });
    if (!app || !r || r.applicationId !== target.applicationId) return { ok: false, code: "not_found" };
    if (r.status !== "submitted") return { ok: false, code: "not_submitted" };
    if (r.assignmentStatus !== "assigned") return { ok: false, code: "assignment_inactive" };
    if (!(REOPENABLE_STATUSES as readonly string[]).includes(app.status)) return { ok: false, code: "application_decided", status: app.status };

    if (app.status === "reviewed") {
      const t = await applyTransition(tx, { applicationId: r.applicationId, transition: "reopen_review", actor });
      // Cannot happen under the lock after the check above; refuse rather than half-write.
      if (!t.ok) throw new Error(`reopen_review refused: ${t.code}`);
    }

    const at = now();
    const [updated] = await tx
      .update(reviews)
      .set({
        status: "draft",
        total: null,
        submittedAt: null,
        reopenedAt: at,
        reopenedBy: actor.id,
        reopenReason: why,
        version: sql`${reviews.version} + 1`,
        updatedAt: at,
      })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "submitted")))
      .returning({ version: reviews.version });
    if (!updated) throw new Error("review changed under its lock");

    await writeAudit(tx, {
      actor,
      action: "review.reopen",
      entityType: "review",
      entityId: reviewId,
      changedFields: ["status", "total", "submittedAt", "reopenedAt", "reopenedBy", "reopenReason", "version"],
      changes: {
        status: { from: "submitted", to: "draft" },
        total: { from: r.total === null ? null : Number(r.total), to: null },
        version: { from: r.version, to: updated.version },
        reason: why,
        applicationId: r.applicationId,
        assignmentId: r.assignmentId,
        reviewerId: r.reviewerId,
        callId: r.callId,
      },
    });

    await hooks.beforeMail?.();
    await enqueueMail(tx, {
      userId: r.reviewerId,
      to: r.email,
      language: r.language,
      template: "review_reopened",
      payload: {
        name: r.givenName,
        url: `${env().APP_URL.replace(/\/$/, "")}/review/${r.assignmentId}`,
        callTitle: { kk: app.titleKk, ru: app.titleRu, en: app.titleEn },
        reference: applicationReference(r.applicationId),
        reason: why,
      },
    });
    return { ok: true, reviewId, applicationId: r.applicationId, version: updated.version };
  });
}

// ---------------------------------------------------------------------------------------------------
// The admin reads an application

export type ScreeningOutcome =
  | { kind: "not_submitted" }
  | { kind: "pending" }
  | { kind: "passed"; at: Date | null; by: string | null }
  | { kind: "refused"; at: Date | null; by: string | null; reason: string | null };

export type AdminApplicationReviewer = {
  assignmentId: string;
  reviewerName: string;
  assignmentStatus: "assigned" | "declined" | "removed";
  declineReason: string | null;
  reviewStatus: "none" | "draft" | "submitted";
  total: number | null;
  submittedAt: Date | null;
  reopenedAt: Date | null;
};

export type AdminApplicationView = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  title: string;
  districtCode: DistrictCode;
  submittedAt: Date | null;
  /** Personal data: shown to admins only (permission personal_data.read), every read audited. */
  applicantName: string;
  /** For the link to the person's page (their personal data, itself audited). */
  applicantId: string;
  /** Set when retention removed the content (answers, files, comments). */
  anonymisedAt: Date | null;
  call: { id: string; title: Localised; programmeName: Localised; awardAmount: number; k: number; scoreOutOf: number };
  sections: FormSection[];
  directions: Direction[];
  /** The latest frozen revision's answers, or the draft's when it was never submitted. */
  content: ApplicationData;
  revision: { number: number; submittedAt: Date } | null;
  screening: ScreeningOutcome;
  /** Every assignment of the application (removed ones too, for the record), by reviewer's name. */
  reviewers: AdminApplicationReviewer[];
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
};

function screeningOutcome(status: ApplicationStatus, at: Date | null, by: string | null, reason: string | null): ScreeningOutcome {
  if (status === "draft" || status === "withdrawn") return { kind: "not_submitted" };
  if (status === "submitted") return { kind: "pending" };
  if (status === "ineligible") return { kind: "refused", at, by, reason };
  return { kind: "passed", at, by };
}

/**
 * One application as an admin reads it: its content (the latest frozen revision), status, screening outcome,
 * every reviewer with their review's state, the attachments, and the applicant's name. Admins only
 * (permission `personal_data.read`, thrown otherwise); null for an unknown or malformed id (the page answers
 * 404). Each successful read writes the audit row `application.read` in the same transaction as the reads:
 * no one reads an applicant's data without a trace (DOMAIN.md: the audit shows who read what).
 */
export async function adminApplicationView(actor: Actor, applicationId: string): Promise<AdminApplicationView | null> {
  requirePermission(actor, "personal_data.read");
  if (!UUID_RE.test(applicationId)) return null;
  const applicant = alias(users, "applicant");
  const screener = alias(users, "screener");
  return getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({
        id: applications.id,
        status: applications.status,
        title: applications.title,
        districtCode: applications.districtCode,
        data: applications.data,
        submittedAt: applications.submittedAt,
        screenedAt: applications.screenedAt,
        screeningReason: applications.screeningReason,
        screenerSurname: screener.surname,
        screenerGivenName: screener.givenName,
        surname: applicant.surname,
        givenName: applicant.givenName,
        patronymic: applicant.patronymic,
        applicantId: applicant.id,
        anonymisedAt: applications.anonymisedAt,
        callId: calls.id,
        tKk: calls.titleKk,
        tRu: calls.titleRu,
        tEn: calls.titleEn,
        awardAmount: calls.awardAmount,
        k: calls.reviewersPerApplication,
        pKk: programmes.nameKk,
        pRu: programmes.nameRu,
        pEn: programmes.nameEn,
        sections: programmes.formSections,
        directions: programmes.directions,
        scoreOutOf: programmes.scoreOutOf,
      })
      .from(applications)
      .innerJoin(applicant, eq(applicant.id, applications.applicantId))
      .leftJoin(screener, eq(screener.id, applications.screenedBy))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(programmes, eq(programmes.id, calls.programmeId))
      .where(eq(applications.id, applicationId));
    if (!a) return null;

    const [revision] = await tx
      .select({ revision: applicationRevisions.revision, data: applicationRevisions.data, submittedAt: applicationRevisions.submittedAt })
      .from(applicationRevisions)
      .where(eq(applicationRevisions.applicationId, a.id))
      .orderBy(sql`${applicationRevisions.revision} desc`)
      .limit(1);
    const assigned = await tx
      .select({
        assignmentId: reviewAssignments.id,
        status: reviewAssignments.status,
        declineReason: reviewAssignments.declineReason,
        surname: users.surname,
        givenName: users.givenName,
        reviewStatus: reviews.status,
        total: reviews.total,
        submittedAt: reviews.submittedAt,
        reopenedAt: reviews.reopenedAt,
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(eq(reviewAssignments.applicationId, a.id))
      .orderBy(asc(users.surname), asc(users.givenName));
    const files = await tx
      .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .where(eq(attachments.applicationId, a.id))
      .orderBy(asc(attachments.createdAt));

    await writeAudit(tx, {
      actor,
      action: "application.read",
      entityType: "application",
      entityId: a.id,
      // What was shown, by field name only (the values are personal data).
      changedFields: [],
      changes: { callId: a.callId, personalFields: ["surname", "givenName", "patronymic"] },
    });

    const showDraft = a.status === "draft" || !revision;
    const screenedBy = a.screenerSurname ? `${a.screenerSurname} ${a.screenerGivenName}` : null;
    return {
      id: a.id,
      reference: applicationReference(a.id),
      status: a.status,
      title: a.title,
      districtCode: a.districtCode as DistrictCode,
      submittedAt: a.submittedAt,
      applicantName: [a.surname, a.givenName, a.patronymic].filter(Boolean).join(" "),
      applicantId: a.applicantId,
      anonymisedAt: a.anonymisedAt,
      call: {
        id: a.callId,
        title: { kk: a.tKk, ru: a.tRu, en: a.tEn },
        programmeName: { kk: a.pKk, ru: a.pRu, en: a.pEn },
        awardAmount: a.awardAmount,
        k: a.k,
        scoreOutOf: a.scoreOutOf,
      },
      sections: a.sections,
      directions: a.directions,
      content: showDraft ? a.data : revision.data,
      revision: revision ? { number: revision.revision, submittedAt: revision.submittedAt } : null,
      screening: screeningOutcome(a.status, a.screenedAt, screenedBy, a.screeningReason),
      reviewers: assigned.map((r) => ({
        assignmentId: r.assignmentId,
        reviewerName: `${r.surname} ${r.givenName}`,
        assignmentStatus: r.status,
        declineReason: r.declineReason,
        reviewStatus: r.reviewStatus ?? "none",
        total: r.reviewStatus === "submitted" && r.total !== null ? Number(r.total) : null,
        submittedAt: r.reviewStatus === "submitted" ? r.submittedAt : null,
        reopenedAt: r.reopenedAt,
      })),
      attachments: files,
    };
  });
}
