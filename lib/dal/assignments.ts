import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, reviewAssignments, reviews, users } from "@/db/schema";
import { assignReviewers, type Unfilled } from "@/lib/domain/assignment";
import { assignmentReasonSchema } from "@/lib/validation/assignments";
import { applicationReference, type Actor } from "./applications";
import { writeAudit } from "./audit";
import { excludedPairs, isConflicted } from "./conflicts";
import { settleReviewCompletion } from "./reviews";
import { UUID_RE } from "./guard";

const isUuid = (s: string) => UUID_RE.test(s);

/** Same style as the other admin DAL functions: a wrong role is a programming or routing error, thrown. */
function requireRole<R extends Actor["role"]>(actor: Actor | null, role: R): asserts actor is Actor & { role: R } {
  if (!actor || actor.role !== role) throw new Error(`forbidden: ${role} only`);
}

type ReasonFailure = { ok: false; code: "invalid"; fieldErrors: Record<string, string> };

function parseReason(reason: string): { ok: true; reason: string } | ReasonFailure {
  const parsed = assignmentReasonSchema.safeParse({ reason });
  if (parsed.success) return { ok: true, reason: parsed.data.reason };
  return { ok: false, code: "invalid", fieldErrors: { reason: parsed.error.issues[0]?.message ?? "invalid" } };
}

const pairKey = (applicationId: string, reviewerId: string) => `${applicationId}:${reviewerId}`;

// ---------------------------------------------------------------------------------------------------
// Automatic assignment

export type AutoAssignResult =
  | {
      ok: true;
      /** Rows inserted. */
      added: number;
      /** `assigned` rows of pairs now conflicted, marked `removed`. */
      removed: number;
      /** Each active reviewer's number of `assigned` rows in the call after the run. */
      load: Record<string, number>;
      target: number;
      ceiling: number;
      unfilled: Unfilled[];
    }
  | { ok: false; code: "not_found" };

/**
 * Test seams for the race test only (lib/dal/assignments.int.test.ts): `afterRead` runs between reading the
 * state and writing the plan; `skipLock` leaves out the row locks, to show what they prevent.
 */
export type AutoAssignHooks = { afterRead?: () => Promise<void>; skipLock?: boolean };

/**
 * Assign the call's k reviewers to each of its `in_review` applications, in ONE transaction:
 *
 * 1. lock the call's in-review application rows (`SELECT … FOR UPDATE`, in id order so two runs never
 *    deadlock): the conflicts protocol (lib/dal/conflicts.ts `isConflicted`) — a declaration or a flag
 *    confirmed at the same moment waits for us or is seen by us; and a second run on the same call waits
 *    here, then reads the rows the first one committed and adds nothing;
 * 2. read the active reviewers, every assignment row of the call (kept rows count towards k and the load;
 *    declined and removed rows keep that reviewer off that application) and the excluded pairs —
 *    confirmed conflicts AND flags not yet decided (a dismissed flag no longer excludes);
 * 3. run the pure `assignReviewers`, insert its additions and mark its `conflictedExisting` rows `removed`.
 *
 * Audit: ONE summary row `assignment.auto` on the call (counts, the ids of the added rows and the pairs
 * removed), so that 6,000 additions cost one audit insert; the rows themselves carry `assigned_by`.
 * Admin only (thrown `forbidden` otherwise).
 */
export async function autoAssign(actor: Actor, callId: string, hooks: AutoAssignHooks = {}): Promise<AutoAssignResult> {
  requireRole(actor, "admin");
  if (!isUuid(callId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    const [call] = await tx.select({ k: calls.reviewersPerApplication }).from(calls).where(eq(calls.id, callId));
    if (!call) return { ok: false as const, code: "not_found" as const };

    const appQuery = tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.status, "in_review")))
      .orderBy(asc(applications.id));
    const apps = hooks.skipLock ? await appQuery : await appQuery.for("update");
    const reviewerRows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "reviewer"), eq(users.active, true)));
    const existing = await tx
      .select({ id: reviewAssignments.id, applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.callId, callId));
    const excluded = await excludedPairs(callId, { includePendingFlags: true, db: tx });
    await hooks.afterRead?.();

    const plan = assignReviewers({
      applicationIds: apps.map((a) => a.id),
      reviewerIds: reviewerRows.map((r) => r.id),
      perApplication: call.k,
      conflicts: excluded,
      existing,
    });

    const added: { id: string; applicationId: string; reviewerId: string }[] = [];
    for (let i = 0; i < plan.added.length; i += 1000) {
      const chunk = plan.added.slice(i, i + 1000);
      const rows = await tx
        .insert(reviewAssignments)
        .values(chunk.map((p) => ({ callId, applicationId: p.applicationId, reviewerId: p.reviewerId, status: "assigned" as const, assignedBy: actor.id })))
        .returning({ id: reviewAssignments.id, applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId });
      added.push(...rows);
    }
    const byPair = new Map(existing.filter((e) => e.status === "assigned").map((e) => [pairKey(e.applicationId, e.reviewerId), e.id]));
    const removedIds = plan.conflictedExisting.map((p) => byPair.get(pairKey(p.applicationId, p.reviewerId))).filter((id): id is string => Boolean(id));
    if (removedIds.length) {
      await tx.update(reviewAssignments).set({ status: "removed" }).where(and(inArray(reviewAssignments.id, removedIds), eq(reviewAssignments.status, "assigned")));
    }
    await writeAudit(tx, {
      actor,
      action: "assignment.auto",
      entityType: "call",
      entityId: callId,
      changes: {
        added: added.length,
        removed: removedIds.length,
        addedIds: added.map((a) => a.id),
        removedIds,
        unfilled: plan.unfilled.length,
        perApplication: call.k,
      },
    });
    return {
      ok: true as const,
      added: added.length,
      removed: removedIds.length,
      load: plan.load,
      target: plan.target,
      ceiling: plan.ceiling,
      unfilled: plan.unfilled,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Manual changes

export type AddResult =
  | { ok: true; assignmentId: string }
  | { ok: false; code: "not_found" }
  /** The application is not in review: assignments are made only then. */
  | { ok: false; code: "not_in_review" }
  /** A confirmed conflict (declared, or a flag the admin confirmed). */
  | { ok: false; code: "conflicted" }
  /** Already assigned. */
  | { ok: false; code: "duplicate" }
  /** The reviewer declined this application: the admin asks someone else. */
  | { ok: false; code: "declined" };

/**
 * The admin adds one reviewer to one in-review application, in ONE transaction: lock the application row
 * (`FOR UPDATE`), then check `isConflicted` in the same transaction (the conflicts protocol), refuse a
 * duplicate or a declined pair; a pair the admin removed earlier is made `assigned` again (the unique
 * index keeps one row per pair). Audit `assignment.add`. Admin only (thrown `forbidden`).
 */
export async function addAssignment(actor: Actor, applicationId: string, reviewerId: string): Promise<AddResult> {
  requireRole(actor, "admin");
  if (!isUuid(applicationId) || !isUuid(reviewerId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx): Promise<AddResult> => {
    const [app] = await tx
      .select({ callId: applications.callId, status: applications.status })
      .from(applications)
      .where(eq(applications.id, applicationId))
      .for("update");
    if (!app) return { ok: false, code: "not_found" };
    const [reviewer] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, reviewerId), eq(users.role, "reviewer"), eq(users.active, true)));
    if (!reviewer) return { ok: false, code: "not_found" };
    // A reviewed application takes one more reviewer (a disagreement): it goes back to in review below.
    if (app.status !== "in_review" && app.status !== "reviewed") return { ok: false, code: "not_in_review" };
    if (await isConflicted(reviewerId, applicationId, tx)) return { ok: false, code: "conflicted" };
    const [row] = await tx
      .select({ id: reviewAssignments.id, status: reviewAssignments.status })
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.reviewerId, reviewerId)))
      .for("update");
    if (row?.status === "assigned") return { ok: false, code: "duplicate" };
    if (row?.status === "declined") return { ok: false, code: "declined" };
    let id: string;
    if (row) {
      await tx.update(reviewAssignments).set({ status: "assigned", assignedBy: actor.id, assignedAt: sql`now()` }).where(eq(reviewAssignments.id, row.id));
      id = row.id;
    } else {
      const [ins] = await tx
        .insert(reviewAssignments)
        .values({ callId: app.callId, applicationId, reviewerId, status: "assigned", assignedBy: actor.id })
        .returning({ id: reviewAssignments.id });
      id = ins.id;
    }
    await writeAudit(tx, {
      actor,
      action: "assignment.add",
      entityType: "review_assignment",
      entityId: id,
      changes: { status: { from: row?.status ?? null, to: "assigned" }, applicationId, reviewerId, callId: app.callId },
    });
    await settleReviewCompletion(tx, applicationId, actor);
    return { ok: true, assignmentId: id };
  });
}

export type ChangeResult = { ok: true } | ReasonFailure | { ok: false; code: "not_found" } | { ok: false; code: "not_assigned" };

/**
 * The admin removes an assignment with a reason (kept in the audit row `assignment.remove`; the row
 * becomes `removed`, its review, if any, stays for the record). Admin only (thrown `forbidden`).
 */
export async function removeAssignment(actor: Actor, assignmentId: string, reason: string): Promise<ChangeResult> {
  requireRole(actor, "admin");
  const r = parseReason(reason);
  if (!r.ok) return r;
  if (!isUuid(assignmentId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx): Promise<ChangeResult> => {
    const [a] = await tx
      .select({ id: reviewAssignments.id, status: reviewAssignments.status, applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId, callId: reviewAssignments.callId })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.id, assignmentId))
      .for("update");
    if (!a) return { ok: false, code: "not_found" };
    if (a.status !== "assigned") return { ok: false, code: "not_assigned" };
    await tx.update(reviewAssignments).set({ status: "removed" }).where(eq(reviewAssignments.id, a.id));
    await writeAudit(tx, {
      actor,
      action: "assignment.remove",
      entityType: "review_assignment",
      entityId: a.id,
      changes: { status: { from: "assigned", to: "removed" }, cause: "admin", reason: r.reason, applicationId: a.applicationId, reviewerId: a.reviewerId, callId: a.callId },
    });
    // The remaining reviewers may all have submitted: the application is then reviewed.
    await settleReviewCompletion(tx, a.applicationId, actor);
    return { ok: true };
  });
}

export type DeclineResult = ChangeResult | { ok: false; code: "already_submitted" };

/**
 * The assigned reviewer declines one assignment with a reason (status `declined`, the reason on the row
 * for the admin, audit `assignment.decline`). Another reviewer's assignment answers not_found and is left
 * unchanged; a submitted review cannot be declined any more. Reviewers only (thrown `forbidden`).
 */
export async function declineAssignment(actor: Actor, assignmentId: string, reason: string): Promise<DeclineResult> {
  requireRole(actor, "reviewer");
  const r = parseReason(reason);
  if (!r.ok) return r;
  if (!isUuid(assignmentId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx): Promise<DeclineResult> => {
    const [a] = await tx
      .select({ id: reviewAssignments.id, status: reviewAssignments.status, applicationId: reviewAssignments.applicationId, callId: reviewAssignments.callId })
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.reviewerId, actor.id)))
      .for("update");
    if (!a) return { ok: false, code: "not_found" };
    if (a.status !== "assigned") return { ok: false, code: "not_assigned" };
    const [submitted] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.assignmentId, a.id), eq(reviews.status, "submitted")));
    if (submitted) return { ok: false, code: "already_submitted" };
    await tx.update(reviewAssignments).set({ status: "declined", declineReason: r.reason }).where(eq(reviewAssignments.id, a.id));
    await writeAudit(tx, {
      actor,
      action: "assignment.decline",
      entityType: "review_assignment",
      entityId: a.id,
      changedFields: ["declineReason"],
      changes: { status: { from: "assigned", to: "declined" }, applicationId: a.applicationId, callId: a.callId },
    });
    await settleReviewCompletion(tx, a.applicationId, actor);
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------------
// The admin's overview

export type OverviewReviewer = { assignmentId: string; reviewerId: string; name: string; reviewStatus: "none" | "draft" | "submitted" };
export type OverviewApplication = {
  id: string;
  reference: string;
  title: string;
  districtCode: string;
  reviewers: OverviewReviewer[];
  /** k minus the assigned reviewers (0 when full). */
  missing: number;
  /** Reviewers the admin may add: active, not assigned, not declined, not excluded by a conflict or pending flag. */
  addable: { id: string; name: string }[];
};
export type DeclinedItem = { assignmentId: string; applicationId: string; reference: string; reviewerId: string; reviewerName: string; reason: string };
export type AssignmentOverview = {
  call: { id: string; titleKk: string; titleRu: string; titleEn: string; perApplication: number; reviewDeadline: Date };
  applications: OverviewApplication[];
  reviewers: { id: string; name: string; load: number; declined: number }[];
  /** "Whom to replace": declined assignments with their reasons. */
  declined: DeclinedItem[];
};

/** Per in-review application its reviewers and what is missing; per reviewer the load; declined items. Admin only. */
export async function assignmentOverview(actor: Actor, callId: string): Promise<AssignmentOverview | null> {
  requireRole(actor, "admin");
  if (!isUuid(callId)) return null;
  const db = getDb();
  const [call] = await db
    .select({ id: calls.id, titleKk: calls.titleKk, titleRu: calls.titleRu, titleEn: calls.titleEn, perApplication: calls.reviewersPerApplication, reviewDeadline: calls.reviewDeadline })
    .from(calls)
    .where(eq(calls.id, callId));
  if (!call) return null;
  const [apps, reviewerRows, rows, excluded] = await Promise.all([
    db
      .select({ id: applications.id, title: applications.title, districtCode: applications.districtCode })
      .from(applications)
      // Reviewed applications too: on a disagreement the admin adds a reviewer to one.
      .where(and(eq(applications.callId, callId), inArray(applications.status, ["in_review", "reviewed"])))
      .orderBy(asc(applications.submittedAt), asc(applications.id)),
    db
      .select({ id: users.id, surname: users.surname, givenName: users.givenName })
      .from(users)
      .where(and(eq(users.role, "reviewer"), eq(users.active, true)))
      .orderBy(asc(users.surname), asc(users.givenName)),
    db
      .select({
        id: reviewAssignments.id,
        applicationId: reviewAssignments.applicationId,
        reviewerId: reviewAssignments.reviewerId,
        status: reviewAssignments.status,
        declineReason: reviewAssignments.declineReason,
        reviewStatus: reviews.status,
        surname: users.surname,
        givenName: users.givenName,
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(eq(reviewAssignments.callId, callId))
      .orderBy(asc(users.surname), asc(users.givenName)),
    excludedPairs(callId, { includePendingFlags: true }),
  ]);
  const name = (r: { surname: string; givenName: string }) => `${r.surname} ${r.givenName}`;
  const excludedSet = new Set(excluded.map((p) => pairKey(p.applicationId, p.reviewerId)));
  const takenSet = new Set(rows.filter((r) => r.status !== "removed").map((r) => pairKey(r.applicationId, r.reviewerId)));
  const load = new Map<string, number>();
  const declinedCount = new Map<string, number>();
  for (const r of rows) {
    if (r.status === "assigned") load.set(r.reviewerId, (load.get(r.reviewerId) ?? 0) + 1);
    if (r.status === "declined") declinedCount.set(r.reviewerId, (declinedCount.get(r.reviewerId) ?? 0) + 1);
  }
  const appIds = new Set(apps.map((a) => a.id));
  return {
    call,
    applications: apps.map((a) => {
      const assigned = rows
        .filter((r) => r.applicationId === a.id && r.status === "assigned")
        .map((r) => ({ assignmentId: r.id, reviewerId: r.reviewerId, name: name(r), reviewStatus: r.reviewStatus ?? ("none" as const) }));
      return {
        id: a.id,
        reference: applicationReference(a.id),
        title: a.title,
        districtCode: a.districtCode,
        reviewers: assigned,
        missing: Math.max(0, call.perApplication - assigned.length),
        addable: reviewerRows
          .filter((v) => !takenSet.has(pairKey(a.id, v.id)) && !excludedSet.has(pairKey(a.id, v.id)))
          .map((v) => ({ id: v.id, name: name(v) })),
      };
    }),
    reviewers: reviewerRows.map((v) => ({ id: v.id, name: name(v), load: load.get(v.id) ?? 0, declined: declinedCount.get(v.id) ?? 0 })),
    declined: rows
      .filter((r) => r.status === "declined" && appIds.has(r.applicationId))
      .map((r) => ({
        assignmentId: r.id,
        applicationId: r.applicationId,
        reference: applicationReference(r.applicationId),
        reviewerId: r.reviewerId,
        reviewerName: name(r),
        reason: r.declineReason ?? "",
      })),
  };
}
