import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { applications, awards, callDistricts, calls, programmes, users, type Localised } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { allocate, type AllocationReason, type Candidate } from "@/lib/domain/allocation";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { formatMoney } from "@/lib/domain/money";
import { planTransition, type ApplicationStatus } from "@/lib/domain/workflow";
import { enqueueMail } from "@/lib/mail/store";
import { applicationReference, type Actor } from "./applications";
import { writeAudit, writeAudits, type AuditEntry } from "./audit";
import { callRanking, type RankingEntry } from "./ranking";
import { applyTransition } from "./workflow";
import { requireAdmin, UUID_RE } from "./guard";

/*
 * Awards under the budget cap (issue 6). Public money is never overspent: every award moves the call's
 * `awarded_total` and the district's count by a conditional UPDATE (… WHERE awarded_total + amount <=
 * budget_cap), and PostgreSQL's CHECK constraints refuse an overspend even to a buggy caller. Lock order,
 * everywhere: the application row, then the call row, then the district row.
 */

export type RankOrder = "normalised" | "raw";

export type BudgetDistrict = {
  code: string;
  ceiling: number | null;
  reservedMinimum: number | null;
  awardedCount: number;
  awardedTotal: number;
  /** Grants the ceiling still allows (null: no ceiling). */
  ceilingLeft: number | null;
  /** Reserved grants not yet awarded: max(0, reservedMinimum − awardedCount). */
  reservedLeft: number;
};

export type BudgetPanel = {
  call: {
    id: string;
    title: Localised;
    programmeName: Localised;
    budgetCap: number;
    awardedTotal: number;
    remaining: number;
    awardAmount: number;
    /** floor(remaining / awardAmount). */
    grantsPossible: number;
    minScore: number;
    scoreOutOf: number;
    resultsPublishedAt: Date | null;
    archivedAt: Date | null;
  };
  districts: BudgetDistrict[];
  /** Counts by application status among screened-in applications. */
  counts: { inReview: number; reviewed: number; awarded: number; waitlisted: number; notAwarded: number; revoked: number };
};

export type AwardRow = {
  awardId: string;
  applicationId: string;
  reference: string;
  title: string;
  districtCode: string;
  amount: number;
  status: "active" | "revoked";
  awardedAt: Date;
  awardedByName: string;
  revokedAt: Date | null;
  revokeReason: string | null;
};

export type WaitlistRow = { applicationId: string; reference: string; title: string; districtCode: string; rank: number; score: number | null };

export type AwardResult =
  | { ok: true; awardId: string; /** The same idempotency key was seen before: nothing new was written. */ repeated: boolean }
  | { ok: false; code: "not_found" | "not_reviewed" | "already_awarded" | "archived" }
  | { ok: false; code: "budget_exhausted"; remaining: number }
  | { ok: false; code: "district_ceiling"; districtCode: string; ceiling: number };

export type ProposalRow = {
  applicationId: string;
  reference: string;
  title: string;
  districtCode: string;
  rank: number;
  score: number | null;
  reason: AllocationReason;
};

export type Proposal = {
  callId: string;
  order: RankOrder;
  /** sha256 of the budget state, the call's rules and every candidate's score and rank. */
  fingerprint: string;
  amount: number;
  remainingBefore: number;
  remainingAfter: number;
  total: number;
  funded: ProposalRow[];
  left: ProposalRow[];
};

export type ConfirmResult = { ok: true; awarded: number } | { ok: false; code: "stale" | "not_found" | "archived" | "empty" };

export type RevokeResult =
  | { ok: true; /** The best waitlisted application the money could now fund (offered to the admin), if any. */ next: WaitlistRow | null }
  | { ok: false; code: "not_found" | "not_active" | "archived" }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> };

export type PublishResult = { ok: true; awarded: number; waitlisted: number; notAwarded: number } | { ok: false; code: "not_found" | "already_published" | "archived" | "reviews_missing" };

export type ArchiveResult = { ok: true } | { ok: false; code: "not_found" | "not_published" | "already_archived" };

/** A refusal found inside a transaction: thrown to roll back what the transaction already wrote. */
class Refusal extends Error {
  constructor(readonly result: AwardResult) {
    super(result.ok ? "ok" : result.code);
  }
}

function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.code === "23505" ? e : e.cause?.code === "23505" ? e.cause : null;
  return c ? (c.constraint ?? "") : null;
}

/** The SQLSTATE of a database error (pg's, or wrapped by Drizzle in `cause`). */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === "string" ? e.code : e.cause?.code;
  return typeof code === "string" ? code : undefined;
}

const appUrl = (path: string) => `${env().APP_URL.replace(/\/$/, "")}${path}`;
const amounts = (amount: number) => ({ kk: formatMoney(amount, "kk"), ru: formatMoney(amount, "ru"), en: formatMoney(amount, "en") });

type DecisionOutcome = "awarded" | "waitlisted" | "not_awarded" | "award_revoked";

/** The applicant's decision e-mail, in the same transaction as the decision. */
async function enqueueDecision(tx: Tx, applicationId: string, outcome: DecisionOutcome, amount: number, reason?: string): Promise<void> {
  const [a] = await tx
    .select({ userId: users.id, email: users.email, language: users.language, givenName: users.givenName, tKk: calls.titleKk, tRu: calls.titleRu, tEn: calls.titleEn })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, applicationId));
  if (!a) return;
  await enqueueMail(tx, {
    userId: a.userId,
    to: a.email,
    language: a.language,
    template: "decision",
    payload: {
      name: a.givenName,
      url: appUrl(`/my/applications/${applicationId}`),
      callTitle: { kk: a.tKk, ru: a.tRu, en: a.tEn },
      reference: applicationReference(applicationId),
      outcome,
      amount: amounts(amount),
      ...(reason ? { reason } : {}),
    },
  });
}

async function readCall(callId: string, db: DbOrTx = getDb()) {
  const [c] = await db
    .select({
      id: calls.id,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      pKk: programmes.nameKk,
      pRu: programmes.nameRu,
      pEn: programmes.nameEn,
      budgetCap: calls.budgetCap,
      awardedTotal: calls.awardedTotal,
      awardAmount: calls.awardAmount,
      minScore: calls.minScore,
      scoreOutOf: programmes.scoreOutOf,
      resultsPublishedAt: calls.resultsPublishedAt,
      archivedAt: calls.archivedAt,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  return c ?? null;
}

/** The call's budget, per district against its ceiling and reserved minimum, and the decision counts. Admin only. */
export async function budgetPanel(actor: Actor, callId: string): Promise<BudgetPanel | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const c = await readCall(callId);
  if (!c) return null;
  const [districtRows, statusRows] = await Promise.all([
    getDb().select().from(callDistricts).where(eq(callDistricts.callId, callId)).orderBy(asc(callDistricts.districtCode)),
    getDb()
      .select({ status: applications.status, n: sql<number>`count(*)::int` })
      .from(applications)
      .where(eq(applications.callId, callId))
      .groupBy(applications.status),
  ]);
  const n = (s: string) => statusRows.find((r) => r.status === s)?.n ?? 0;
  const remaining = c.budgetCap - c.awardedTotal;
  return {
    call: {
      id: c.id,
      title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn },
      programmeName: { kk: c.pKk, ru: c.pRu, en: c.pEn },
      budgetCap: c.budgetCap,
      awardedTotal: c.awardedTotal,
      remaining,
      awardAmount: c.awardAmount,
      grantsPossible: Math.floor(remaining / c.awardAmount),
      minScore: c.minScore,
      scoreOutOf: c.scoreOutOf,
      resultsPublishedAt: c.resultsPublishedAt,
      archivedAt: c.archivedAt,
    },
    districts: districtRows.map((d) => ({
      code: d.districtCode,
      ceiling: d.ceiling,
      reservedMinimum: d.reservedMinimum,
      awardedCount: d.awardedCount,
      awardedTotal: d.awardedTotal,
      ceilingLeft: d.ceiling === null ? null : Math.max(0, d.ceiling - d.awardedCount),
      reservedLeft: Math.max(0, (d.reservedMinimum ?? 0) - d.awardedCount),
    })),
    counts: { inReview: n("in_review"), reviewed: n("reviewed"), awarded: n("awarded"), waitlisted: n("waitlisted"), notAwarded: n("not_awarded"), revoked: n("award_revoked") },
  };
}

/** Every award of the call, active and revoked, oldest first. Admin only. */
export async function listAwards(actor: Actor, callId: string): Promise<AwardRow[]> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return [];
  const rows = await getDb()
    .select({
      awardId: awards.id,
      applicationId: awards.applicationId,
      title: applications.title,
      districtCode: awards.districtCode,
      amount: awards.amount,
      status: awards.status,
      awardedAt: awards.awardedAt,
      surname: users.surname,
      givenName: users.givenName,
      revokedAt: awards.revokedAt,
      revokeReason: awards.revokeReason,
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(users, eq(users.id, awards.awardedBy))
    .where(eq(awards.callId, callId))
    .orderBy(asc(awards.awardedAt), asc(awards.id));
  return rows.map((r) => ({
    awardId: r.awardId,
    applicationId: r.applicationId,
    reference: applicationReference(r.applicationId),
    title: r.title,
    districtCode: r.districtCode,
    amount: r.amount,
    status: r.status,
    awardedAt: r.awardedAt,
    awardedByName: `${r.surname} ${r.givenName}`,
    revokedAt: r.revokedAt,
    revokeReason: r.revokeReason,
  }));
}

/** The whole ranking of the call in the chosen order (every page). */
async function fullRanking(actor: Actor, callId: string, order: RankOrder, db: DbOrTx = getDb()): Promise<RankingEntry[] | null> {
  const r = await callRanking(actor, callId, { sort: order, all: true }, db);
  return r ? r.rows : null;
}

const scoreOf = (r: RankingEntry, order: RankOrder) => (order === "raw" ? r.mean : r.normalised);
const rankOf = (r: RankingEntry, order: RankOrder) => (order === "raw" ? r.rawRank : r.normalisedRank);

/** Waitlisted applications in rank order (after publication: the ones a freed grant can go to). Admin only. */
export async function waitlist(actor: Actor, callId: string, order: RankOrder): Promise<WaitlistRow[]> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return [];
  const rows = (await fullRanking(actor, callId, order)) ?? [];
  return rows
    .filter((r) => r.status === "waitlisted")
    .map((r) => ({ applicationId: r.id, reference: r.reference, title: r.title, districtCode: r.districtCode, rank: rankOf(r, order), score: scoreOf(r, order) }));
}

/**
 * Award one application: only `reviewed` (every assigned review in) or, after publication, `waitlisted`.
 * ONE transaction: the application row locked; the call's total raised by a conditional UPDATE that
 * cannot pass the cap; the district's count the same way against its ceiling; the award row; the status
 * change with its audit row; the audit row of the award; and, if the results are already published, the
 * applicant's e-mail. A refusal rolls everything back and says how much is left. The same idempotency key
 * again (a retry, a double click) answers the first award and writes nothing.
 */
export async function awardApplication(actor: Actor, applicationId: string, idempotencyKey: string): Promise<AwardResult> {
  requireAdmin(actor);
  if (!UUID_RE.test(applicationId)) return { ok: false, code: "not_found" };
  const key = idempotencyKey.slice(0, 200) || null;
  const repeated = async (): Promise<AwardResult | null> => {
    if (!key) return null;
    const [a] = await getDb().select({ id: awards.id, applicationId: awards.applicationId }).from(awards).where(eq(awards.idempotencyKey, key));
    if (!a) return null;
    return a.applicationId === applicationId ? { ok: true, awardId: a.id, repeated: true } : { ok: false, code: "not_found" };
  };
  const before = await repeated();
  if (before) return before;
  try {
    return await getDb().transaction(async (tx) => {
      const [app] = await tx
        .select({ status: applications.status, callId: applications.callId, districtCode: applications.districtCode, amount: calls.awardAmount, archivedAt: calls.archivedAt, publishedAt: calls.resultsPublishedAt })
        .from(applications)
        .innerJoin(calls, eq(calls.id, applications.callId))
        .where(eq(applications.id, applicationId))
        .for("update", { of: applications });
      if (!app) return { ok: false as const, code: "not_found" as const };
      if (app.archivedAt) return { ok: false as const, code: "archived" as const };
      if (app.status === "awarded") return { ok: false as const, code: "already_awarded" as const };
      if (app.status !== "reviewed" && app.status !== "waitlisted") return { ok: false as const, code: "not_reviewed" as const };
      return awardLocked(tx, actor, { applicationId, callId: app.callId, districtCode: app.districtCode, amount: app.amount, published: app.publishedAt !== null, key });
    });
  } catch (err) {
    if (err instanceof Refusal) return err.result;
    const constraint = uniqueViolation(err);
    if (constraint === "awards_idempotency_key_uq") return (await repeated()) ?? { ok: false, code: "already_awarded" };
    if (constraint === "awards_one_active_per_application") return { ok: false, code: "already_awarded" };
    throw err;
  }
}

/** The writes of one award, the application row already locked by the caller's transaction. */
async function awardLocked(
  tx: Tx,
  actor: Actor,
  a: { applicationId: string; callId: string; districtCode: string; amount: number; published: boolean; key: string | null },
): Promise<AwardResult> {
  const raised = await tx
    .update(calls)
    .set({ awardedTotal: sql`${calls.awardedTotal} + ${a.amount}` })
    .where(and(eq(calls.id, a.callId), sql`${calls.awardedTotal} + ${a.amount} <= ${calls.budgetCap}`))
    .returning({ awardedTotal: calls.awardedTotal });
  if (!raised.length) {
    const [c] = await tx.select({ cap: calls.budgetCap, total: calls.awardedTotal }).from(calls).where(eq(calls.id, a.callId));
    throw new Refusal({ ok: false, code: "budget_exhausted", remaining: c ? c.cap - c.total : 0 });
  }
  const counted = await tx
    .update(callDistricts)
    .set({ awardedCount: sql`${callDistricts.awardedCount} + 1`, awardedTotal: sql`${callDistricts.awardedTotal} + ${a.amount}` })
    .where(
      and(
        eq(callDistricts.callId, a.callId),
        eq(callDistricts.districtCode, a.districtCode),
        sql`(${callDistricts.ceiling} IS NULL OR ${callDistricts.awardedCount} + 1 <= ${callDistricts.ceiling})`,
      ),
    )
    .returning({ count: callDistricts.awardedCount });
  if (!counted.length) {
    const [d] = await tx.select({ ceiling: callDistricts.ceiling }).from(callDistricts).where(and(eq(callDistricts.callId, a.callId), eq(callDistricts.districtCode, a.districtCode)));
    throw new Refusal({ ok: false, code: "district_ceiling", districtCode: a.districtCode, ceiling: d?.ceiling ?? 0 });
  }
  const [award] = await tx
    .insert(awards)
    .values({ applicationId: a.applicationId, callId: a.callId, districtCode: a.districtCode, amount: a.amount, idempotencyKey: a.key, awardedBy: actor.id, awardedAt: now() })
    .returning({ id: awards.id });
  const moved = await applyTransition(tx, { applicationId: a.applicationId, transition: "award", actor });
  if (!moved.ok) throw new Error(`award: transition refused (${moved.code})`);
  await writeAudit(tx, {
    actor,
    action: "award.create",
    entityType: "award",
    entityId: award.id,
    changes: { applicationId: a.applicationId, callId: a.callId, districtCode: a.districtCode, amount: a.amount, callAwardedTotal: raised[0].awardedTotal },
  });
  if (a.published) await enqueueDecision(tx, a.applicationId, "awarded", a.amount);
  return { ok: true, awardId: award.id, repeated: false };
}

type LockedApplication = { id: string; status: string; districtCode: string };

/**
 * The awards of a confirmed proposal, set-based: the same rules as `awardLocked` for each application (the
 * call's total raised by a conditional UPDATE that cannot pass the cap, each district's count against its
 * ceiling, the award rows, the status change `award` as `applyTransition` makes it, the audit rows, the
 * e-mails after publication), in a handful of statements instead of six per award. The caller holds the
 * call row and the applications' rows. Throws a Refusal (the transaction rolls back) if any rule says no.
 */
async function awardAllLocked(tx: Tx, actor: Actor, a: { callId: string; amount: number; published: boolean; apps: readonly LockedApplication[] }): Promise<void> {
  const at = now();
  const plans = a.apps.map((app) => {
    const plan = planTransition(app.status as ApplicationStatus, "award", { now: at, closesAt: at, actorRole: actor.role });
    if (!plan.ok) throw new Refusal({ ok: false, code: "not_reviewed" });
    return { ...app, to: plan.to };
  });
  const total = a.amount * plans.length;
  const raised = await tx
    .update(calls)
    .set({ awardedTotal: sql`${calls.awardedTotal} + ${total}` })
    .where(and(eq(calls.id, a.callId), sql`${calls.awardedTotal} + ${total} <= ${calls.budgetCap}`))
    .returning({ awardedTotal: calls.awardedTotal });
  if (!raised.length) throw new Refusal({ ok: false, code: "budget_exhausted", remaining: 0 });
  const perDistrict = new Map<string, number>();
  for (const p of plans) perDistrict.set(p.districtCode, (perDistrict.get(p.districtCode) ?? 0) + 1);
  for (const [districtCode, n] of perDistrict) {
    const counted = await tx
      .update(callDistricts)
      .set({ awardedCount: sql`${callDistricts.awardedCount} + ${n}`, awardedTotal: sql`${callDistricts.awardedTotal} + ${a.amount * n}` })
      .where(
        and(
          eq(callDistricts.callId, a.callId),
          eq(callDistricts.districtCode, districtCode),
          sql`(${callDistricts.ceiling} IS NULL OR ${callDistricts.awardedCount} + ${n} <= ${callDistricts.ceiling})`,
        ),
      )
      .returning({ count: callDistricts.awardedCount });
    if (!counted.length) throw new Refusal({ ok: false, code: "district_ceiling", districtCode, ceiling: 0 });
  }
  const inserted = await tx
    .insert(awards)
    .values(plans.map((p) => ({ applicationId: p.id, callId: a.callId, districtCode: p.districtCode, amount: a.amount, idempotencyKey: null, awardedBy: actor.id, awardedAt: at })))
    .returning({ id: awards.id, applicationId: awards.applicationId });
  const awardOf = new Map(inserted.map((r) => [r.applicationId, r.id]));
  const ids = plans.map((p) => p.id);
  const moved = await tx
    .update(applications)
    .set({ status: plans[0].to, updatedAt: at, version: sql`${applications.version} + 1` })
    .where(and(inArray(applications.id, ids), inArray(applications.status, ["reviewed", "waitlisted"])))
    .returning({ id: applications.id });
  if (moved.length !== ids.length || plans.some((p) => p.to !== plans[0].to)) throw new Error("award: transition refused while the rows were locked");
  // The call's total after each award, in order, as single awards record it.
  const before = raised[0].awardedTotal - total;
  const audits: AuditEntry[] = [];
  plans.forEach((p, i) => {
    audits.push({
      actor,
      action: "application.award",
      entityType: "application",
      entityId: p.id,
      changedFields: ["status", "version"],
      changes: { status: { from: p.status, to: p.to } },
    });
    audits.push({
      actor,
      action: "award.create",
      entityType: "award",
      entityId: awardOf.get(p.id)!,
      changes: { applicationId: p.id, callId: a.callId, districtCode: p.districtCode, amount: a.amount, callAwardedTotal: before + a.amount * (i + 1) },
    });
  });
  await writeAudits(tx, audits);
  if (a.published) for (const p of plans) await enqueueDecision(tx, p.id, "awarded", a.amount);
}

type Gathered = { call: NonNullable<Awaited<ReturnType<typeof readCall>>>; proposal: Proposal };

/** The proposal and the state it was computed from (committed data; see confirmProposal for the lock). */
async function gather(actor: Actor, callId: string, order: RankOrder, db: DbOrTx = getDb()): Promise<Gathered | null> {
  const call = await readCall(callId, db);
  if (!call) return null;
  const [rows, districtRows] = await Promise.all([
    fullRanking(actor, callId, order, db),
    db.select().from(callDistricts).where(eq(callDistricts.callId, callId)).orderBy(asc(callDistricts.districtCode)),
  ]);
  if (!rows) return null;
  const open = rows.filter((r) => r.status === "reviewed" || r.status === "in_review" || r.status === "waitlisted");
  const candidates: Candidate[] = open.map((r) => ({ id: r.id, districtCode: r.districtCode, rank: rankOf(r, order), score: scoreOf(r, order), reviewed: r.status !== "in_review" }));
  const districts = Object.fromEntries(districtRows.map((d) => [d.districtCode, { ceiling: d.ceiling, reservedMinimum: d.reservedMinimum, awardedCount: d.awardedCount }]));
  const remaining = call.budgetCap - call.awardedTotal;
  const allocation = allocate({ candidates, amount: call.awardAmount, remaining, minScore: call.minScore, districts });
  const fingerprint = createHash("sha256")
    .update(
      canonicalJson({
        callId,
        order,
        budgetCap: call.budgetCap,
        awardedTotal: call.awardedTotal,
        amount: call.awardAmount,
        minScore: call.minScore,
        districts: districtRows.map((d) => [d.districtCode, d.ceiling, d.reservedMinimum, d.awardedCount]),
        candidates: open.map((r) => [r.id, r.status, rankOf(r, order), scoreOf(r, order), r.districtCode]),
      }),
    )
    .digest("hex");
  const byId = new Map(open.map((r) => [r.id, r]));
  const row = (id: string, reason: AllocationReason): ProposalRow => {
    const r = byId.get(id)!;
    return { applicationId: id, reference: r.reference, title: r.title, districtCode: r.districtCode, rank: rankOf(r, order), score: scoreOf(r, order), reason };
  };
  const reasonOf = new Map(allocation.outcomes.map((o) => [o.id, o.reason]));
  return {
    call,
    proposal: {
      callId,
      order,
      fingerprint,
      amount: call.awardAmount,
      remainingBefore: remaining,
      remainingAfter: allocation.remainingAfter,
      total: allocation.total,
      funded: allocation.funded.map((id) => row(id, reasonOf.get(id)!)),
      left: allocation.outcomes.filter((o) => !o.funded).map((o) => row(o.id, o.reason)),
    },
  };
}

/** "Fill the budget": who would be funded and why the others are not. Writes nothing. Admin only. */
export async function proposeAwards(actor: Actor, callId: string, order: RankOrder): Promise<Proposal | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  return (await gather(actor, callId, order))?.proposal ?? null;
}

/**
 * Award the whole proposal in ONE transaction, or nothing. The proposal must carry the fingerprint the
 * admin saw (`stale` otherwise: "something changed, recompute"). Inside the transaction:
 * 1. the call row is locked: every award raises the call's total, so no other award of the call can commit
 *    while this one runs;
 * 2. the proposal is computed again (once: the ranking of a large call is the costly part) and compared;
 * 3. the funded applications are locked by id WITHOUT waiting (NOWAIT). This is the one place that takes an
 *    application row after its call row, against the usual order (application, then call): a single award
 *    holding one of these rows is waiting for the call row, so waiting here would be a deadlock. Instead the
 *    confirmation answers `stale` at once and rolls back, and that award goes on;
 * 4. the awards are written set-based (`awardAllLocked`): the rules of a single award (the cap and the
 *    ceilings by conditional updates, the status change, the audit rows, the e-mails), per call and
 *    district instead of per award. A score changed by a review reopening between the ranking and the
 *    NOWAIT lock is not seen (the status is still `reviewed`); the admin sees the awards and can revoke.
 */
export async function confirmProposal(actor: Actor, callId: string, order: RankOrder, fingerprint: string): Promise<ConfirmResult> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return { ok: false, code: "not_found" };
  try {
    return await getDb().transaction(async (tx) => {
      const [locked] = await tx.select({ archivedAt: calls.archivedAt }).from(calls).where(eq(calls.id, callId)).for("update");
      if (!locked) return { ok: false as const, code: "not_found" as const };
      if (locked.archivedAt) return { ok: false as const, code: "archived" as const };
      // Nothing can award in this call while the call row is locked: the proposal now is the proposal. Read
      // on this transaction's connection: other pooled connections may all be held by requests waiting for
      // this call row, and waiting for one of them here would stall both sides until the pool's timeout.
      const g = await gather(actor, callId, order, tx);
      if (!g) return { ok: false as const, code: "not_found" as const };
      if (g.proposal.fingerprint !== fingerprint) return { ok: false as const, code: "stale" as const };
      if (!g.proposal.funded.length) return { ok: false as const, code: "empty" as const };
      const ids = g.proposal.funded.map((r) => r.applicationId);
      const apps = await tx
        .select({ id: applications.id, status: applications.status, districtCode: applications.districtCode })
        .from(applications)
        .where(inArray(applications.id, ids))
        .orderBy(asc(applications.id))
        .for("update", { noWait: true });
      const byId = new Map(apps.map((a) => [a.id, a]));
      const funded: LockedApplication[] = [];
      for (const id of ids) {
        const a = byId.get(id);
        if (!a || (a.status !== "reviewed" && a.status !== "waitlisted")) return { ok: false as const, code: "stale" as const };
        funded.push(a);
      }
      await awardAllLocked(tx, actor, { callId, amount: g.call.awardAmount, published: g.call.resultsPublishedAt !== null, apps: funded });
      await writeAudit(tx, { actor, action: "award.confirm_proposal", entityType: "call", entityId: callId, changes: { order, fingerprint, awarded: ids.length, applicationIds: ids } });
      return { ok: true as const, awarded: ids.length };
    });
  } catch (err) {
    // The proposal and the conditional updates disagreed: the state moved under it.
    if (err instanceof Refusal) return { ok: false, code: "stale" };
    // A funded application is locked by a single award right now (lock_not_available): the state is moving.
    if (sqlState(err) === "55P03") return { ok: false, code: "stale" };
    throw err;
  }
}

/**
 * Revoke an active award with a reason (the grantee declined; ineligibility found later). ONE transaction:
 * the award and its application locked, the award `revoked` with who, when and why, the money back to the
 * call's and the district's totals, the application `award_revoked`, the audit row, and the applicant's
 * e-mail when the results are published. Answers the best waitlisted application the freed grant can go
 * to, for the admin to promote.
 */
export async function revokeAward(actor: Actor, awardId: string, reason: string): Promise<RevokeResult> {
  requireAdmin(actor);
  const why = reason.trim();
  if (why.length < 10 || why.length > 2000) return { ok: false, code: "invalid", fieldErrors: { reason: why.length < 10 ? "awardReasonTooShort" : "awardReasonTooLong" } };
  if (!UUID_RE.test(awardId)) return { ok: false, code: "not_found" };
  const done = await getDb().transaction(async (tx) => {
    const [w] = await tx.select().from(awards).where(eq(awards.id, awardId));
    if (!w) return { ok: false as const, code: "not_found" as const };
    await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, w.applicationId)).for("update");
    const [locked] = await tx.select({ status: awards.status }).from(awards).where(eq(awards.id, awardId)).for("update");
    if (locked.status !== "active") return { ok: false as const, code: "not_active" as const };
    const [c] = await tx.select({ archivedAt: calls.archivedAt, publishedAt: calls.resultsPublishedAt }).from(calls).where(eq(calls.id, w.callId)).for("update");
    if (c.archivedAt) return { ok: false as const, code: "archived" as const };
    const at = now();
    await tx.update(awards).set({ status: "revoked", revokedBy: actor.id, revokedAt: at, revokeReason: why }).where(eq(awards.id, awardId));
    await tx.update(calls).set({ awardedTotal: sql`${calls.awardedTotal} - ${w.amount}` }).where(eq(calls.id, w.callId));
    await tx
      .update(callDistricts)
      .set({ awardedCount: sql`${callDistricts.awardedCount} - 1`, awardedTotal: sql`${callDistricts.awardedTotal} - ${w.amount}` })
      .where(and(eq(callDistricts.callId, w.callId), eq(callDistricts.districtCode, w.districtCode)));
    const moved = await applyTransition(tx, { applicationId: w.applicationId, transition: "revoke", actor, reason: why });
    if (!moved.ok) throw new Error(`revoke: transition refused (${moved.code})`);
    await writeAudit(tx, { actor, action: "award.revoke", entityType: "award", entityId: awardId, changes: { applicationId: w.applicationId, callId: w.callId, amount: w.amount, reason: why } });
    if (c.publishedAt) await enqueueDecision(tx, w.applicationId, "award_revoked", w.amount, why);
    return { ok: true as const, callId: w.callId };
  });
  if (!done.ok) return done;
  const next = await nextFundable(actor, done.callId);
  return { ok: true, next };
}

/** The best waitlisted application the call's money and its district's ceiling can fund now, if any. */
async function nextFundable(actor: Actor, callId: string): Promise<WaitlistRow | null> {
  const panel = await budgetPanel(actor, callId);
  if (!panel || panel.call.remaining < panel.call.awardAmount) return null;
  const full = new Set(panel.districts.filter((d) => d.ceilingLeft === 0).map((d) => d.code));
  return (await waitlist(actor, callId, "normalised")).find((w) => !full.has(w.districtCode)) ?? null;
}

/**
 * Publish the call's results: every `reviewed` application without an award becomes `waitlisted` (at or
 * above the minimum score) or `not_awarded`, `results_published_at` is set, and every applicant with a
 * decision gets the e-mail — in ONE transaction. Refused while reviews are missing (`in_review`).
 */
export async function publishResults(actor: Actor, callId: string): Promise<PublishResult> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return { ok: false, code: "not_found" };
  const rows = await fullRanking(actor, callId, "normalised");
  if (!rows) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    // The applications first, then the call: the order a single award takes them in (it locks its
    // application, then books the money on the call row). The other order deadlocked with an award made at
    // the same moment (the race test in awards.int.test.ts: 40P01 in its first round).
    const statuses = await tx.select({ id: applications.id, status: applications.status }).from(applications).where(eq(applications.callId, callId)).orderBy(asc(applications.id)).for("update");
    const [c] = await tx.select({ publishedAt: calls.resultsPublishedAt, archivedAt: calls.archivedAt, minScore: calls.minScore, amount: calls.awardAmount }).from(calls).where(eq(calls.id, callId)).for("update");
    if (!c) return { ok: false as const, code: "not_found" as const };
    if (c.archivedAt) return { ok: false as const, code: "archived" as const };
    if (c.publishedAt) return { ok: false as const, code: "already_published" as const };
    if (statuses.some((a) => a.status === "in_review")) return { ok: false as const, code: "reviews_missing" as const };
    const score = new Map(rows.map((r) => [r.id, r.normalised]));
    let waitlisted = 0;
    let notAwarded = 0;
    let awarded = 0;
    for (const a of statuses) {
      if (a.status === "awarded") {
        awarded++;
        await enqueueDecision(tx, a.id, "awarded", c.amount);
      } else if (a.status === "reviewed") {
        const s = score.get(a.id) ?? null;
        const toWaitlist = s !== null && s >= c.minScore;
        const moved = await applyTransition(tx, { applicationId: a.id, transition: toWaitlist ? "publish_waitlist" : "publish_not_awarded", actor });
        if (!moved.ok) throw new Error(`publish: transition refused (${moved.code})`);
        if (toWaitlist) waitlisted++;
        else notAwarded++;
        await enqueueDecision(tx, a.id, toWaitlist ? "waitlisted" : "not_awarded", c.amount);
      }
    }
    await tx.update(calls).set({ resultsPublishedAt: now() }).where(eq(calls.id, callId));
    await writeAudit(tx, { actor, action: "call.publish_results", entityType: "call", entityId: callId, changes: { awarded, waitlisted, notAwarded } });
    return { ok: true as const, awarded, waitlisted, notAwarded };
  });
}

/** Archive a published call: no more revocations or promotions. Admin only. */
export async function archiveCall(actor: Actor, callId: string): Promise<ArchiveResult> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    const [c] = await tx.select({ publishedAt: calls.resultsPublishedAt, archivedAt: calls.archivedAt }).from(calls).where(eq(calls.id, callId)).for("update");
    if (!c) return { ok: false as const, code: "not_found" as const };
    if (c.archivedAt) return { ok: false as const, code: "already_archived" as const };
    if (!c.publishedAt) return { ok: false as const, code: "not_published" as const };
    await tx.update(calls).set({ archivedAt: now() }).where(eq(calls.id, callId));
    await writeAudit(tx, { actor, action: "call.archive", entityType: "call", entityId: callId });
    return { ok: true as const };
  });
}
