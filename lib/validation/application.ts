import { z } from "zod";
import type { FormField, FormSection } from "@/db/schema/programmes";

/** The programme form's shapes (stored as JSON on the programme), for the pages that render it. */
export type { FormField, FormSection };
import { checkBudget, isBudgetQuantity, isBudgetUnitPrice, MAX_BUDGET_LINES, type BudgetLine } from "@/lib/domain/budget";
import { isCertificateNumber } from "@/lib/domain/eligibility";
import { FORECAST_MONTHS } from "@/lib/domain/forecast";

/**
 * The answers of an application, `{ [sectionKey]: { [fieldKey]: value } }`, validated against the
 * programme's form sections (data, see db/seed/programmes.ts for the shapes of structured answers).
 * Messages are keys of the `Validation` catalogue namespace.
 *
 * - `draft`: every field may be missing, blank or half-filled, but what is there must be well-formed,
 *   so that a draft can be saved at any moment;
 * - `submit`: required fields present and non-blank, the budget sums to the award, the forecast has its
 *   12 months, the plan has at least one activity.
 *
 * Texts are trimmed, unknown sections and fields are dropped; `null`, `""` and NaN count as "not filled";
 * numbers may arrive as digit strings (spaces as group separators are ignored).
 */

export type ApplicationMode = "draft" | "submit";
export type ApplicationContext = { awardAmount: number; directions: readonly string[] };

export type BudgetLineValue = Partial<BudgetLine>;
export type ForecastRowValue = { month: number; revenue?: number; expenses?: number };
export type PlanRowValue = { month?: number; activity?: string };
export type FieldValue = string | number | BudgetLineValue[] | ForecastRowValue[] | PlanRowValue[];
export type ApplicationData = Record<string, Record<string, FieldValue | undefined> | undefined>;

export type ValidationKey =
  | "fieldRequired"
  | "textTooLong"
  | "numberInvalid"
  | "numberTooSmall"
  | "numberTooLarge"
  | "optionInvalid"
  | "budgetLineInvalid"
  | "budgetTotalMismatch"
  | "budgetTooManyLines"
  | "forecastIncomplete"
  | "planIncomplete"
  | "certificateInvalid"
  | "invalid"; // core's generic key: a value of the wrong type (not something a form can produce)

/** Limits where a field does not set `maxLength`. */
export const DEFAULT_MAX_LENGTH = { text: 500, textarea: 5000, budgetItem: 200, planActivity: 1000 } as const;
export const MAX_PLAN_ROWS = 60;
/** The text field holding the Bastau Biznes training certificate number (checked as such). */
export const CERTIFICATE_FIELD_KEY = "certificateNumber";

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const add = (ctx: Ctx, message: ValidationKey, path: Path = []): void => {
  ctx.addIssue({ code: "custom", message, path });
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** null / NaN → undefined (not filled). */
function emptyToUndefined(v: unknown): unknown {
  return v === null || (typeof v === "number" && Number.isNaN(v)) ? undefined : v;
}

/** Numbers as typed: "1 500 000" → 1500000, "" → undefined; anything else is left for the schema to refuse. */
function toNumber(v: unknown): unknown {
  const e = emptyToUndefined(v);
  if (typeof e !== "string") return e;
  const s = e.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : e;
}

const requiredOr = (otherwise: ValidationKey) => (iss: { input?: unknown }) =>
  iss.input === undefined ? "fieldRequired" : otherwise;

function textSchema(field: FormField, mode: ApplicationMode) {
  const max = field.maxLength ?? (field.type === "textarea" ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.text);
  const required = mode === "submit" && field.required;
  let s = z.string({ error: requiredOr("invalid") }).trim().max(max, "textTooLong");
  if (required) s = s.min(1, "fieldRequired");
  if (field.key === CERTIFICATE_FIELD_KEY) {
    s = s.refine((v) => v === "" || v.length > max || isCertificateNumber(v), "certificateInvalid");
  }
  return z.preprocess(emptyToUndefined, required ? s : s.optional());
}

/** number, integer and money: whole and non-negative, then the field's own min/max. */
function numberSchema(field: FormField, mode: ApplicationMode) {
  const n = z.number({ error: requiredOr("numberInvalid") }).superRefine((v, ctx) => {
    if (!isWhole(v)) add(ctx, "numberInvalid");
    else if (field.min !== undefined && v < field.min) add(ctx, "numberTooSmall");
    else if (field.max !== undefined && v > field.max) add(ctx, "numberTooLarge");
  });
  return z.preprocess(toNumber, mode === "submit" && field.required ? n : n.optional());
}

function selectSchema(field: FormField, mode: ApplicationMode, options: readonly string[]) {
  const s = z.string({ error: requiredOr("optionInvalid") }).refine((v) => options.includes(v), "optionInvalid");
  return z.preprocess((v) => (v === "" ? undefined : emptyToUndefined(v)), mode === "submit" && field.required ? s : s.optional());
}

/**
 * A structured answer (a list of rows), validated by hand so that each message lands on the row and
 * property it concerns (`lines.2.unitPrice`). `check` returns the normalised rows.
 */
function listSchema<T>(
  field: FormField,
  mode: ApplicationMode,
  check: (rows: unknown[], ctx: Ctx) => T[],
) {
  return z.unknown().transform((raw, ctx): T[] | undefined => {
    const v = emptyToUndefined(raw);
    if (v === undefined) {
      if (mode === "submit" && field.required) add(ctx, "fieldRequired");
      return undefined;
    }
    if (!Array.isArray(v)) {
      add(ctx, "invalid");
      return undefined;
    }
    return check(v, ctx);
  });
}

/** Reads one number of a row: absent → undefined (with `fieldRequired` on submit), malformed → `bad`. */
function rowNumber(
  row: Record<string, unknown>,
  key: string,
  path: Path,
  ctx: Ctx,
  mode: ApplicationMode,
  valid: (n: number) => boolean,
  bad: ValidationKey,
): number | undefined {
  const v = toNumber(row[key]);
  if (v === undefined) {
    if (mode === "submit") add(ctx, "fieldRequired", [...path, key]);
    return undefined;
  }
  if (typeof v !== "number" || !valid(v)) {
    add(ctx, bad, [...path, key]);
    return undefined;
  }
  return v;
}

/** Reads one text of a row, trimmed: absent or blank → undefined (with `fieldRequired` on submit). */
function rowText(row: Record<string, unknown>, key: string, path: Path, ctx: Ctx, mode: ApplicationMode, max: number): string | undefined {
  const v = emptyToUndefined(row[key]);
  if (v !== undefined && typeof v !== "string") {
    add(ctx, "invalid", [...path, key]);
    return undefined;
  }
  const s = v?.trim() ?? "";
  if (s === "") {
    if (mode === "submit") add(ctx, "fieldRequired", [...path, key]);
    return undefined;
  }
  if (s.length > max) {
    add(ctx, "textTooLong", [...path, key]);
    return undefined;
  }
  return s;
}

/** Drops undefined properties (a draft's unfilled cells). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function budgetSchema(field: FormField, mode: ApplicationMode, awardAmount: number) {
  return listSchema<BudgetLineValue>(field, mode, (rows, ctx) => {
    if (rows.length > MAX_BUDGET_LINES) {
      add(ctx, "budgetTooManyLines");
      return [];
    }
    let linesOk = true;
    const out = rows.map((row, i): BudgetLineValue => {
      if (!isRecord(row)) {
        add(ctx, "budgetLineInvalid", [i]);
        linesOk = false;
        return {};
      }
      const item = rowText(row, "item", [i], ctx, mode, DEFAULT_MAX_LENGTH.budgetItem);
      const quantity = rowNumber(row, "quantity", [i], ctx, mode, isBudgetQuantity, "budgetLineInvalid");
      const unitPrice = rowNumber(row, "unitPrice", [i], ctx, mode, (n) => isBudgetUnitPrice(n, awardAmount), "budgetLineInvalid");
      const amount = rowNumber(row, "amount", [i], ctx, mode, isWhole, "budgetLineInvalid");
      let lineOk = item !== undefined && quantity !== undefined && unitPrice !== undefined && amount !== undefined;
      if (quantity !== undefined && unitPrice !== undefined && amount !== undefined && amount !== quantity * unitPrice) {
        add(ctx, "budgetLineInvalid", [i, "amount"]);
        lineOk = false;
      }
      linesOk &&= lineOk;
      return compact({ item, quantity, unitPrice, amount });
    });
    if (mode === "submit") {
      if (out.length === 0 && field.required) add(ctx, "fieldRequired");
      // Only complete, well-formed lines have a meaningful total; `checkBudget` is the rule.
      else if (out.length > 0 && linesOk && !checkBudget(out as BudgetLine[], awardAmount).ok) add(ctx, "budgetTotalMismatch");
    }
    return out;
  });
}

function forecastSchema(field: FormField, mode: ApplicationMode) {
  return listSchema<ForecastRowValue>(field, mode, (rows, ctx) => {
    if (rows.length > FORECAST_MONTHS) {
      add(ctx, "forecastIncomplete");
      return [];
    }
    const seen = new Set<number>();
    let complete = rows.length === FORECAST_MONTHS;
    const out: ForecastRowValue[] = [];
    rows.forEach((row, i) => {
      if (!isRecord(row)) {
        add(ctx, "forecastIncomplete", [i]);
        complete = false;
        return;
      }
      const month = toNumber(row.month);
      if (typeof month !== "number" || !Number.isInteger(month) || month < 1 || month > FORECAST_MONTHS || seen.has(month)) {
        add(ctx, "forecastIncomplete", [i, "month"]);
        complete = false;
        return;
      }
      seen.add(month);
      const revenue = rowNumber(row, "revenue", [i], ctx, mode, isWhole, "numberInvalid");
      const expenses = rowNumber(row, "expenses", [i], ctx, mode, isWhole, "numberInvalid");
      if (revenue === undefined || expenses === undefined) complete = false;
      out.push(compact({ month, revenue, expenses }));
    });
    if (mode === "submit" && !complete) add(ctx, "forecastIncomplete");
    return out.sort((a, b) => a.month - b.month);
  });
}

function planSchema(field: FormField, mode: ApplicationMode) {
  const first = field.min ?? 1;
  const last = field.max ?? FORECAST_MONTHS;
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH.planActivity;
  return listSchema<PlanRowValue>(field, mode, (rows, ctx) => {
    if (rows.length > MAX_PLAN_ROWS) {
      add(ctx, "invalid");
      return [];
    }
    const out = rows.map((row, i): PlanRowValue => {
      if (!isRecord(row)) {
        add(ctx, "planIncomplete", [i]);
        return {};
      }
      const month = toNumber(row.month);
      const monthOk = typeof month === "number" && Number.isInteger(month) && month >= first && month <= last;
      if (month !== undefined ? !monthOk : mode === "submit") add(ctx, "planIncomplete", [i, "month"]);
      const activity = rowText(row, "activity", [i], ctx, mode, max);
      return compact({ month: monthOk ? month : undefined, activity });
    });
    if (mode === "submit" && field.required && !out.some((r) => r.activity !== undefined)) add(ctx, "planIncomplete");
    return out;
  });
}

function fieldSchema(field: FormField, ctx: ApplicationContext, mode: ApplicationMode): z.ZodType {
  switch (field.type) {
    case "text":
    case "textarea":
      return textSchema(field, mode);
    case "number":
    case "integer":
    case "money":
      return numberSchema(field, mode);
    case "select":
      return selectSchema(field, mode, field.optionsFrom === "directions" ? ctx.directions : []);
    case "budget":
      return budgetSchema(field, mode, ctx.awardAmount);
    case "forecast":
      return forecastSchema(field, mode);
    case "monthly_plan":
      return planSchema(field, mode);
  }
}

/** The schema of an application's answers for one programme's form, in draft or submit mode. */
export function applicationDataSchema(
  sections: readonly FormSection[],
  ctx: ApplicationContext,
  mode: ApplicationMode,
): z.ZodType<ApplicationData, unknown> {
  const shape: Record<string, z.ZodType> = {};
  for (const section of sections) {
    const fields: Record<string, z.ZodType> = {};
    for (const field of section.fields) fields[field.key] = fieldSchema(field, ctx, mode);
    const object = z.object(fields, { error: "invalid" });
    // Submit: a missing section is an empty one, so each of its required fields reports itself.
    shape[section.key] =
      mode === "submit"
        ? z.preprocess((v) => emptyToUndefined(v) ?? {}, object)
        : z.preprocess(emptyToUndefined, object.optional());
  }
  return z.object(shape, { error: "invalid" }) as unknown as z.ZodType<ApplicationData, unknown>;
}

/**
 * For the wizard's step indicator and the review page: per section key, the paths (within the section)
 * of the fields with errors in submit mode, e.g. `{ budget: ["lines.0.quantity", "lines"], team: [] }`.
 * Every section of the form is listed; `""` stands for the section as a whole (not an object).
 */
export function sectionErrors(
  data: unknown,
  sections: readonly FormSection[],
  ctx: ApplicationContext,
): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(sections.map((s) => [s.key, [] as string[]]));
  const result = applicationDataSchema(sections, ctx, "submit").safeParse(isRecord(data) ? data : {});
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const [section, ...rest] = issue.path;
    const list = out[String(section)];
    const path = rest.map(String).join(".");
    if (list && !list.includes(path)) list.push(path);
  }
  return out;
}
