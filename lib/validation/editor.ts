import { z } from "zod";
import { almatyLocalToUtc } from "@/lib/domain/call-edit";
import { DISTRICT_CODES } from "@/lib/domain/districts";

/**
 * The programme and call editor's forms (issue 7). One schema per form: the browser resolves with it, the
 * server action parses again. Messages are keys of the `Validation` namespace (the `editor…` keys come from
 * lib/i18n/messages/editor). Dates are `datetime-local` values read as Asia/Almaty wall time.
 */

export const TIE_BREAK_KEYS = ["normalised_score", "raw_score", "jobs_created", "submitted_at"] as const;
export const FIELD_TYPES = ["text", "textarea", "number", "integer", "select", "budget", "forecast", "monthly_plan", "money"] as const;
/** Types an admin may add to a form (the structured ones need code that knows their shape). */
export const ADDABLE_FIELD_TYPES = ["text", "textarea", "integer", "money"] as const;

const MAX_MONEY = 1_000_000_000_000;

const text = (max: number) => z.string({ error: "editorRequired" }).trim().min(1, "editorRequired").max(max, "editorTooLong");
const optionalText = (max: number) => z.string().trim().max(max, "editorTooLong").default("");

export const localisedSchema = (max: number) => z.object({ kk: text(max), ru: text(max), en: text(max) });
export const optionalLocalisedSchema = (max: number) => z.object({ kk: optionalText(max), ru: optionalText(max), en: optionalText(max) });

/** Digits as typed ("1 500 000", "12"); "" and null → undefined. */
function digits(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isNaN(v) ? undefined : v;
  if (typeof v !== "string") return v;
  const s = v.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : v;
}

const whole = (min: number, max: number, key = "editorWhole") =>
  z.preprocess(digits, z.number({ error: "editorRequired" }).int(key).min(min, key).max(max, key));
const optionalWhole = (min: number, max: number, key = "editorWhole") =>
  z.preprocess(digits, z.number({ error: key }).int(key).min(min, key).max(max, key).optional()).transform((v) => (v === undefined ? null : v));
/** Positive whole tenge. */
export const tengeSchema = z.preprocess(digits, z.number({ error: "editorRequired" }).int("editorWholeTenge").min(1, "editorWholeTenge").max(MAX_MONEY, "editorWholeTenge"));

const localDate = z
  .string({ error: "editorRequired" })
  .trim()
  .min(1, "editorRequired")
  .refine((v) => almatyLocalToUtc(v) !== null, "editorDateInvalid");

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "invalid");

export const districtLimitSchema = z
  .object({
    code: z.enum(DISTRICT_CODES),
    ceiling: optionalWhole(0, 10_000),
    reservedMinimum: optionalWhole(0, 10_000),
  })
  .superRefine((d, ctx) => {
    if (d.ceiling !== null && d.reservedMinimum !== null && d.reservedMinimum > d.ceiling) {
      ctx.addIssue({ code: "custom", message: "editorReservedAboveCeiling", path: ["reservedMinimum"] });
    }
  });

const callShape = {
  year: whole(2000, 2100, "editorYear"),
  title: localisedSchema(200),
  opensAt: localDate,
  closesAt: localDate,
  reviewDeadline: localDate,
  budgetCap: tengeSchema,
  minScore: z.preprocess(digits, z.number({ error: "editorRequired" }).min(0, "editorMinScore").max(1000, "editorMinScore")),
  reviewersPerApplication: whole(1, 15, "editorReviewers"),
  districts: z.array(districtLimitSchema).max(DISTRICT_CODES.length),
};

function datesOrdered(v: { opensAt: string; closesAt: string; reviewDeadline: string }, ctx: z.RefinementCtx) {
  const o = almatyLocalToUtc(v.opensAt);
  const c = almatyLocalToUtc(v.closesAt);
  const r = almatyLocalToUtc(v.reviewDeadline);
  if (o && c && o.getTime() >= c.getTime()) ctx.addIssue({ code: "custom", message: "editorClosesBeforeOpens", path: ["closesAt"] });
  if (c && r && c.getTime() > r.getTime()) ctx.addIssue({ code: "custom", message: "editorReviewBeforeCloses", path: ["reviewDeadline"] });
}

/** New call (also the clone form): the award amount is computed by the server from the programme and year. */
export const createCallSchema = z.object({ programmeId: uuid, ...callShape }).superRefine(datesOrdered);
export type CreateCallInput = z.input<typeof createCallSchema>;
export type CreateCallData = z.output<typeof createCallSchema>;

/** Edit of a call: its own award amount, and the version (updatedAt) the form was loaded with. */
export const updateCallSchema = z
  .object({ callId: uuid, version: z.string().min(1, "invalid"), awardAmount: tengeSchema, ...callShape })
  .superRefine(datesOrdered);
export type UpdateCallInput = z.input<typeof updateCallSchema>;
export type UpdateCallData = z.output<typeof updateCallSchema>;

/** MRP of a year. */
export const mrpSchema = z.object({ year: whole(2000, 2100, "editorYear"), amount: tengeSchema });
export const mrpUpdateSchema = mrpSchema.extend({ expected: z.preprocess(digits, z.number().int()) });

const codeSchema = z.string({ error: "editorRequired" }).trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "editorCode");

export const criterionSchema = z
  .object({
    code: codeSchema,
    name: localisedSchema(200),
    description: optionalLocalisedSchema(2000),
    scaleMin: whole(0, 1000, "editorScale"),
    scaleMax: whole(1, 1000, "editorScale"),
    weight: z.preprocess(digits, z.number({ error: "editorWeight" }).gt(0, "editorWeight").max(10_000, "editorWeight")),
  })
  .superRefine((c, ctx) => {
    if (c.scaleMax <= c.scaleMin) ctx.addIssue({ code: "custom", message: "editorScale", path: ["scaleMax"] });
  });

export const directionSchema = z.object({ code: codeSchema, name: localisedSchema(200) });

export const formFieldSchema = z.object({
  key: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,59}$/, "editorCode"),
  type: z.enum(FIELD_TYPES),
  label: localisedSchema(300),
  hint: optionalLocalisedSchema(1000),
  required: z.boolean(),
  maxLength: optionalWhole(1, 20_000, "editorMaxLength"),
  min: z.number().nullish(),
  max: z.number().nullish(),
  optionsFrom: z.literal("directions").nullish(),
});

export const formSectionSchema = z.object({
  key: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,59}$/, "editorCode"),
  title: localisedSchema(300),
  fields: z.array(formFieldSchema).min(1, "editorSectionEmpty").max(60),
});

function unique<T>(items: readonly T[], key: (t: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

const programmeShape = {
  name: localisedSchema(200),
  description: optionalLocalisedSchema(4000),
  eligibility: z
    .object({
      minAge: whole(0, 120, "editorAge"),
      maxAge: whole(0, 120, "editorAge"),
      guardianConsentBelow: optionalWhole(0, 120, "editorAge"),
      excludePastWinners: z.boolean(),
      individualsOnly: z.boolean(),
      requiresTrainingCertificate: z.boolean(),
    })
    .superRefine((e, ctx) => {
      if (e.maxAge < e.minAge) ctx.addIssue({ code: "custom", message: "editorAgeOrder", path: ["maxAge"] });
    }),
  awardKind: z.enum(["fixed", "mrp"]),
  awardAmount: optionalWhole(1, MAX_MONEY, "editorWholeTenge"),
  awardMrpMultiple: optionalWhole(1, 100_000, "editorWhole"),
  directions: z.array(directionSchema).max(50),
  tieBreak: z.array(z.enum(TIE_BREAK_KEYS)).min(1, "editorTieBreak").max(TIE_BREAK_KEYS.length),
  scoreOutOf: whole(1, 1000, "editorWhole"),
  active: z.boolean(),
  criteria: z.array(criterionSchema).min(1, "editorCriteriaEmpty").max(30),
  formSections: z.array(formSectionSchema).min(1, "editorSectionsEmpty").max(30),
};

type ProgrammeShape = z.output<z.ZodObject<typeof programmeShape>>;

function programmeRefine(p: ProgrammeShape, ctx: z.RefinementCtx) {
  if (p.awardKind === "fixed" && p.awardAmount === null) ctx.addIssue({ code: "custom", message: "editorWholeTenge", path: ["awardAmount"] });
  if (p.awardKind === "mrp" && p.awardMrpMultiple === null) ctx.addIssue({ code: "custom", message: "editorWhole", path: ["awardMrpMultiple"] });
  if (!unique(p.tieBreak, (k) => k)) ctx.addIssue({ code: "custom", message: "editorTieBreak", path: ["tieBreak"] });
  if (!unique(p.criteria, (c) => c.code)) ctx.addIssue({ code: "custom", message: "editorCodeDuplicate", path: ["criteria"] });
  if (!unique(p.directions, (d) => d.code)) ctx.addIssue({ code: "custom", message: "editorCodeDuplicate", path: ["directions"] });
  if (!unique(p.formSections, (s) => s.key)) ctx.addIssue({ code: "custom", message: "editorCodeDuplicate", path: ["formSections"] });
  p.formSections.forEach((s, i) => {
    if (!unique(s.fields, (f) => f.key)) ctx.addIssue({ code: "custom", message: "editorCodeDuplicate", path: ["formSections", i, "fields"] });
  });
}

export const createProgrammeSchema = z.object({ code: codeSchema, ...programmeShape }).superRefine(programmeRefine);
export const updateProgrammeSchema = z
  .object({ programmeId: uuid, version: z.string().min(1, "invalid"), ...programmeShape })
  .superRefine(programmeRefine);
export type ProgrammeInput = z.input<typeof createProgrammeSchema>;
export type ProgrammeData = z.output<typeof createProgrammeSchema>;
export type UpdateProgrammeInput = z.input<typeof updateProgrammeSchema>;
export type UpdateProgrammeData = z.output<typeof updateProgrammeSchema>;
