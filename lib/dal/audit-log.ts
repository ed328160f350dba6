import "server-only";
import { and, desc, eq, isNull, like, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { AUDIT_PAGE_SIZE, type AuditFilters } from "@/lib/domain/audit-filters";
import type { Role } from "@/lib/domain/permissions";
import { can } from "@/lib/domain/permissions";
import type { AuditActor } from "./audit";

export type AuditRow = {
  id: number;
  at: Date;
  /** Null: the system (seed, CLI, scheduled job). */
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changedFields: string[];
  changes: Record<string, unknown>;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageSize: number };

function requireAuditReader(actor: AuditActor): asserts actor is { id: string; role: Role } {
  if (!actor || !can(actor.role, "audit.read")) throw new Error("forbidden: admin only");
}

function likePattern(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const CYRILLIC_UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ";
const CYRILLIC_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
/** Case folding independent of the database's locale (as in accounts.ts). */
function folded(column: SQL): SQL {
  return sql`lower(translate(${column}, ${CYRILLIC_UPPER}, ${CYRILLIC_LOWER}))`;
}

function conditions(filters: AuditFilters): SQL[] {
  const out: SQL[] = [];
  const actor = (filters.actor ?? "").trim();
  if (actor.toLowerCase() === "system") {
    out.push(isNull(auditLog.actorId));
  } else if (actor) {
    const words = actor.split(/\s+/).filter(Boolean).slice(0, 5);
    const match = words.map((w) => {
      const p = likePattern(w);
      return sql`(${folded(sql`${users.email}`)} LIKE ${p} OR ${folded(sql`${users.surname}`)} LIKE ${p} OR ${folded(sql`${users.givenName}`)} LIKE ${p})`;
    });
    out.push(sql`${auditLog.actorId} IN (SELECT ${users.id} FROM ${users} WHERE ${and(...match)})`);
  }
  if (filters.action) {
    if (filters.action.endsWith(".")) out.push(like(auditLog.action, `${filters.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    else out.push(eq(auditLog.action, filters.action));
  }
  if (filters.entityType) out.push(eq(auditLog.entityType, filters.entityType));
  if (filters.entityId) out.push(eq(auditLog.entityId, filters.entityId));
  // Calendar dates in Almaty: from its midnight, to the next day's midnight (the database knows the zone's history).
  if (filters.from) out.push(sql`${auditLog.at} >= (${filters.from}::date)::timestamp AT TIME ZONE 'Asia/Almaty'`);
  if (filters.to) out.push(sql`${auditLog.at} < ((${filters.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Almaty')`);
  return out;
}

/**
 * The audit log (admins only), newest first, 50 a page, filtered by actor (name or e-mail words, or
 * "system"), action (exact or a prefix ending with "."), record and period. Reads of personal data
 * (application.read, attachment.read, protocol exports) are rows like any other. Personal values were
 * never written (see writeAudit), so `changes` is shown as it is.
 */
export async function listAudit(actor: AuditActor, filters: AuditFilters = {}, page = 1): Promise<AuditPage> {
  requireAuditReader(actor);
  const where = and(...conditions(filters));
  const db = getDb();
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const pageSize = AUDIT_PAGE_SIZE;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), lastPage);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`CASE WHEN ${users.id} IS NULL THEN NULL ELSE ${users.surname} || ' ' || ${users.givenName} END`,
      actorRole: sql<Role | null>`coalesce(${auditLog.actorRole}, ${users.role}::text)`,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changedFields: auditLog.changedFields,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { rows, total, page: current, pageSize };
}

/** The distinct actions and record types in the log, for the filter's select lists (admins only). */
export async function auditFacets(actor: AuditActor): Promise<{ actions: string[]; entityTypes: string[] }> {
  requireAuditReader(actor);
  const db = getDb();
  const [actions, types] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  return { actions: actions.map((r) => r.v), entityTypes: types.map((r) => r.v) };
}
