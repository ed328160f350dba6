import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { applications, conflicts, reviewAssignments, users } from "@/db/schema";
import { now } from "@/lib/clock";
import {
  detectConflictFlags,
  pairKey,
  type ConflictFlag,
  type FlagApplication,
  type FlagKind,
  type FlagReviewer,
} from "@/lib/domain/conflict-flags";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { declareConflictSchema, resolveFlagSchema, type DeclaredConflictKind } from "@/lib/validation/conflicts";
import { applicationReference, type Actor } from "./applications";
import { writeAudit } from "./audit";
import { settleReviewCompletion } from "./reviews";
import { UUID_RE } from "./guard";

function requireRole<R extends Actor["role"]>(actor: Actor | null, role: R): asserts actor is Actor & { role: R } {
  if (!actor || actor.role !== role) throw new Error(`forbidden: ${role} only`);
}

/** Applications a reviewer could be assigned to: submitted and not refused or withdrawn. */
const REVIEWABLE: readonly ApplicationStatus[] = ["submitted", "in_review", "reviewed", "awarded", "waitlisted", "not_awarded", "award_revoked"];

type FieldFailure = { ok: false; code: "invalid"; fieldErrors: Record<string, string> };

function fieldFailure(error: z.ZodError): FieldFailure {
  const fieldErrors: Record<string, string> = {};
  for (const [k, v] of Object.entries(z.flattenError(error).fieldErrors as Record<string, string[] | undefined>)) {
    if (v?.[0]) fieldErrors[k] = v[0];
  }
  return { ok: false, code: "invalid", fieldErrors };
}

/** The people of a call, as the pure detector wants them (withdrawn applications left out). */
async function loadFlagInputs(db: DbOrTx, callId: string, onlyReviewerId?: string): Promise<{ reviewers: FlagReviewer[]; apps: FlagApplication[] }> {
  const reviewers = await db
    .select({
      id: users.id,
      surname: users.surname,
      givenName: users.givenName,
      patronymic: users.patronymic,
      email: users.email,
      phone: users.phone,
      districtCode: users.districtCode,
      organisation: users.organisation,
    })
    .from(users)
    .where(and(eq(users.role, "reviewer"), eq(users.active, true), ...(onlyReviewerId ? [eq(users.id, onlyReviewerId)] : [])));
  const rows = await db
    .select({
      applicationId: applications.id,
      applicantId: applications.applicantId,
      districtCode: applications.districtCode,
      status: applications.status,
      surname: users.surname,
      givenName: users.givenName,
      patronymic: users.patronymic,
      email: users.email,
      phone: users.phone,
      userDistrict: users.districtCode,
      organisation: users.organisation,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(and(eq(applications.callId, callId), ne(applications.status, "withdrawn")));
  const apps = rows.map((r) => ({
    applicationId: r.applicationId,
    applicantId: r.applicantId,
    districtCode: r.districtCode,
    reviewable: REVIEWABLE.includes(r.status),
    applicant: {
      surname: r.surname,
      givenName: r.givenName,
      patronymic: r.patronymic,
      email: r.email,
      phone: r.phone,
      districtCode: r.userDistrict,
      organisation: r.organisation,
    },
  }));
  return { reviewers, apps };
}

/** The flags the rules raise for a call now (not their decisions). */
export async function computeConflictFlags(callId: string, db: DbOrTx = getDb()): Promise<ConflictFlag[]> {
  if (!UUID_RE.test(callId)) return [];
  const { reviewers, apps } = await loadFlagInputs(db, callId);
  return detectConflictFlags(reviewers, apps);
}

/**
 * A pair became conflicted: its assignment (if any, and not already removed) is marked `removed` in the
 * caller's transaction, with its audit row. The review rows stay for the record; scoring counts only
 * reviews of assignments whose status is `assigned`. Returns whether an assignment was removed.
 */
async function removeConflictedAssignment(tx: Tx, actor: Actor, applicationId: string, reviewerId: string, conflictId: string): Promise<boolean> {
  const [a] = await tx
    .select({ id: reviewAssignments.id, status: reviewAssignments.status })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.reviewerId, reviewerId)))
    .for("update");
  if (!a || a.status === "removed") return false;
  await tx.update(reviewAssignments).set({ status: "removed" }).where(eq(reviewAssignments.id, a.id));
  await writeAudit(tx, {
    actor,
    action: "assignment.remove",
    entityType: "review_assignment",
    entityId: a.id,
    changes: { status: { from: a.status, to: "removed" }, cause: "conflict", conflictId, applicationId, reviewerId },
  });
  await settleReviewCompletion(tx, applicationId, actor);
  return true;
}

export type DeclareResult =
  | { ok: true; conflictId: string; assignmentRemoved: boolean }
  | FieldFailure
  | { ok: false; code: "not_found" };

/**
 * A reviewer declares a conflict of interest with an application (relative, colleague, same
 * organisation, other + note). The declaration is confirmed at once: in ONE transaction the conflict row
 * (declaring the same kind again updates the note), its audit row, and the removal of the reviewer's
 * assignment to that application if there is one. Only an application the reviewer was assigned (in any
 * state since) may be declared against; any other answers not_found, as a draft or withdrawn one does
 * (a reviewer cannot learn which ids exist). Non-reviewers: thrown `forbidden`.
 */
export async function declareConflict(actor: Actor, applicationId: string, input: { kind: DeclaredConflictKind; note?: string }): Promise<DeclareResult> {
  requireRole(actor, "reviewer");
  const parsed = declareConflictSchema.safeParse(input);
  if (!parsed.success) return fieldFailure(parsed.error);
  if (!UUID_RE.test(applicationId)) return { ok: false, code: "not_found" };
  const { kind, note } = parsed.data;
  return getDb().transaction(async (tx) => {
    const [app] = await tx
      .select({ callId: applications.callId, status: applications.status })
      .from(applications)
      .where(eq(applications.id, applicationId))
      // Serialises with an assignment being created for this application (see isConflicted).
      .for("update");
    if (!app || !REVIEWABLE.includes(app.status)) return { ok: false as const, code: "not_found" as const };
    // Only an application one was assigned (in any state since): another's is "not found", so that a
    // reviewer cannot learn which ids exist, nor write conflict rows about applications never theirs.
    const [mine] = await tx
      .select({ id: reviewAssignments.id })
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.reviewerId, actor.id)))
      .limit(1);
    if (!mine) return { ok: false as const, code: "not_found" as const };
    const at = now();
    const [c] = await tx
      .insert(conflicts)
      .values({ callId: app.callId, applicationId, reviewerId: actor.id, source: "declared", kind, note: note || null, status: "confirmed", createdAt: at })
      .onConflictDoUpdate({
        target: [conflicts.applicationId, conflicts.reviewerId, conflicts.source, conflicts.kind],
        set: { note: note || null, status: "confirmed" },
      })
      .returning({ id: conflicts.id });
    await writeAudit(tx, {
      actor,
      action: "conflict.declare",
      entityType: "conflict",
      entityId: c.id,
      // The note is free text about people: its name only.
      changedFields: note ? ["note"] : [],
      changes: { source: "declared", kind, status: "confirmed", applicationId, callId: app.callId },
    });
    const assignmentRemoved = await removeConflictedAssignment(tx, actor, applicationId, actor.id, c.id);
    return { ok: true as const, conflictId: c.id, assignmentRemoved };
  });
}

export type ConflictStatus = "pending" | "confirmed" | "dismissed";

/** One line of the admin's conflict list: a computed flag (with its decision, if any) or a declaration. */
export type ConflictListRow = {
  /** The stored row; null for a flag nobody has decided yet. */
  conflictId: string | null;
  source: "flagged" | "declared";
  kind: FlagKind | DeclaredConflictKind;
  status: ConflictStatus;
  applicationId: string;
  reference: string;
  applicantName: string;
  districtCode: string;
  reviewerId: string;
  reviewerName: string;
  /** Flags: what matched (family / district, organisation, domain, or the reviewer's own application id). */
  detail: string | null;
  /** Declarations: the reviewer's note. */
  note: string | null;
  /** Flags: still raised by the rules today (a decided flag whose data changed stays listed). */
  detected: boolean;
  decisionReason: string | null;
  decidedAt: Date | null;
  assignmentStatus: "assigned" | "declined" | "removed" | null;
};

/**
 * Every flag the rules raise for the call, merged with the stored decisions, and every declaration:
 * pending flags first, then by application and reviewer. Admin only (thrown `forbidden` otherwise).
 */
export async function listConflictFlags(actor: Actor, callId: string): Promise<ConflictListRow[]> {
  requireRole(actor, "admin");
  if (!UUID_RE.test(callId)) return [];
  const db = getDb();
  const flags = await computeConflictFlags(callId, db);
  const reviewer = alias(users, "reviewer");
  const stored = await db
    .select({
      id: conflicts.id,
      applicationId: conflicts.applicationId,
      reviewerId: conflicts.reviewerId,
      source: conflicts.source,
      kind: conflicts.kind,
      note: conflicts.note,
      status: conflicts.status,
      decisionReason: conflicts.decisionReason,
      decidedAt: conflicts.decidedAt,
    })
    .from(conflicts)
    .where(eq(conflicts.callId, callId));

  const key = (reviewerId: string, applicationId: string, source: string, kind: string) => `${pairKey(reviewerId, applicationId)}:${source}:${kind}`;
  const storedByKey = new Map(stored.map((s) => [key(s.reviewerId, s.applicationId, s.source, s.kind), s]));
  const detectedKeys = new Set(flags.map((f) => key(f.reviewerId, f.applicationId, "flagged", f.kind)));

  type Partial = Omit<ConflictListRow, "reference" | "applicantName" | "districtCode" | "reviewerName" | "assignmentStatus">;
  const rows: Partial[] = flags.map((f) => {
    const s = storedByKey.get(key(f.reviewerId, f.applicationId, "flagged", f.kind));
    return {
      conflictId: s?.id ?? null,
      source: "flagged",
      kind: f.kind,
      status: s?.status ?? "pending",
      applicationId: f.applicationId,
      reviewerId: f.reviewerId,
      detail: f.detail,
      note: null,
      detected: true,
      decisionReason: s?.decisionReason ?? null,
      decidedAt: s?.decidedAt ?? null,
    };
  });
  for (const s of stored) {
    if (s.source === "flagged" && detectedKeys.has(key(s.reviewerId, s.applicationId, s.source, s.kind))) continue;
    rows.push({
      conflictId: s.id,
      source: s.source,
      kind: s.kind as FlagKind | DeclaredConflictKind,
      status: s.status,
      applicationId: s.applicationId,
      reviewerId: s.reviewerId,
      detail: s.source === "flagged" ? s.note : null,
      note: s.source === "declared" ? s.note : null,
      detected: s.source === "flagged" ? false : true,
      decisionReason: s.decisionReason,
      decidedAt: s.decidedAt,
    });
  }
  if (!rows.length) return [];

  const appIds = [...new Set(rows.map((r) => r.applicationId))];
  const reviewerIds = [...new Set(rows.map((r) => r.reviewerId))];
  const appRows = await db
    .select({ id: applications.id, districtCode: applications.districtCode, surname: users.surname, givenName: users.givenName })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(inArray(applications.id, appIds));
  const revRows = await db
    .select({ id: reviewer.id, surname: reviewer.surname, givenName: reviewer.givenName })
    .from(reviewer)
    .where(inArray(reviewer.id, reviewerIds));
  const assignments = await db
    .select({ applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.callId, callId), inArray(reviewAssignments.reviewerId, reviewerIds)));
  const appById = new Map(appRows.map((a) => [a.id, a]));
  const revById = new Map(revRows.map((r) => [r.id, r]));
  const assignmentByPair = new Map(assignments.map((a) => [pairKey(a.reviewerId, a.applicationId), a.status]));

  const statusOrder: Record<ConflictStatus, number> = { pending: 0, confirmed: 1, dismissed: 2 };
  return rows
    .map((r) => {
      const a = appById.get(r.applicationId);
      const v = revById.get(r.reviewerId);
      return {
        ...r,
        reference: applicationReference(r.applicationId),
        applicantName: a ? `${a.surname} ${a.givenName}` : "",
        districtCode: a?.districtCode ?? "",
        reviewerName: v ? `${v.surname} ${v.givenName}` : "",
        assignmentStatus: assignmentByPair.get(pairKey(r.reviewerId, r.applicationId)) ?? null,
      };
    })
    .sort(
      (x, y) =>
        statusOrder[x.status] - statusOrder[y.status] ||
        x.reference.localeCompare(y.reference) ||
        x.reviewerName.localeCompare(y.reviewerName) ||
        x.kind.localeCompare(y.kind),
    );
}

export type ResolveResult =
  | { ok: true; conflictId: string; status: "confirmed" | "dismissed"; assignmentRemoved: boolean }
  | FieldFailure
  | { ok: false; code: "not_found" };

/**
 * The admin confirms or dismisses one flag (a pair and a rule's kind) with a reason, in ONE transaction:
 * the stored decision (created on first decision; a later decision replaces it), its audit row
 * (`conflict.confirm` / `conflict.dismiss`; the reason's text is kept on the conflict row and named in
 * the audit, like screening's reason) and, on confirm, the removal of the pair's assignment.
 * A flag the rules do not raise and that was never stored answers not_found. Declarations are not
 * resolved here (a reviewer's own declaration stands). Admin only (thrown `forbidden` otherwise).
 */
export async function resolveFlag(
  actor: Actor,
  input: { applicationId: string; reviewerId: string; kind: FlagKind; decision: "confirm" | "dismiss"; reason: string },
): Promise<ResolveResult> {
  requireRole(actor, "admin");
  const parsed = resolveFlagSchema.safeParse(input);
  if (!parsed.success) return fieldFailure(parsed.error);
  const { applicationId, reviewerId, kind, decision, reason } = parsed.data;
  const to = decision === "confirm" ? "confirmed" : "dismissed";
  return getDb().transaction(async (tx) => {
    const [app] = await tx.select({ callId: applications.callId }).from(applications).where(eq(applications.id, applicationId)).for("update");
    if (!app) return { ok: false as const, code: "not_found" as const };
    const where = and(
      eq(conflicts.applicationId, applicationId),
      eq(conflicts.reviewerId, reviewerId),
      eq(conflicts.source, "flagged"),
      eq(conflicts.kind, kind),
    );
    const [existing] = await tx.select({ id: conflicts.id, status: conflicts.status }).from(conflicts).where(where).for("update");
    let detail: string | null = null;
    if (!existing) {
      const { reviewers, apps } = await loadFlagInputs(tx, app.callId, reviewerId);
      const flag = detectConflictFlags(reviewers, apps).find((f) => f.applicationId === applicationId && f.kind === kind);
      if (!flag) return { ok: false as const, code: "not_found" as const };
      detail = flag.detail;
    }
    const at = now();
    const [c] = await tx
      .insert(conflicts)
      .values({ callId: app.callId, applicationId, reviewerId, source: "flagged", kind, note: detail, status: to, decidedBy: actor.id, decisionReason: reason, decidedAt: at, createdAt: at })
      .onConflictDoUpdate({
        target: [conflicts.applicationId, conflicts.reviewerId, conflicts.source, conflicts.kind],
        set: { status: to, decidedBy: actor.id, decisionReason: reason, decidedAt: at },
      })
      .returning({ id: conflicts.id });
    await writeAudit(tx, {
      actor,
      action: `conflict.${decision}`,
      entityType: "conflict",
      entityId: c.id,
      changedFields: ["decisionReason", "decidedBy"],
      changes: { status: { from: existing?.status ?? "pending", to }, source: "flagged", kind, applicationId, reviewerId, callId: app.callId },
    });
    const assignmentRemoved = to === "confirmed" ? await removeConflictedAssignment(tx, actor, applicationId, reviewerId, c.id) : false;
    return { ok: true as const, conflictId: c.id, status: to, assignmentRemoved };
  });
}

export type Pair = { reviewerId: string; applicationId: string };

/**
 * Pairs the assignment step must never create for a call: confirmed conflicts (every declaration, and
 * every flag an admin confirmed). With `includePendingFlags`, flags not yet decided are excluded too
 * (dismissed ones never are). For server code only: no viewer here, the caller has checked the admin.
 */
export async function excludedPairs(callId: string, opts: { includePendingFlags?: boolean; db?: DbOrTx } = {}): Promise<Pair[]> {
  if (!UUID_RE.test(callId)) return [];
  const db = opts.db ?? getDb();
  const rows = await db
    .select({ reviewerId: conflicts.reviewerId, applicationId: conflicts.applicationId, source: conflicts.source, kind: conflicts.kind, status: conflicts.status })
    .from(conflicts)
    .where(eq(conflicts.callId, callId));
  const out = new Map<string, Pair>();
  for (const r of rows) if (r.status === "confirmed") out.set(pairKey(r.reviewerId, r.applicationId), { reviewerId: r.reviewerId, applicationId: r.applicationId });
  if (opts.includePendingFlags) {
    const decided = new Set(rows.filter((r) => r.source === "flagged").map((r) => `${pairKey(r.reviewerId, r.applicationId)}:${r.kind}`));
    for (const f of await computeConflictFlags(callId, db)) {
      if (!decided.has(`${pairKey(f.reviewerId, f.applicationId)}:${f.kind}`)) out.set(pairKey(f.reviewerId, f.applicationId), { reviewerId: f.reviewerId, applicationId: f.applicationId });
    }
  }
  return [...out.values()];
}

/**
 * Is this reviewer barred from this application (a declared or confirmed conflict)? Every reviewer read
 * and action on an application checks it (pass the transaction to check inside one).
 *
 * Creating an assignment: lock the application row first (`SELECT … FOR UPDATE`), then check this in
 * the same transaction. declareConflict and resolveFlag lock the same row, so a declaration and an
 * assignment made at the same moment serialise: either the assignment sees the conflict and is not
 * made, or the declaration sees the assignment and removes it. (A plain check without the lock can
 * miss a conflict committed in between under READ COMMITTED.)
 */
export async function isConflicted(reviewerId: string, applicationId: string, db: DbOrTx = getDb()): Promise<boolean> {
  if (!UUID_RE.test(reviewerId) || !UUID_RE.test(applicationId)) return false;
  const [r] = await db
    .select({ id: conflicts.id })
    .from(conflicts)
    .where(and(eq(conflicts.reviewerId, reviewerId), eq(conflicts.applicationId, applicationId), eq(conflicts.status, "confirmed")))
    .limit(1);
  return Boolean(r);
}
