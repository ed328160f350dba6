import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, programmes, type Localised } from "@/db/schema";
import { now } from "@/lib/clock";
import { callPhase, type CallPhase } from "@/lib/domain/call-phase";
import type { Actor } from "./applications";
import { requireAdmin, UUID_RE } from "./guard";

/** One call as the admin sees it in lists and on its hub. No personal data. */
export type AdminCallRow = {
  id: string;
  programmeCode: string;
  programmeName: Localised;
  title: Localised;
  year: number;
  opensAt: Date;
  closesAt: Date;
  reviewDeadline: Date;
  budgetCap: number;
  awardedTotal: number;
  awardAmount: number;
  reviewersPerApplication: number;
  phase: CallPhase;
  /** Applications ever submitted and not withdrawn (every status past draft except withdrawn). */
  submittedCount: number;
  /** Status `submitted`: waiting for screening. */
  awaitingScreening: number;
  /** Refused at screening. */
  ineligibleCount: number;
  /** Passed screening, reviews not all in. */
  inReviewCount: number;
  /** Drafts (started, not submitted). */
  draftCount: number;
};

function selection() {
  const count = (cond: ReturnType<typeof sql>) => sql<number>`count(${applications.id}) filter (where ${cond})::int`;
  return {
    id: calls.id,
    programmeCode: programmes.code,
    programmeNameKk: programmes.nameKk,
    programmeNameRu: programmes.nameRu,
    programmeNameEn: programmes.nameEn,
    titleKk: calls.titleKk,
    titleRu: calls.titleRu,
    titleEn: calls.titleEn,
    year: calls.year,
    opensAt: calls.opensAt,
    closesAt: calls.closesAt,
    reviewDeadline: calls.reviewDeadline,
    budgetCap: calls.budgetCap,
    awardedTotal: calls.awardedTotal,
    awardAmount: calls.awardAmount,
    reviewersPerApplication: calls.reviewersPerApplication,
    archivedAt: calls.archivedAt,
    resultsPublishedAt: calls.resultsPublishedAt,
    submittedCount: count(sql`${applications.status} not in ('draft', 'withdrawn')`),
    awaitingScreening: count(sql`${applications.status} = 'submitted'`),
    ineligibleCount: count(sql`${applications.status} = 'ineligible'`),
    inReviewCount: count(sql`${applications.status} = 'in_review'`),
    draftCount: count(sql`${applications.status} = 'draft'`),
  };
}

type Raw = Awaited<ReturnType<typeof baseQuery>>[number];

function baseQuery() {
  return getDb()
    .select(selection())
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .leftJoin(applications, eq(applications.callId, calls.id))
    .groupBy(calls.id, programmes.id);
}

function toRow(r: Raw, at: Date): AdminCallRow {
  return {
    id: r.id,
    programmeCode: r.programmeCode,
    programmeName: { kk: r.programmeNameKk, ru: r.programmeNameRu, en: r.programmeNameEn },
    title: { kk: r.titleKk, ru: r.titleRu, en: r.titleEn },
    year: r.year,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    reviewDeadline: r.reviewDeadline,
    budgetCap: r.budgetCap,
    awardedTotal: r.awardedTotal,
    awardAmount: r.awardAmount,
    reviewersPerApplication: r.reviewersPerApplication,
    phase: callPhase(r, at),
    submittedCount: r.submittedCount,
    awaitingScreening: r.awaitingScreening,
    ineligibleCount: r.ineligibleCount,
    inReviewCount: r.inReviewCount,
    draftCount: r.draftCount,
  };
}

/** Every call of every programme (archived included), latest deadline first. Admin only (thrown otherwise). */
export async function listAdminCalls(actor: Actor): Promise<AdminCallRow[]> {
  requireAdmin(actor);
  const at = now();
  const rows = await baseQuery().orderBy(desc(calls.closesAt), asc(programmes.code), asc(calls.id));
  return rows.map((r) => toRow(r, at));
}

/** One call with its figures, or null for an unknown id. Admin only (thrown otherwise). */
export async function getAdminCall(actor: Actor, callId: string): Promise<AdminCallRow | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const [r] = await baseQuery().where(eq(calls.id, callId));
  return r ? toRow(r, now()) : null;
}

/**
 * Whether a call exists (archived included): the cheap check a page's layout makes so that an unknown id
 * answers 404 before the page streams behind its loading skeleton. Admin only (thrown otherwise).
 */
export async function adminCallExists(actor: Actor, callId: string): Promise<boolean> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return false;
  const [r] = await getDb().select({ id: calls.id }).from(calls).where(eq(calls.id, callId));
  return r !== undefined;
}
