import "server-only";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applicationRevisions, applications, attachments, awards, calls, conflicts, fileBlobs, reviewAssignments, reviewScores, reviews, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { isAccountDue, retentionCutoff, UNSUCCESSFUL_STATUSES } from "@/lib/domain/retention";
import { env } from "@/lib/env";
import { ACCOUNT_PERSONAL_FIELDS, anonymiseAccount } from "./anonymise";
import { writeAudit } from "./audit";

export type RetentionOptions = {
  /** The moment the run counts from (default: now). */
  at?: Date;
  /** Days after a call's archiving (default: RETENTION_DAYS). */
  retentionDays?: number;
  /** Count what is due, change nothing. */
  dryRun?: boolean;
  /** Applications or accounts per transaction (default 200). */
  batchSize?: number;
};

export type RetentionResult = {
  cutoff: Date;
  dryRun: boolean;
  /** Applications whose personal content was removed (or, in a dry run, would be). */
  applications: number;
  /** Accounts anonymised (in a dry run: those already due; more follow once their applications are done). */
  accounts: number;
  /** Files deleted with the applications. */
  files: number;
};

/** The fields of an application that retention empties (their names go into the audit row). */
const APPLICATION_FIELDS = ["data", "title", "screeningReason", "revisions", "attachments", "reviewComments", "reopenReasons", "declineReasons", "conflictNotes", "conflictDecisionReasons", "revokeReasons"];

function dueApplications(cutoff: Date) {
  return and(
    isNull(applications.anonymisedAt),
    inArray(applications.status, [...UNSUCCESSFUL_STATUSES]),
    sql`${applications.callId} IN (SELECT ${calls.id} FROM ${calls} WHERE ${lt(calls.archivedAt, cutoff)})`,
  );
}

/** Written out qualified: in a select list Drizzle leaves columns unqualified, and audit_log has an `id` too. */
const lastSignIn = sql<Date | null>`(SELECT max(l.at) FROM audit_log l WHERE l.actor_id = "users"."id" AND l.action = 'auth.sign_in')`.mapWith(
  (v: string | Date | null) => (v == null ? null : new Date(v)),
);

/**
 * Applicant accounts whose every application has been anonymised and who have not signed in (the audit
 * log records sign-ins) since the cutoff. Accounts that never applied are not retention's business.
 */
function accountCandidates(cutoff: Date) {
  return sql`${users.role} = 'applicant' AND ${users.anonymisedAt} IS NULL
    AND EXISTS (SELECT 1 FROM ${applications} a WHERE a.applicant_id = ${users.id})
    AND NOT EXISTS (SELECT 1 FROM ${applications} a WHERE a.applicant_id = ${users.id} AND a.anonymised_at IS NULL)
    AND coalesce(${lastSignIn}, ${users.createdAt}) < ${cutoff}`;
}

/** One batch of applications: personal content removed, statistics kept. Returns how many and their files. */
async function anonymiseApplicationBatch(cutoff: Date, at: Date, limit: number): Promise<{ applications: number; files: number }> {
  return getDb().transaction(async (tx) => {
    const due = await tx
      .select({ id: applications.id, callId: applications.callId, status: applications.status })
      .from(applications)
      .where(dueApplications(cutoff))
      .orderBy(applications.id)
      .limit(limit)
      .for("update", { of: applications, skipLocked: true });
    if (!due.length) return { applications: 0, files: 0 };
    const ids = due.map((d) => d.id);

    const files = await tx
      .select({ applicationId: attachments.applicationId, key: attachments.storageKey })
      .from(attachments)
      .where(inArray(attachments.applicationId, ids));
    if (files.length) {
      await tx.delete(attachments).where(inArray(attachments.applicationId, ids));
      const keys = [...new Set(files.map((f) => f.key))];
      await tx
        .delete(fileBlobs)
        .where(and(inArray(fileBlobs.key, keys), sql`NOT EXISTS (SELECT 1 FROM ${attachments} x WHERE x.storage_key = ${fileBlobs.key})`));
    }
    await tx.update(applicationRevisions).set({ data: {} }).where(inArray(applicationRevisions.applicationId, ids));
    await tx
      .update(reviewScores)
      .set({ comment: "" })
      .where(sql`${reviewScores.reviewId} IN (SELECT r.id FROM ${reviews} r WHERE r.application_id IN ${ids})`);
    await tx.update(reviews).set({ comment: "" }).where(inArray(reviews.applicationId, ids));
    await tx.update(reviews).set({ reopenReason: "—" }).where(and(inArray(reviews.applicationId, ids), sql`${reviews.reopenReason} IS NOT NULL`));
    await tx.update(reviewAssignments).set({ declineReason: "—" }).where(and(inArray(reviewAssignments.applicationId, ids), sql`${reviewAssignments.declineReason} IS NOT NULL`));
    await tx.update(conflicts).set({ note: null }).where(inArray(conflicts.applicationId, ids));
    await tx.update(conflicts).set({ decisionReason: "—" }).where(and(inArray(conflicts.applicationId, ids), sql`${conflicts.decisionReason} IS NOT NULL`));
    // A revoked award keeps its row (money and counts) and that it was revoked; the free-text reason goes.
    await tx.update(awards).set({ revokeReason: "—" }).where(and(inArray(awards.applicationId, ids), sql`${awards.revokeReason} IS NOT NULL`));
    await tx
      .update(applications)
      .set({ data: {}, title: "", screeningReason: null, anonymisedAt: at, updatedAt: at })
      .where(inArray(applications.id, ids));

    const filesOf = new Map<string, number>();
    for (const f of files) filesOf.set(f.applicationId, (filesOf.get(f.applicationId) ?? 0) + 1);
    for (const d of due) {
      await writeAudit(tx, {
        actor: null,
        action: "application.anonymise",
        entityType: "application",
        entityId: d.id,
        changedFields: APPLICATION_FIELDS,
        changes: { reason: "retention", callId: d.callId, status: d.status, filesDeleted: filesOf.get(d.id) ?? 0 },
      });
    }
    return { applications: due.length, files: files.length };
  });
}

/** One batch of accounts whose applications are all anonymised and who have not signed in since the cutoff. */
async function anonymiseAccountBatch(cutoff: Date, at: Date, limit: number): Promise<{ accounts: number; seen: number }> {
  return getDb().transaction(async (tx) => {
    const candidates = await tx
      .select({ id: users.id, role: users.role, anonymisedAt: users.anonymisedAt, createdAt: users.createdAt, lastSignInAt: lastSignIn })
      .from(users)
      .where(accountCandidates(cutoff))
      .orderBy(users.id)
      .limit(limit)
      .for("update", { of: users, skipLocked: true });
    let accounts = 0;
    for (const c of candidates) {
      if (!isAccountDue(c, 0, cutoff)) continue;
      if (!(await anonymiseAccount(tx, c.id, at))) continue;
      accounts += 1;
      await writeAudit(tx, {
        actor: null,
        action: "user.anonymise",
        entityType: "user",
        entityId: c.id,
        changedFields: [...ACCOUNT_PERSONAL_FIELDS],
        changes: { reason: "retention" },
      });
    }
    return { accounts, seen: candidates.length };
  });
}

/**
 * Apply the retention period (lib/domain/retention.ts): remove the personal content of unsuccessful
 * applications in calls archived longer ago than the period (answers, title, screening reason, the
 * revisions' answers, files, reviewers' comments and conflict notes), then anonymise the accounts left
 * with nothing to keep. Status, district, direction, jobs, amounts, dates, scores and awards stay, so
 * every statistic and the public results are unchanged. Each application and account gets an audit row
 * (actor: the system); a run that changed something also writes `retention.run` with the totals.
 * Batches of `batchSize` per transaction with SKIP LOCKED: several server processes may run it at once.
 */
export async function runRetention(options: RetentionOptions = {}): Promise<RetentionResult> {
  const at = options.at ?? now();
  const days = options.retentionDays ?? env().RETENTION_DAYS;
  const cutoff = retentionCutoff(at, days);
  const batch = Math.max(1, Math.min(options.batchSize ?? 200, 5000));
  const db = getDb();

  if (options.dryRun) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(applications).where(dueApplications(cutoff));
    const [{ files }] = await db
      .select({ files: sql<number>`count(*)::int` })
      .from(attachments)
      .where(sql`${attachments.applicationId} IN (SELECT ${applications.id} FROM ${applications} WHERE ${dueApplications(cutoff)})`);
    const [{ accounts }] = await db
      .select({ accounts: sql<number>`count(*)::int` })
      .from(users)
      .where(accountCandidates(cutoff));
    return { cutoff, dryRun: true, applications: n, accounts, files };
  }

  let total = 0;
  let files = 0;
  for (;;) {
    const r = await anonymiseApplicationBatch(cutoff, at, batch);
    total += r.applications;
    files += r.files;
    if (r.applications < batch) break;
  }
  let accounts = 0;
  for (;;) {
    const r = await anonymiseAccountBatch(cutoff, at, batch);
    accounts += r.accounts;
    if (r.seen < batch || r.accounts === 0) break;
  }
  if (total || accounts) {
    await writeAudit(db, {
      actor: null,
      action: "retention.run",
      entityType: "retention",
      changes: { retentionDays: days, cutoff: cutoff.toISOString(), applications: total, accounts, filesDeleted: files },
    });
  }
  return { cutoff, dryRun: false, applications: total, accounts, files };
}
