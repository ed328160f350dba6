import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { applications, calls } from "@/db/schema";
import { now } from "@/lib/clock";
import type { Role } from "@/lib/domain/permissions";
import { planTransition, type ApplicationStatus, type Transition } from "@/lib/domain/workflow";
import { writeAudit } from "./audit";

/**
 * Who asks: a signed-in person, or the system (e.g. the last review submitted completes the review;
 * `id` is then the person whose action triggered it, if any).
 */
export type TransitionActor = { id: string; role: Role } | { id: string | null; role: "system" };

export type ApplyTransitionInput = {
  applicationId: string;
  transition: Transition;
  actor: TransitionActor;
  /** Screening's refusal reason (required for `screen_refuse`, shown to the applicant). */
  reason?: string;
  /** The application's `version` the client saw: a different one answers `conflict` (stale tab). */
  expectedVersion?: number;
};

export type TransitionRefusal = "not_found" | "invalid_transition" | "deadline_passed" | "forbidden" | "conflict";

export type ApplyTransitionResult =
  | { ok: true; from: ApplicationStatus; to: ApplicationStatus; version: number }
  | { ok: false; code: TransitionRefusal };

/**
 * Moves an application through the one state machine (lib/domain/workflow.ts), inside the caller's
 * transaction: locks the row (`SELECT … FOR UPDATE`, so two concurrent transitions serialise and the
 * second sees the first's result), checks it against `planTransition` at `now()` and the call's closing
 * instant, then updates the status and its timestamps and writes the audit row in the SAME transaction.
 * A refusal writes nothing.
 *
 * Scope: an applicant reaches only their own application (anyone else's answers `not_found`, so ids
 * cannot be probed). Roles are checked by `planTransition` (a reviewer may perform none).
 * Every transition bumps `version`, so a draft tab opened before a withdraw/reopen cannot save over it.
 *
 * Not done here: the frozen revision of a submission, award rows and budget counters, review
 * assignments: the callers (applications, awards, reviews DAL) do those in the same transaction.
 */
export async function applyTransition(tx: Tx, input: ApplyTransitionInput): Promise<ApplyTransitionResult> {
  const { applicationId, transition, actor } = input;
  if (!isUuid(applicationId)) return { ok: false, code: "not_found" };

  const [row] = await tx
    .select({
      status: applications.status,
      version: applications.version,
      applicantId: applications.applicantId,
      closesAt: calls.closesAt,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, applicationId))
    .for("update", { of: applications });
  if (!row) return { ok: false, code: "not_found" };
  if (actor.role === "applicant" && row.applicantId !== actor.id) return { ok: false, code: "not_found" };
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) return { ok: false, code: "conflict" };

  const at = now();
  const plan = planTransition(row.status, transition, { now: at, closesAt: row.closesAt, actorRole: actor.role });
  if (!plan.ok) return { ok: false, code: plan.code };

  const reason = input.reason?.trim();
  if (transition === "screen_refuse" && !reason) {
    // A programming error, not a user's: the screening form requires the reason.
    throw new TypeError("screen_refuse needs a reason the applicant will see");
  }

  const set: Partial<typeof applications.$inferInsert> = { status: plan.to, updatedAt: at };
  const changes: Record<string, unknown> = { status: { from: row.status, to: plan.to } };
  const changedFields = ["status", "version"];
  switch (transition) {
    case "submit":
      set.submittedAt = at;
      set.withdrawnAt = null;
      changes.submittedAt = at.toISOString();
      break;
    case "withdraw":
      set.withdrawnAt = at;
      changes.withdrawnAt = at.toISOString();
      break;
    case "reopen":
      // A draft again: no longer submitted nor withdrawn (the revisions keep the history).
      set.withdrawnAt = null;
      set.submittedAt = null;
      changedFields.push("withdrawnAt", "submittedAt");
      break;
    case "screen_pass":
    case "screen_refuse":
      set.screenedAt = at;
      set.screenedBy = actor.id;
      set.screeningReason = transition === "screen_refuse" ? reason : null;
      changes.screenedAt = at.toISOString();
      // The reason is free text about a person: its name goes in the audit, not its value.
      changedFields.push("screenedBy", ...(transition === "screen_refuse" ? ["screeningReason"] : []));
      break;
    default:
      break;
  }

  const [updated] = await tx
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, applicationId))
    .returning({ version: applications.version });

  if (actor.role === "system" && actor.id) changes.triggeredBy = actor.id;
  await writeAudit(tx, {
    actor: actor.role === "system" ? null : { id: actor.id, role: actor.role },
    action: `application.${transition}`,
    entityType: "application",
    entityId: applicationId,
    changedFields,
    changes,
  });

  return { ok: true, from: row.status, to: plan.to, version: updated.version };
}

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
