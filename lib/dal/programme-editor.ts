import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { applications, calls, programmes, reviews, rubricCriteria, type Direction, type FormField, type FormSection, type Localised, type TieBreakKey } from "@/db/schema";
import { now } from "@/lib/clock";
import { diffValues, programmeEditRefusals, type ProgrammeEditRefusal } from "@/lib/domain/programme-edit";
import type { ProgrammeData, ProgrammeInput, UpdateProgrammeData } from "@/lib/validation/editor";
import type { Actor } from "./applications";
import { writeAudit } from "./audit";
import { requireAdmin, UUID_RE } from "./guard";

/*
 * Creating and editing programmes with their rubric, form sections and directions (issue 7). What may
 * change once applications or reviews exist is decided by lib/domain/programme-edit.ts, on facts read with
 * the programme row locked (FOR UPDATE). The form carries the programme's `updated_at` as its version.
 */

export type ProgrammeListRow = {
  id: string;
  code: string;
  name: Localised;
  awardKind: "fixed" | "mrp";
  awardAmount: number | null;
  awardMrpMultiple: number | null;
  active: boolean;
  callCount: number;
  criteriaCount: number;
};

/** Every programme with its award terms and counts. Admin only (thrown otherwise). */
export async function listProgrammes(actor: Actor): Promise<ProgrammeListRow[]> {
  requireAdmin(actor);
  const rows = await getDb()
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
      callCount: sql<number>`(select count(*)::int from calls c where c.programme_id = "programmes"."id")`,
      criteriaCount: sql<number>`(select count(*)::int from rubric_criteria r where r.programme_id = "programmes"."id")`,
    })
    .from(programmes)
    .orderBy(asc(programmes.code));
  return rows.map(({ nameKk, nameRu, nameEn, ...r }) => ({ ...r, name: { kk: nameKk, ru: nameRu, en: nameEn } }));
}

/** The programme form's values (numbers as typed strings), the shape of the zod schema's input. */
export type ProgrammeFormValues = Omit<ProgrammeInput, "code">;

export type ProgrammeForEdit = {
  id: string;
  code: string;
  version: string;
  values: ProgrammeFormValues;
  facts: { applicationsExist: boolean; reviewsExist: boolean };
};

type CriterionRow = typeof rubricCriteria.$inferSelect;
type ProgrammeRow = typeof programmes.$inferSelect;

const s = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const emptyLocalised = { kk: "", ru: "", en: "" };

function toFormValues(p: ProgrammeRow, criteria: CriterionRow[]): ProgrammeFormValues {
  return {
    name: { kk: p.nameKk, ru: p.nameRu, en: p.nameEn },
    description: { kk: p.descriptionKk, ru: p.descriptionRu, en: p.descriptionEn },
    eligibility: {
      minAge: String(p.eligibility.minAge),
      maxAge: String(p.eligibility.maxAge),
      guardianConsentBelow: s(p.eligibility.guardianConsentBelow),
      excludePastWinners: p.eligibility.excludePastWinners,
      individualsOnly: Boolean(p.eligibility.individualsOnly),
      requiresTrainingCertificate: Boolean(p.eligibility.requiresTrainingCertificate),
    },
    awardKind: p.awardKind,
    awardAmount: s(p.awardAmount),
    awardMrpMultiple: s(p.awardMrpMultiple),
    directions: p.directions.map((d) => ({ code: d.code, name: { ...d.name } })),
    tieBreak: [...p.tieBreak],
    scoreOutOf: String(p.scoreOutOf),
    active: p.active,
    criteria: criteria.map((c) => ({
      code: c.code,
      name: { kk: c.nameKk, ru: c.nameRu, en: c.nameEn },
      description: { kk: c.descriptionKk, ru: c.descriptionRu, en: c.descriptionEn },
      scaleMin: String(c.scaleMin),
      scaleMax: String(c.scaleMax),
      weight: String(c.weight),
    })),
    formSections: p.formSections.map((sec) => ({
      key: sec.key,
      title: { ...sec.title },
      fields: sec.fields.map((f) => ({
        key: f.key,
        type: f.type,
        label: { ...f.label },
        hint: f.hint ? { ...f.hint } : { ...emptyLocalised },
        required: f.required,
        maxLength: s(f.maxLength),
        min: f.min ?? null,
        max: f.max ?? null,
        optionsFrom: f.optionsFrom ?? null,
      })),
    })),
  };
}

async function criteriaOf(db: ReturnType<typeof getDb> | Tx, programmeId: string): Promise<CriterionRow[]> {
  return db.select().from(rubricCriteria).where(eq(rubricCriteria.programmeId, programmeId)).orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code));
}

async function readFacts(db: ReturnType<typeof getDb> | Tx, programmeId: string): Promise<{ applicationsExist: boolean; reviewsExist: boolean }> {
  const r = await db.execute<{ applications_exist: boolean; reviews_exist: boolean }>(sql`
    select exists (select 1 from ${applications} join ${calls} on ${calls.id} = ${applications.callId} where ${calls.programmeId} = ${programmeId}) as applications_exist,
           exists (select 1 from ${reviews} join ${applications} on ${applications.id} = ${reviews.applicationId}
                   join ${calls} on ${calls.id} = ${applications.callId} where ${calls.programmeId} = ${programmeId}) as reviews_exist`);
  return { applicationsExist: r.rows[0].applications_exist, reviewsExist: r.rows[0].reviews_exist };
}

/** A programme with its form values, version and facts, or null. Admin only (thrown otherwise). */
export async function getProgrammeForEdit(actor: Actor, programmeId: string): Promise<ProgrammeForEdit | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(programmeId)) return null;
  const db = getDb();
  const [p] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  if (!p) return null;
  const [criteria, facts] = await Promise.all([criteriaOf(db, p.id), readFacts(db, p.id)]);
  return { id: p.id, code: p.code, version: p.updatedAt.toISOString(), values: toFormValues(p, criteria), facts };
}

/** An empty programme form (the new-programme page). */
export function blankProgrammeValues(): ProgrammeFormValues {
  return {
    name: { ...emptyLocalised },
    description: { ...emptyLocalised },
    eligibility: { minAge: "18", maxAge: "35", guardianConsentBelow: "", excludePastWinners: false, individualsOnly: true, requiresTrainingCertificate: false },
    awardKind: "fixed",
    awardAmount: "",
    awardMrpMultiple: "",
    directions: [],
    tieBreak: ["normalised_score", "submitted_at"],
    scoreOutOf: "100",
    active: true,
    criteria: [{ code: "", name: { ...emptyLocalised }, description: { ...emptyLocalised }, scaleMin: "0", scaleMax: "10", weight: "1" }],
    formSections: [
      {
        key: "project",
        title: { kk: "Жоба", ru: "Проект", en: "Project" },
        fields: [
          {
            key: "summary",
            type: "textarea",
            label: { kk: "Жобаның қысқаша сипаттамасы", ru: "Краткое описание проекта", en: "Project summary" },
            hint: { ...emptyLocalised },
            required: true,
            maxLength: "3000",
            min: null,
            max: null,
            optionsFrom: null,
          },
        ],
      },
    ],
  };
}

type Stored = {
  nameKk: string;
  nameRu: string;
  nameEn: string;
  descriptionKk: string;
  descriptionRu: string;
  descriptionEn: string;
  eligibility: ProgrammeRow["eligibility"];
  formSections: FormSection[];
  awardKind: "fixed" | "mrp";
  awardAmount: number | null;
  awardMrpMultiple: number | null;
  directions: Direction[];
  tieBreak: TieBreakKey[];
  scoreOutOf: number;
  active: boolean;
};

function toStored(d: ProgrammeData | UpdateProgrammeData): Stored {
  const hasText = (l: Localised) => Boolean(l.kk || l.ru || l.en);
  return {
    nameKk: d.name.kk,
    nameRu: d.name.ru,
    nameEn: d.name.en,
    descriptionKk: d.description.kk,
    descriptionRu: d.description.ru,
    descriptionEn: d.description.en,
    eligibility: {
      minAge: d.eligibility.minAge,
      maxAge: d.eligibility.maxAge,
      ...(d.eligibility.guardianConsentBelow !== null ? { guardianConsentBelow: d.eligibility.guardianConsentBelow } : {}),
      excludePastWinners: d.eligibility.excludePastWinners,
      individualsOnly: d.eligibility.individualsOnly,
      requiresTrainingCertificate: d.eligibility.requiresTrainingCertificate,
    },
    formSections: d.formSections.map((sec) => ({
      key: sec.key,
      title: sec.title,
      fields: sec.fields.map((f): FormField => ({
        key: f.key,
        type: f.type,
        label: f.label,
        ...(hasText(f.hint) ? { hint: f.hint } : {}),
        required: f.required,
        ...(f.maxLength !== null ? { maxLength: f.maxLength } : {}),
        ...(f.min !== null && f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== null && f.max !== undefined ? { max: f.max } : {}),
        ...(f.optionsFrom ? { optionsFrom: f.optionsFrom } : {}),
      })),
    })),
    awardKind: d.awardKind,
    // The other kind's value is dropped: one source of the amount.
    awardAmount: d.awardKind === "fixed" ? d.awardAmount : null,
    awardMrpMultiple: d.awardKind === "mrp" ? d.awardMrpMultiple : null,
    directions: d.directions.map((x) => ({ code: x.code, name: x.name })),
    tieBreak: d.tieBreak,
    scoreOutOf: d.scoreOutOf,
    active: d.active,
  };
}

type CriterionValues = { code: string; nameKk: string; nameRu: string; nameEn: string; descriptionKk: string; descriptionRu: string; descriptionEn: string; scaleMin: number; scaleMax: number; weight: number; sortOrder: number };

function criteriaValues(d: ProgrammeData | UpdateProgrammeData): CriterionValues[] {
  return d.criteria.map((c, i) => ({
    code: c.code,
    nameKk: c.name.kk,
    nameRu: c.name.ru,
    nameEn: c.name.en,
    descriptionKk: c.description.kk,
    descriptionRu: c.description.ru,
    descriptionEn: c.description.en,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    weight: c.weight,
    sortOrder: i,
  }));
}

const criteriaAudit = (rows: readonly Omit<CriterionValues, "sortOrder">[]) =>
  rows.map((c) => ({ code: c.code, name: [c.nameKk, c.nameRu, c.nameEn], scale: [c.scaleMin, c.scaleMax], weight: Number(c.weight) }));

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}

export type CreateProgrammeResult = { ok: true; id: string } | { ok: false; code: "code_taken" };
export type UpdateProgrammeResult =
  | { ok: true; version: string }
  | { ok: false; code: "not_found" | "conflict" }
  | { ok: false; code: "refused"; refusals: ProgrammeEditRefusal[] };

/** A new programme with its rubric; refused if the code is taken. */
export async function createProgramme(actor: Actor, data: ProgrammeData): Promise<CreateProgrammeResult> {
  requireAdmin(actor);
  try {
    return await getDb().transaction(async (tx) => {
      const stored = toStored(data);
      const at = now();
      const [row] = await tx.insert(programmes).values({ code: data.code, ...stored, createdAt: at, updatedAt: at }).returning({ id: programmes.id });
      const criteria = criteriaValues(data);
      await tx.insert(rubricCriteria).values(criteria.map((c) => ({ ...c, programmeId: row.id })));
      const changes = diffValues({}, { code: data.code, ...stored, criteria: criteriaAudit(criteria) });
      await writeAudit(tx, { actor, action: "programme.create", entityType: "programme", entityId: row.id, changes });
      return { ok: true, id: row.id } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, code: "code_taken" };
    throw err;
  }
}

class Refused extends Error {
  constructor(readonly result: Exclude<UpdateProgrammeResult, { ok: true }>) {
    super(result.code);
  }
}

/** Save an edit of a programme and its rubric: version checked, structural changes refused where they would break history, audited. */
export async function updateProgramme(actor: Actor, data: UpdateProgrammeData): Promise<UpdateProgrammeResult> {
  requireAdmin(actor);
  try {
    return await getDb().transaction(async (tx) => {
      const [p] = await tx.select().from(programmes).where(eq(programmes.id, data.programmeId)).for("update");
      if (!p) throw new Refused({ ok: false, code: "not_found" });
      if (p.updatedAt.toISOString() !== data.version) throw new Refused({ ok: false, code: "conflict" });
      const oldCriteria = await tx.select().from(rubricCriteria).where(eq(rubricCriteria.programmeId, p.id)).orderBy(asc(rubricCriteria.sortOrder)).for("update");
      const facts = await readFacts(tx, p.id);
      const stored = toStored(data);
      const criteria = criteriaValues(data);
      const refusals = programmeEditRefusals(
        { criteria: oldCriteria.map((c) => ({ ...c, weight: Number(c.weight) })), formSections: p.formSections, directions: p.directions },
        { criteria, formSections: stored.formSections, directions: stored.directions },
        facts,
      );
      if (refusals.length > 0) throw new Refused({ ok: false, code: "refused", refusals });

      const before: Record<string, unknown> = {
        nameKk: p.nameKk,
        nameRu: p.nameRu,
        nameEn: p.nameEn,
        descriptionKk: p.descriptionKk,
        descriptionRu: p.descriptionRu,
        descriptionEn: p.descriptionEn,
        eligibility: p.eligibility,
        formSections: p.formSections,
        awardKind: p.awardKind,
        awardAmount: p.awardAmount,
        awardMrpMultiple: p.awardMrpMultiple,
        directions: p.directions,
        tieBreak: p.tieBreak,
        scoreOutOf: p.scoreOutOf,
        active: p.active,
        criteria: criteriaAudit(oldCriteria),
      };
      const changes = diffValues(before, { ...stored, criteria: criteriaAudit(criteria) });
      const updatedAt = new Date(Math.max(now().getTime(), p.updatedAt.getTime() + 1));
      await tx.update(programmes).set({ ...stored, updatedAt }).where(eq(programmes.id, p.id));

      const keep = new Set(criteria.map((c) => c.code));
      const gone = oldCriteria.filter((c) => !keep.has(c.code)).map((c) => c.id);
      if (gone.length > 0) await tx.delete(rubricCriteria).where(inArray(rubricCriteria.id, gone));
      const existing = new Map(oldCriteria.map((c) => [c.code, c.id]));
      for (const c of criteria) {
        const id = existing.get(c.code);
        if (id) await tx.update(rubricCriteria).set(c).where(eq(rubricCriteria.id, id));
        else await tx.insert(rubricCriteria).values({ ...c, programmeId: p.id });
      }
      await writeAudit(tx, { actor, action: "programme.update", entityType: "programme", entityId: p.id, changes });
      return { ok: true, version: updatedAt.toISOString() } as const;
    });
  } catch (err) {
    if (err instanceof Refused) return err.result;
    throw err;
  }
}
