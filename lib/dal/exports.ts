import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Pool } from "pg";
import { getDb } from "@/db/client";
import { applications, awards, calls, programmes, reviewAssignments, reviews, rubricCriteria } from "@/db/schema";
import type { ApplicationRecord, AwardRecord, ExportCall, ExportFormat, ExportKind, ExportRecord, ReviewRecord } from "@/lib/export/call-exports";
import { can } from "@/lib/domain/permissions";
import { applicationReference, type Actor } from "./applications";
import { writeAudit } from "./audit";
import { openCursor, type CursorOptions, type CursorRows } from "./cursor";
import { UUID_RE } from "./guard";

/*
 * The exports of one call (issue 7): applications (with the applicants' personal data: the department
 * needs them), reviews (per-criterion scores) and awards (revoked ones included), streamed from a
 * database cursor (lib/dal/cursor.ts; docs/decisions/0014-exports-from-a-cursor.md). Permission
 * `export.download` (and `personal_data.read` for applications), i.e. admins: the functions throw for
 * anyone else, and the route answers 404 before reaching them. Every export is in
 * the audit log (`export.applications`, `export.reviews`, `export.awards`: who, which call, which format
 * and language, how many rows) before the first row is read.
 */

/** As the other admin DAL functions: a wrong role is a programming or routing error, thrown. */
function requirePermission(actor: Actor | null, permission: "export.download" | "personal_data.read"): asserts actor is Actor & { role: "admin" } {
  if (!actor || !can(actor.role, permission)) throw new Error(`forbidden: ${permission}`);
}

/** The call as the sheets need it (title, directions, rubric); null for an unknown call. */
async function exportCall(callId: string): Promise<ExportCall | null> {
  if (!UUID_RE.test(callId)) return null;
  const db = getDb();
  const [c] = await db
    .select({
      id: calls.id,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      year: calls.year,
      programmeId: programmes.id,
      programmeCode: programmes.code,
      directions: programmes.directions,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  if (!c) return null;
  const criteria = await db
    .select({
      id: rubricCriteria.id,
      code: rubricCriteria.code,
      kk: rubricCriteria.nameKk,
      ru: rubricCriteria.nameRu,
      en: rubricCriteria.nameEn,
      scaleMin: rubricCriteria.scaleMin,
      scaleMax: rubricCriteria.scaleMax,
    })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, c.programmeId))
    .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code));
  return {
    id: c.id,
    title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn },
    programmeCode: c.programmeCode,
    year: c.year,
    directions: c.directions,
    criteria: criteria.map((k) => ({ id: k.id, code: k.code, name: { kk: k.kk, ru: k.ru, en: k.en }, scaleMin: k.scaleMin, scaleMax: k.scaleMax })),
  };
}

export type CallExportsSummary = { call: ExportCall; counts: Record<ExportKind, number> };

/** The exports page's figures: how many rows each export of the call has now (admin only; null: no call). */
export async function callExportsSummary(actor: Actor, callId: string): Promise<CallExportsSummary | null> {
  requirePermission(actor, "export.download");
  const call = await exportCall(callId);
  if (!call) return null;
  const db = getDb();
  const [[a], [r], [w]] = await Promise.all([
    db.select({ n: count() }).from(applications).where(and(eq(applications.callId, callId), ne(applications.status, "draft"))),
    db.select({ n: count() }).from(reviews).innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId)).where(eq(reviewAssignments.callId, callId)),
    db.select({ n: count() }).from(awards).where(eq(awards.callId, callId)),
  ]);
  return { call, counts: { applications: Number(a.n), reviews: Number(r.n), awards: Number(w.n) } };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Submitted applications (every status but draft), earliest submission first, with their applicants. */
const APPLICATIONS_SQL = `
  SELECT a.id, a.status::text AS status, a.district_code, a.direction, a.title, a.submitted_at,
         a.requested_amount::text AS requested_amount, a.jobs_created,
         u.surname, u.given_name, u.patronymic, u.iin, u.birth_date::text AS birth_date, u.phone, u.email
  FROM applications a
  JOIN users u ON u.id = a.applicant_id
  WHERE a.call_id = $1 AND a.status <> 'draft'
  ORDER BY a.submitted_at NULLS LAST, a.id`;

type RawApplication = {
  id: string;
  status: string;
  district_code: string;
  direction: string | null;
  title: string;
  submitted_at: Date | null;
  requested_amount: string | null;
  jobs_created: number | null;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  iin: string | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
};

export function applicationRecord(r: RawApplication): ApplicationRecord {
  return {
    reference: applicationReference(r.id),
    status: r.status,
    districtCode: r.district_code,
    direction: r.direction,
    title: r.title,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    iin: str(r.iin),
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    submittedAt: r.submitted_at,
    requestedAmount: num(r.requested_amount),
    jobsCreated: r.jobs_created,
  };
}

/**
 * Every review of the call (drafts and reviews of removed assignments included, with their status), by
 * application (earliest submitted first) then by submission; the scores in the order of `$2` (the rubric).
 */
const REVIEWS_SQL = `
  SELECT r.application_id, r.status::text AS status, ra.status::text AS assignment_status, r.total::text AS total,
         r.submitted_at, u.surname, u.given_name, u.patronymic, u.email,
         ARRAY(SELECT rs.score FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, n)
               LEFT JOIN review_scores rs ON rs.review_id = r.id AND rs.criterion_id = c.id ORDER BY c.n) AS scores
  FROM reviews r
  JOIN review_assignments ra ON ra.id = r.assignment_id
  JOIN applications a ON a.id = r.application_id
  JOIN users u ON u.id = r.reviewer_id
  WHERE ra.call_id = $1
  ORDER BY a.submitted_at NULLS LAST, a.id, r.submitted_at NULLS LAST, r.id`;

type RawReview = {
  application_id: string;
  status: string;
  assignment_status: string;
  total: string | null;
  submitted_at: Date | null;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  email: string | null;
  scores: (number | null)[];
};

export function reviewRecord(r: RawReview): ReviewRecord {
  return {
    reference: applicationReference(r.application_id),
    reviewer: { surname: r.surname, givenName: r.given_name, patronymic: r.patronymic },
    reviewerEmail: r.email,
    scores: r.scores.map((s) => num(s)),
    total: num(r.total),
    status: r.status,
    assignmentStatus: r.assignment_status,
    submittedAt: r.submitted_at,
  };
}

/** Every award row of the call, revoked ones included, in the order they were made. */
const AWARDS_SQL = `
  SELECT aw.application_id, aw.district_code, aw.amount::text AS amount, aw.status::text AS status, aw.awarded_at,
         aw.revoked_at, aw.revoke_reason, u.surname, u.given_name, u.patronymic
  FROM awards aw
  JOIN applications a ON a.id = aw.application_id
  JOIN users u ON u.id = a.applicant_id
  WHERE aw.call_id = $1
  ORDER BY aw.awarded_at, aw.id`;

type RawAward = {
  application_id: string;
  district_code: string;
  amount: string;
  status: string;
  awarded_at: Date;
  revoked_at: Date | null;
  revoke_reason: string | null;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
};

export function awardRecord(r: RawAward): AwardRecord {
  return {
    reference: applicationReference(r.application_id),
    districtCode: r.district_code,
    amount: Number(r.amount),
    awardedAt: r.awarded_at,
    status: r.status,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
  };
}

export type ExportUse = { format: ExportFormat; language: "kk" | "ru" | "en" };

export type OpenedExport<K extends ExportKind> = {
  call: ExportCall;
  /** The rows the cursor will yield (counted in its snapshot). */
  total: number;
  /** Records over the cursor: read them to the end, or close them (`return()`), to release the client. */
  records: CursorRows<ExportRecord<K>>;
};

/**
 * Open one export of a call (admin only, thrown otherwise; null for an unknown call): a cursor over its
 * rows in a read-only snapshot, the rows counted in the same snapshot, and the audit row written (its own
 * short transaction, committed before any row is sent). The caller must read `records` to the end or
 * close them; they close themselves after a long idle time as a last resort.
 */
export async function openCallExport<K extends ExportKind>(
  actor: Actor,
  callId: string,
  kind: K,
  use: ExportUse,
  options: Omit<CursorOptions, "pool"> & { pool?: Pool } = {},
): Promise<OpenedExport<K> | null> {
  requirePermission(actor, "export.download");
  // The applications file holds the applicants' IIN, phone and e-mail.
  if (kind === "applications") requirePermission(actor, "personal_data.read");
  const call = await exportCall(callId);
  if (!call) return null;
  const opts = { ...options, countRows: true };
  let records: CursorRows<unknown>;
  switch (kind) {
    case "applications":
      records = await openCursor(APPLICATIONS_SQL, [callId], applicationRecord, opts);
      break;
    case "reviews":
      records = await openCursor(REVIEWS_SQL, [callId, call.criteria.map((c) => c.id)], reviewRecord, opts);
      break;
    case "awards":
      records = await openCursor(AWARDS_SQL, [callId], awardRecord, opts);
      break;
    default:
      throw new Error(`unknown export ${String(kind)}`);
  }
  const total = records.count ?? 0;
  try {
    await writeAudit(getDb(), {
      actor,
      action: `export.${kind}`,
      entityType: "call",
      entityId: callId,
      changes: { format: use.format, language: use.language, rows: total },
    });
  } catch (error) {
    await records.return?.();
    throw error;
  }
  return { call, total, records: records as CursorRows<ExportRecord<K>> };
}
