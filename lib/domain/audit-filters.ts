/** The audit log viewer's filters, read from a query string. Pure: used by the page and unit-tested. */

export type AuditFilters = {
  /** Words searched in the actor's name or e-mail; "system" alone means rows without an actor. */
  actor?: string;
  /** An exact action (`application.read`) or a prefix ending with a dot (`award.`). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Calendar dates (YYYY-MM-DD) in Asia/Almaty, both inclusive. */
  from?: string;
  to?: string;
};

export const AUDIT_PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined>;

function one(v: string | string[] | undefined): string {
  return typeof v === "string" ? v.trim() : "";
}

/** A real calendar date written YYYY-MM-DD (years 2000–2999), or undefined. */
export function parseCalendarDate(value: string): string | undefined {
  const m = /^(2\d{3})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return m[0];
}

/** The period from/to as valid dates, swapped when given the wrong way round; invalid ones are dropped. */
export function parsePeriod(from: string, to: string): { from?: string; to?: string } {
  const f = parseCalendarDate(from);
  const t = parseCalendarDate(to);
  if (f && t && f > t) return { from: t, to: f };
  return { from: f, to: t };
}

const ACTION_RE = /^[a-z_]+(\.[a-z_]*)?$/;
const ENTITY_RE = /^[a-z_]+$/;

/** The query string's filters and page; anything malformed is ignored rather than refused. */
export function parseAuditQuery(params: Params): { filters: AuditFilters; page: number } {
  const actor = one(params.actor).slice(0, 100);
  const action = one(params.action).slice(0, 60);
  const entityType = one(params.entity).slice(0, 40);
  const entityId = one(params.id).slice(0, 64);
  const period = parsePeriod(one(params.from), one(params.to));
  const page = Number.parseInt(one(params.page), 10);
  const filters: AuditFilters = {};
  if (actor) filters.actor = actor;
  if (action && ACTION_RE.test(action)) filters.action = action;
  if (entityType && ENTITY_RE.test(entityType)) filters.entityType = entityType;
  if (entityId) filters.entityId = entityId;
  if (period.from) filters.from = period.from;
  if (period.to) filters.to = period.to;
  return { filters, page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1 };
}

/** The query string for these filters and page (the page left out when it is the first). */
export function auditQueryString(filters: AuditFilters, page = 1): string {
  const q = new URLSearchParams();
  if (filters.actor) q.set("actor", filters.actor);
  if (filters.action) q.set("action", filters.action);
  if (filters.entityType) q.set("entity", filters.entityType);
  if (filters.entityId) q.set("id", filters.entityId);
  if (filters.from) q.set("from", filters.from);
  if (filters.to) q.set("to", filters.to);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The admin page of a record, where there is one. */
export function auditRecordHref(entityType: string, entityId: string | null): string | null {
  if (!entityId || !/^[0-9a-zA-Z-]+$/.test(entityId)) return null;
  if (entityType === "application") return `/admin/applications/${entityId}`;
  if (entityType === "call") return `/admin/calls/${entityId}`;
  return null;
}

/** The non-personal changes as "field: value" lines, values as compact JSON unless plain text. */
export function describeChanges(changes: Record<string, unknown>): { field: string; value: string }[] {
  return Object.entries(changes).map(([field, value]) => ({
    field,
    value: typeof value === "string" ? value : JSON.stringify(value) ?? String(value),
  }));
}
