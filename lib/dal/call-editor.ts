import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { applications, awards, callDistricts, calls, mrpRates, programmes, reviewAssignments, type Localised } from "@/db/schema";
import { now } from "@/lib/clock";
import {
  addOneYear,
  almatyLocalToUtc,
  callEditRefusals,
  computeAwardAmount,
  newCallRefusals,
  nextYearTitle,
  utcToAlmatyLocal,
  type CallEditRefusal,
  type CallValues,
  type DistrictLimit,
} from "@/lib/domain/call-edit";
import { DISTRICT_CODES } from "@/lib/domain/districts";
import { diffValues } from "@/lib/domain/programme-edit";
import type { CreateCallData, UpdateCallData } from "@/lib/validation/editor";
import type { Actor } from "./applications";
import { writeAudit } from "./audit";
import { requireAdmin, UUID_RE } from "./guard";

/*
 * Creating, editing and cloning calls (issue 7). The rules of what may change once something happened are
 * pure (lib/domain/call-edit.ts); the facts they need are read here inside the edit's transaction with the
 * call and its district rows locked (FOR UPDATE, the awards' lock order: call, then districts), so an award
 * cannot slip in between the check and the write. Optimistic concurrency: the form carries the call's
 * `updated_at` as its version; a different one is a conflict, never a silent overwrite.
 */

export type ProgrammeAwardOption = {
  id: string;
  code: string;
  name: Localised;
  awardKind: "fixed" | "mrp";
  awardAmount: number | null;
  awardMrpMultiple: number | null;
  active: boolean;
};

/** What the call form needs to compute the award amount live: the programmes' award terms and the MRP table. */
export async function callFormOptions(actor: Actor): Promise<{ programmes: ProgrammeAwardOption[]; mrp: Record<number, number> }> {
  requireAdmin(actor);
  const db = getDb();
  const [ps, rates] = await Promise.all([
    db
      .select({
        id: programmes.id,
        code: programmes.code,
        nameKk: programmes.nameKk,
        nameRu: programmes.nameRu,
        nameEn: programmes.nameEn,
        awardKind: programmes.awardKind,
        awardAmount: programmes.awardAmount,
        awardMrpMultiple: programmes.awardMrpMultiple,
        active: programmes.active,
      })
      .from(programmes)
      .orderBy(asc(programmes.code)),
    db.select().from(mrpRates),
  ]);
  return {
    programmes: ps.map((p) => ({
      id: p.id,
      code: p.code,
      name: { kk: p.nameKk, ru: p.nameRu, en: p.nameEn },
      awardKind: p.awardKind,
      awardAmount: p.awardAmount,
      awardMrpMultiple: p.awardMrpMultiple,
      active: p.active,
    })),
    mrp: Object.fromEntries(rates.map((r) => [r.year, r.amount])),
  };
}

/** The call form's values: dates as Asia/Almaty `datetime-local` strings, numbers as typed strings. */
export type CallFormValues = {
  programmeId: string;
  year: string;
  title: Localised;
  opensAt: string;
  closesAt: string;
  reviewDeadline: string;
  budgetCap: string;
  minScore: string;
  reviewersPerApplication: string;
  districts: { code: (typeof DISTRICT_CODES)[number]; ceiling: string; reservedMinimum: string }[];
};

export type CallForEdit = {
  id: string;
  version: string;
  programmeName: Localised;
  awardAmount: number;
  values: CallFormValues;
  /** What already happened, for the form's hints (the data layer checks again on save). */
  facts: { hasAwards: boolean; awardedTotal: number; openDrafts: number; assignmentsStarted: boolean };
};

type CallRow = typeof calls.$inferSelect;

function formValues(c: CallRow, districts: DistrictLimit[]): CallFormValues {
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const n = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    programmeId: c.programmeId,
    year: String(c.year),
    title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn },
    opensAt: utcToAlmatyLocal(c.opensAt),
    closesAt: utcToAlmatyLocal(c.closesAt),
    reviewDeadline: utcToAlmatyLocal(c.reviewDeadline),
    budgetCap: String(c.budgetCap),
    minScore: String(c.minScore),
    reviewersPerApplication: String(c.reviewersPerApplication),
    districts: DISTRICT_CODES.map((code) => ({ code, ceiling: n(byCode.get(code)?.ceiling), reservedMinimum: n(byCode.get(code)?.reservedMinimum) })),
  };
}

async function districtRows(db: ReturnType<typeof getDb> | Tx, callId: string, lock: boolean) {
  const q = db
    .select({ code: callDistricts.districtCode, ceiling: callDistricts.ceiling, reservedMinimum: callDistricts.reservedMinimum, awardedCount: callDistricts.awardedCount })
    .from(callDistricts)
    .where(eq(callDistricts.callId, callId))
    .orderBy(asc(callDistricts.districtCode));
  return lock ? q.for("update") : q;
}

async function readFacts(db: ReturnType<typeof getDb> | Tx, callId: string): Promise<{ hasAwards: boolean; openDrafts: number; assignmentsStarted: boolean }> {
  const r = await db.execute<{ has_awards: boolean; open_drafts: number; assignments_started: boolean }>(sql`
    select exists (select 1 from ${awards} where ${awards.callId} = ${callId}) as has_awards,
           (select count(*)::int from ${applications} where ${applications.callId} = ${callId} and ${applications.status} = 'draft') as open_drafts,
           exists (select 1 from ${reviewAssignments} where ${reviewAssignments.callId} = ${callId}) as assignments_started`);
  const row = r.rows[0];
  return { hasAwards: row.has_awards, openDrafts: row.open_drafts, assignmentsStarted: row.assignments_started };
}

/** One call with its form values and version, or null. Admin only (thrown otherwise). */
export async function getCallForEdit(actor: Actor, callId: string): Promise<CallForEdit | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const db = getDb();
  const [row] = await db
    .select({ call: calls, nameKk: programmes.nameKk, nameRu: programmes.nameRu, nameEn: programmes.nameEn })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  if (!row) return null;
  const [districts, facts] = await Promise.all([districtRows(db, callId, false), readFacts(db, callId)]);
  return {
    id: row.call.id,
    version: row.call.updatedAt.toISOString(),
    programmeName: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
    awardAmount: row.call.awardAmount,
    values: formValues(row.call, districts),
    facts: { hasAwards: facts.hasAwards, awardedTotal: row.call.awardedTotal, openDrafts: facts.openDrafts, assignmentsStarted: facts.assignmentsStarted },
  };
}

/**
 * "Clone last year's call": the new-call form's values from an existing call, moved one year on (dates
 * +1 year in Asia/Almaty, year +1, the year in the titles); nothing is saved. The award amount is
 * computed again from the programme and the new year when the form is saved.
 */
export async function cloneCallValues(actor: Actor, callId: string): Promise<CallFormValues | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const db = getDb();
  const [c] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!c) return null;
  const districts = await districtRows(db, callId, false);
  const moved: CallRow = {
    ...c,
    year: c.year + 1,
    titleKk: nextYearTitle(c.titleKk, c.year),
    titleRu: nextYearTitle(c.titleRu, c.year),
    titleEn: nextYearTitle(c.titleEn, c.year),
    opensAt: addOneYear(c.opensAt),
    closesAt: addOneYear(c.closesAt),
    reviewDeadline: addOneYear(c.reviewDeadline),
  };
  return formValues(moved, districts);
}

export type CallSaveRefusal = CallEditRefusal | { code: "mrp_missing"; year: number } | { code: "award_not_configured" };

export type CreateCallResult = { ok: true; id: string } | { ok: false; code: "not_found" } | { ok: false; code: "refused"; refusals: CallSaveRefusal[] };
export type UpdateCallResult =
  | { ok: true; version: string }
  | { ok: false; code: "not_found" | "conflict" }
  | { ok: false; code: "refused"; refusals: CallSaveRefusal[] };

/**
 * The submitted values as stored values. A date the form left as it was (same minute in Almaty time) keeps
 * its stored instant: the form's minute precision must not count as a change.
 */
function valuesFrom(data: CreateCallData | UpdateCallData, awardAmount: number, before?: CallValues): CallValues {
  const date = (value: string, old: Date | undefined) => (old && utcToAlmatyLocal(old) === value ? old : almatyLocalToUtc(value)!);
  return {
    year: data.year,
    opensAt: date(data.opensAt, before?.opensAt),
    closesAt: date(data.closesAt, before?.closesAt),
    reviewDeadline: date(data.reviewDeadline, before?.reviewDeadline),
    budgetCap: data.budgetCap,
    awardAmount,
    minScore: data.minScore,
    reviewersPerApplication: data.reviewersPerApplication,
    districts: DISTRICT_CODES.map((code) => {
      const d = data.districts.find((x) => x.code === code);
      return { code, ceiling: d?.ceiling ?? null, reservedMinimum: d?.reservedMinimum ?? null };
    }),
  };
}

/** Audit values: districts as `{ code: [ceiling, reservedMinimum] }` so a diff names only what changed. */
function auditShape(v: CallValues & { title: Localised }): Record<string, unknown> {
  const { districts, title, ...rest } = v;
  return {
    ...rest,
    titleKk: title.kk,
    titleRu: title.ru,
    titleEn: title.en,
    districts: Object.fromEntries(districts.map((d) => [d.code, [d.ceiling, d.reservedMinimum]])),
  };
}

class Refused extends Error {
  constructor(readonly result: Exclude<UpdateCallResult, { ok: true }>) {
    super(result.code);
  }
}

/** A new call of a programme; the award amount is the programme's for the year (refused if that year's MRP is missing). */
export async function createCall(actor: Actor, data: CreateCallData): Promise<CreateCallResult> {
  requireAdmin(actor);
  return getDb().transaction(async (tx) => {
    const [p] = await tx.select().from(programmes).where(eq(programmes.id, data.programmeId));
    if (!p) return { ok: false, code: "not_found" } as const;
    const [rate] = await tx.select().from(mrpRates).where(eq(mrpRates.year, data.year));
    const award = computeAwardAmount(p, data.year, rate ? { [rate.year]: rate.amount } : {});
    if (!award.ok) {
      return { ok: false, code: "refused", refusals: [award.code === "mrp_missing" ? { code: "mrp_missing", year: data.year } : { code: "award_not_configured" }] } as const;
    }
    const values = valuesFrom(data, award.amount);
    const refusals = newCallRefusals(values);
    if (refusals.length > 0) return { ok: false, code: "refused", refusals } as const;
    const at = now();
    const [row] = await tx
      .insert(calls)
      .values({
        programmeId: p.id,
        year: values.year,
        titleKk: data.title.kk,
        titleRu: data.title.ru,
        titleEn: data.title.en,
        opensAt: values.opensAt,
        closesAt: values.closesAt,
        reviewDeadline: values.reviewDeadline,
        budgetCap: values.budgetCap,
        awardAmount: values.awardAmount,
        minScore: values.minScore,
        reviewersPerApplication: values.reviewersPerApplication,
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: calls.id });
    await tx.insert(callDistricts).values(values.districts.map((d) => ({ callId: row.id, districtCode: d.code, ceiling: d.ceiling, reservedMinimum: d.reservedMinimum })));
    const after = auditShape({ ...values, title: data.title });
    await writeAudit(tx, {
      actor,
      action: "call.create",
      entityType: "call",
      entityId: row.id,
      changes: { programmeId: { from: null, to: p.id }, ...Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { from: null, to: v instanceof Date ? v.toISOString() : v }])) },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** Save an edit of a call: version checked, every rule of lib/domain/call-edit checked on locked rows, audited. */
export async function updateCall(actor: Actor, data: UpdateCallData): Promise<UpdateCallResult> {
  requireAdmin(actor);
  try {
    return await getDb().transaction(async (tx) => {
      const [c] = await tx.select().from(calls).where(eq(calls.id, data.callId)).for("update");
      if (!c) throw new Refused({ ok: false, code: "not_found" });
      if (c.updatedAt.toISOString() !== data.version) throw new Refused({ ok: false, code: "conflict" });
      const districts = await districtRows(tx, c.id, true);
      const facts = await readFacts(tx, c.id);
      const before: CallValues = {
        year: c.year,
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        reviewDeadline: c.reviewDeadline,
        budgetCap: c.budgetCap,
        awardAmount: c.awardAmount,
        minScore: c.minScore,
        reviewersPerApplication: c.reviewersPerApplication,
        districts: DISTRICT_CODES.map((code) => {
          const d = districts.find((x) => x.code === code);
          return { code, ceiling: d?.ceiling ?? null, reservedMinimum: d?.reservedMinimum ?? null };
        }),
      };
      const after = valuesFrom(data, data.awardAmount, before);
      const refusals = callEditRefusals(before, after, {
        hasAwards: facts.hasAwards,
        awardedTotal: c.awardedTotal,
        districtAwarded: Object.fromEntries(districts.map((d) => [d.code, d.awardedCount])),
        openDrafts: facts.openDrafts,
        assignmentsStarted: facts.assignmentsStarted,
        now: now(),
      });
      if (refusals.length > 0) throw new Refused({ ok: false, code: "refused", refusals });

      const changes = diffValues(auditShape({ ...before, title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn } }), auditShape({ ...after, title: data.title }));
      // A new version even within the same millisecond as the last one.
      const updatedAt = new Date(Math.max(now().getTime(), c.updatedAt.getTime() + 1));
      await tx
        .update(calls)
        .set({
          year: after.year,
          titleKk: data.title.kk,
          titleRu: data.title.ru,
          titleEn: data.title.en,
          opensAt: after.opensAt,
          closesAt: after.closesAt,
          reviewDeadline: after.reviewDeadline,
          budgetCap: after.budgetCap,
          awardAmount: after.awardAmount,
          minScore: after.minScore,
          reviewersPerApplication: after.reviewersPerApplication,
          updatedAt,
        })
        .where(eq(calls.id, c.id));
      for (const d of after.districts) {
        await tx
          .insert(callDistricts)
          .values({ callId: c.id, districtCode: d.code, ceiling: d.ceiling, reservedMinimum: d.reservedMinimum })
          .onConflictDoUpdate({ target: [callDistricts.callId, callDistricts.districtCode], set: { ceiling: d.ceiling, reservedMinimum: d.reservedMinimum } });
      }
      await writeAudit(tx, { actor, action: "call.update", entityType: "call", entityId: c.id, changes });
      return { ok: true, version: updatedAt.toISOString() } as const;
    });
  } catch (err) {
    if (err instanceof Refused) return err.result;
    throw err;
  }
}
