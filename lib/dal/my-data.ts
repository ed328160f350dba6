import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applicationRevisions, applications, attachments, auditLog, awards, calls, consents, fileBlobs, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { ACCOUNT_PERSONAL_FIELDS, anonymiseAccount } from "./anonymise";
import { writeAudit } from "./audit";
import type { Actor } from "./applications";

/**
 * "Download my data" (Law No. 94-V): everything the portal holds about the signed-in person, as one
 * JSON document — profile, consents, applications with their answers and revisions, file names
 * (contents come from the download route), awards, and the audit rows about their account and
 * applications. Reviewers' identities and scores are not theirs to see and are not included.
 */
export async function exportMyData(actor: Actor) {
  const db = getDb();
  const [profile] = await db
    .select({
      email: users.email,
      surname: users.surname,
      givenName: users.givenName,
      patronymic: users.patronymic,
      iin: users.iin,
      birthDate: users.birthDate,
      sex: users.sex,
      phone: users.phone,
      districtCode: users.districtCode,
      language: users.language,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  const myConsents = await db
    .select({ kind: consents.kind, textVersion: consents.textVersion, language: consents.language, givenAt: consents.givenAt, withdrawnAt: consents.withdrawnAt, guardianName: consents.guardianName, guardianIin: consents.guardianIin, guardianRelation: consents.guardianRelation })
    .from(consents)
    .where(eq(consents.userId, actor.id));
  const apps = await db
    .select({ id: applications.id, callId: applications.callId, status: applications.status, data: applications.data, submittedAt: applications.submittedAt, withdrawnAt: applications.withdrawnAt, screeningReason: applications.screeningReason, createdAt: applications.createdAt, updatedAt: applications.updatedAt })
    .from(applications)
    .where(eq(applications.applicantId, actor.id));
  const ids = apps.map((a) => a.id);
  const revisions = ids.length
    ? await db.select({ applicationId: applicationRevisions.applicationId, revision: applicationRevisions.revision, data: applicationRevisions.data, contentHash: applicationRevisions.contentHash, submittedAt: applicationRevisions.submittedAt }).from(applicationRevisions).where(inArray(applicationRevisions.applicationId, ids))
    : [];
  const files = ids.length
    ? await db.select({ applicationId: attachments.applicationId, id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, createdAt: attachments.createdAt }).from(attachments).where(inArray(attachments.applicationId, ids))
    : [];
  const myAwards = ids.length
    ? await db.select({ applicationId: awards.applicationId, amount: awards.amount, status: awards.status, awardedAt: awards.awardedAt, revokedAt: awards.revokedAt, revokeReason: awards.revokeReason }).from(awards).where(inArray(awards.applicationId, ids))
    : [];
  const audit = await db
    .select({ at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, changedFields: auditLog.changedFields })
    .from(auditLog)
    .where(or(eq(auditLog.actorId, actor.id), and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, actor.id)), ids.length ? and(eq(auditLog.entityType, "application"), inArray(auditLog.entityId, ids)) : sql`false`))
    .orderBy(auditLog.at);
  await writeAudit(db, { actor, action: "user.export_data", entityType: "user", entityId: actor.id });
  return {
    exportedAt: now().toISOString(),
    operator: "Almaty region youth policy department (Jas Grant portal)",
    profile,
    consents: myConsents,
    applications: apps.map((a) => ({
      ...a,
      revisions: revisions.filter((r) => r.applicationId === a.id).map(({ applicationId: _a, ...r }) => r),
      attachments: files.filter((f) => f.applicationId === a.id).map(({ applicationId: _a, ...f }) => f),
      awards: myAwards.filter((w) => w.applicationId === a.id).map(({ applicationId: _a, ...w }) => w),
    })),
    activity: audit,
  };
}

export type DeletionCheck =
  | { ok: true }
  | { ok: false; code: "must_keep"; keepUntil: Date | null; reasons: ("submitted_in_open_call" | "award")[] };

/** What must be kept: a submission in a call not yet archived, or any award (public money's records). */
async function deletionBlockers(actorId: string): Promise<DeletionCheck> {
  const rows = await getDb()
    .select({ status: applications.status, closesAt: calls.closesAt, archivedAt: calls.archivedAt, reviewDeadline: calls.reviewDeadline })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.applicantId, actorId), sql`${applications.status} NOT IN ('draft', 'withdrawn')`, isNull(calls.archivedAt)));
  const awarded = await getDb()
    .select({ id: awards.id })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .where(eq(applications.applicantId, actorId))
    .limit(1);
  const reasons: ("submitted_in_open_call" | "award")[] = [];
  if (rows.length) reasons.push("submitted_in_open_call");
  if (awarded.length) reasons.push("award");
  if (!reasons.length) return { ok: true };
  const keepUntil = rows.length ? new Date(Math.max(...rows.map((r) => r.reviewDeadline.getTime()))) : null;
  return { ok: false, code: "must_keep", keepUntil, reasons };
}

export async function canDeleteMyAccount(actor: Actor): Promise<DeletionCheck> {
  return deletionBlockers(actor.id);
}

/**
 * Withdraw consent and delete the account: when nothing must be kept, the person is anonymised at
 * once (name, e-mail, IIN, phone, birth date cleared; drafts and withdrawn applications and their
 * files deleted; consents marked withdrawn; signed out everywhere). The audit log keeps no personal
 * values, so it is untouched. Otherwise nothing changes and the caller explains what is kept and why.
 */
export async function deleteMyAccount(actor: Actor): Promise<DeletionCheck> {
  const check = await deletionBlockers(actor.id);
  if (!check.ok) return check;
  await getDb().transaction(async (tx) => {
    const at = now();
    const drafts = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.applicantId, actor.id), inArray(applications.status, ["draft", "withdrawn"])));
    const draftIds = drafts.map((d) => d.id);
    if (draftIds.length) {
      const keys = await tx.select({ k: attachments.storageKey }).from(attachments).where(inArray(attachments.applicationId, draftIds));
      await tx.delete(applications).where(inArray(applications.id, draftIds));
      if (keys.length) await tx.delete(fileBlobs).where(inArray(fileBlobs.key, keys.map((k) => k.k)));
    }
    // Already anonymised (a double submit, or retention at the same moment): nothing more to record.
    if (!(await anonymiseAccount(tx, actor.id, at))) return;
    await writeAudit(tx, {
      actor,
      action: "user.anonymise",
      entityType: "user",
      entityId: actor.id,
      changedFields: [...ACCOUNT_PERSONAL_FIELDS],
      changes: { draftsDeleted: draftIds.length },
    });
  });
  return { ok: true };
}
