import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { applications, attachments, calls, conflicts, fileBlobs, reviewAssignments } from "@/db/schema";
import { now } from "@/lib/clock";
import { MAX_FILES_PER_APPLICATION, type FileKind } from "@/lib/files/check";
import { writeAudit } from "./audit";
import type { Actor } from "./applications";
import { UUID_RE } from "./guard";

/**
 * Where file content lives. The default keeps it in PostgreSQL (`file_blobs`: one engine to back up);
 * an S3-compatible store can implement the same three calls.
 */
export interface FileStorage {
  put(content: Buffer, tx: Tx): Promise<string>;
  get(key: string): Promise<Buffer | null>;
}

export const postgresStorage: FileStorage = {
  async put(content, tx) {
    const [row] = await tx.insert(fileBlobs).values({ content }).returning({ key: fileBlobs.key });
    return row.key;
  },
  async get(key) {
    const [row] = await getDb().select({ content: fileBlobs.content }).from(fileBlobs).where(eq(fileBlobs.key, key));
    return row?.content ?? null;
  },
};

export type AttachmentDto = { id: string; fileName: string; mimeType: string; sizeBytes: number; createdAt: Date };

export type AddResult =
  | { ok: true; attachment: AttachmentDto }
  | { ok: false; code: "not_found" | "not_draft" | "deadline_passed" | "too_many" };

/**
 * Attach a checked file to the viewer's own draft, before the deadline, at most five per application.
 * The application row is locked so two uploads at once cannot make a sixth file.
 */
export async function addAttachment(
  actor: Actor,
  applicationId: string,
  file: { fileName: string; kind: FileKind; content: Buffer },
  storage: FileStorage = postgresStorage,
): Promise<AddResult> {
  if (actor.role !== "applicant" || !UUID_RE.test(applicationId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({ status: applications.status, closesAt: calls.closesAt })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)))
      .for("update", { of: applications });
    if (!a) return { ok: false as const, code: "not_found" as const };
    if (a.status !== "draft") return { ok: false as const, code: "not_draft" as const };
    if (now().getTime() >= a.closesAt.getTime()) return { ok: false as const, code: "deadline_passed" as const };
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.applicationId, applicationId));
    if (n >= MAX_FILES_PER_APPLICATION) return { ok: false as const, code: "too_many" as const };
    const key = await storage.put(file.content, tx);
    const [row] = await tx
      .insert(attachments)
      .values({
        applicationId,
        uploadedBy: actor.id,
        kind: "supporting",
        fileName: file.fileName,
        mimeType: file.kind.mime,
        sizeBytes: file.content.length,
        sha256: createHash("sha256").update(file.content).digest("hex"),
        storageKey: key,
        createdAt: now(),
      })
      .returning({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes, createdAt: attachments.createdAt });
    await writeAudit(tx, {
      actor,
      action: "attachment.add",
      entityType: "application",
      entityId: applicationId,
      changes: { attachmentId: row.id, mimeType: row.mimeType, sizeBytes: row.sizeBytes },
    });
    return { ok: true as const, attachment: row };
  });
}

/** Remove a file from the viewer's own draft (before the deadline). */
export async function deleteAttachment(actor: Actor, attachmentId: string): Promise<{ ok: true } | { ok: false; code: "not_found" | "not_draft" | "deadline_passed" }> {
  if (actor.role !== "applicant" || !UUID_RE.test(attachmentId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    const [f] = await tx
      .select({ id: attachments.id, applicationId: attachments.applicationId, key: attachments.storageKey, status: applications.status, closesAt: calls.closesAt })
      .from(attachments)
      .innerJoin(applications, eq(applications.id, attachments.applicationId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(attachments.id, attachmentId), eq(applications.applicantId, actor.id)))
      .for("update", { of: applications });
    if (!f) return { ok: false as const, code: "not_found" as const };
    if (f.status !== "draft") return { ok: false as const, code: "not_draft" as const };
    if (now().getTime() >= f.closesAt.getTime()) return { ok: false as const, code: "deadline_passed" as const };
    await tx.delete(attachments).where(eq(attachments.id, f.id));
    await tx.delete(fileBlobs).where(eq(fileBlobs.key, f.key));
    await writeAudit(tx, { actor, action: "attachment.delete", entityType: "application", entityId: f.applicationId, changes: { attachmentId: f.id } });
    return { ok: true as const };
  });
}

export type Download = { fileName: string; mimeType: string; content: Buffer };

/**
 * A file for download, or null (404) when the viewer may not see it: the owner; an admin; a reviewer
 * assigned to the application (not declined or removed) with no confirmed or pending conflict on it.
 * Reads by reviewers and admins are written to the audit log.
 */
export async function readAttachment(actor: Actor, attachmentId: string, storage: FileStorage = postgresStorage): Promise<Download | null> {
  if (!UUID_RE.test(attachmentId)) return null;
  const [f] = await getDb()
    .select({ id: attachments.id, applicationId: attachments.applicationId, fileName: attachments.fileName, mimeType: attachments.mimeType, key: attachments.storageKey, applicantId: applications.applicantId })
    .from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(eq(attachments.id, attachmentId));
  if (!f) return null;
  let allowed = false;
  if (actor.role === "applicant") allowed = f.applicantId === actor.id;
  else if (actor.role === "admin") allowed = true;
  else if (actor.role === "reviewer") {
    const rows = await getDb()
      .select({ id: reviewAssignments.id })
      .from(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.applicationId, f.applicationId),
          eq(reviewAssignments.reviewerId, actor.id),
          eq(reviewAssignments.status, "assigned"),
          sql`NOT EXISTS (SELECT 1 FROM ${conflicts} WHERE ${conflicts.applicationId} = ${f.applicationId}
                AND ${conflicts.reviewerId} = ${actor.id} AND ${conflicts.status} IN ('confirmed', 'pending'))`,
        ),
      );
    allowed = rows.length > 0;
  }
  if (!allowed) return null;
  const content = await storage.get(f.key);
  if (!content) return null;
  if (actor.role !== "applicant") {
    await writeAudit(getDb(), { actor, action: "attachment.read", entityType: "application", entityId: f.applicationId, changes: { attachmentId: f.id } });
  }
  return { fileName: f.fileName, mimeType: f.mimeType, content };
}
