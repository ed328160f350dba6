import "server-only";
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { Role } from "@/lib/domain/permissions";

/** Who did it: a signed-in person, or the system (null: seed, CLI, scheduled job). */
export type AuditActor = { id: string; role: Role } | null;

export type AuditEntry = {
  actor: AuditActor;
  /** Dotted verb, e.g. `auth.sign_in`, `user.sign_out_everywhere`, `application.submit`. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** Names of the fields that changed, personal ones included. */
  changedFields?: readonly string[];
  /** Values (old/new or new) of fields WITHOUT personal data only; personal ones are dropped here. */
  changes?: Record<string, unknown>;
};

/**
 * Fields whose values never go into the audit (Law No. 94-V: anonymising a person must not need to
 * touch the append-only log). Their names still go into changed_fields.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  "email",
  "passwordHash",
  "password",
  "surname",
  "givenName",
  "patronymic",
  "name",
  "iin",
  "birthDate",
  "sex",
  "phone",
  "address",
  "guardianName",
  "guardianIin",
  "guardianRelation",
]);

/** An entry as its row: personal fields named in changedFields, their values dropped. */
function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  const changedFields = new Set(entry.changedFields ?? []);
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry.changes ?? {})) {
    changedFields.add(field);
    if (!PERSONAL_FIELDS.has(field)) changes[field] = value;
  }
  return {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    changedFields: [...changedFields],
    changes,
  };
}

/** Append one row to the audit log, inside the caller's transaction (ARCHITECTURE.md habit 4). */
export async function writeAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(entry));
}

/** Several entries in one INSERT (in this order), e.g. the awards of a confirmed proposal. */
export async function writeAudits(tx: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
  // At most 1,000 rows a statement: PostgreSQL binds at most 65,535 parameters (7 a row here).
  for (let i = 0; i < entries.length; i += 1_000) await tx.insert(auditLog).values(entries.slice(i, i + 1_000).map(auditRow));
}
