/**
 * The wizard's form values ↔ an application's data. The form holds the data's own shape
 * (`{ [section]: { [field]: value } }`), so the browser validates it with the same
 * `applicationDataSchema` as the server; only empty rows and blanks are added so inputs have values.
 * Pure, Node and browser.
 */
import type { FormField, FormSection } from "@/db/schema/programmes";
import { FORECAST_MONTHS, type ForecastRow } from "@/lib/domain/forecast";
import { isBudgetQuantity, isBudgetUnitPrice } from "@/lib/domain/budget";
import { applicationDataSchema, type ApplicationContext } from "@/lib/validation/application";

export type FormValues = Record<string, Record<string, unknown>>;

export type BudgetRow = { item: string; quantity: number | string; unitPrice: number | string; amount?: number };
export type ForecastFormRow = { month: number; revenue: number | string; expenses: number | string };
export type PlanFormRow = { month: number | string; activity: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "");
const numOrStr = (v: unknown): number | string => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" ? v : "");

export const emptyBudgetRow = (): BudgetRow => ({ item: "", quantity: "", unitPrice: "" });
export const emptyPlanRow = (): PlanFormRow => ({ month: "", activity: "" });

function initialField(field: FormField, value: unknown): unknown {
  switch (field.type) {
    case "budget": {
      const rows = Array.isArray(value) ? value.filter(isRecord) : [];
      const out = rows.map((r): BudgetRow => {
        const row: BudgetRow = { item: str(r.item), quantity: numOrStr(r.quantity), unitPrice: numOrStr(r.unitPrice) };
        const amount = typeof r.amount === "number" ? r.amount : lineAmount(row.quantity, row.unitPrice);
        if (amount !== undefined) row.amount = amount;
        return row;
      });
      return out.length ? out : [emptyBudgetRow()];
    }
    case "forecast": {
      const rows = Array.isArray(value) ? value.filter(isRecord) : [];
      return Array.from({ length: FORECAST_MONTHS }, (_, i): ForecastFormRow => {
        const r = rows.find((x) => Number(x.month) === i + 1);
        return { month: i + 1, revenue: numOrStr(r?.revenue), expenses: numOrStr(r?.expenses) };
      });
    }
    case "monthly_plan": {
      const rows = Array.isArray(value) ? value.filter(isRecord) : [];
      const out = rows.map((r): PlanFormRow => ({ month: numOrStr(r.month), activity: str(r.activity) }));
      return out.length ? out : [emptyPlanRow()];
    }
    case "number":
    case "integer":
    case "money":
      return numOrStr(value);
    default:
      return str(value);
  }
}

/** The form's starting values: the stored data, with blanks where nothing was written yet. */
export function initialValues(sections: readonly FormSection[], data: unknown): FormValues {
  const source = isRecord(data) ? data : {};
  const out: FormValues = {};
  for (const s of sections) {
    const sv = isRecord(source[s.key]) ? (source[s.key] as Record<string, unknown>) : {};
    out[s.key] = Object.fromEntries(s.fields.map((f) => [f.key, initialField(f, sv[f.key])]));
  }
  return out;
}

/** A typed whole number ("1 500 000" → 1500000), or undefined when blank or not a whole number ≥ 0. */
export function parseWhole(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** quantity × unit price when both are valid (unit price bound by the award only when it is given). */
export function lineAmount(quantity: unknown, unitPrice: unknown, awardAmount?: number): number | undefined {
  const q = parseWhole(quantity);
  const p = parseWhole(unitPrice);
  if (q === undefined || p === undefined || !isBudgetQuantity(q)) return undefined;
  if (awardAmount !== undefined ? !isBudgetUnitPrice(p, awardAmount) : p < 1) return undefined;
  return q * p;
}

/** The sum of the lines' amounts that can be computed. */
export function budgetTotal(rows: readonly Partial<BudgetRow>[] | undefined): number {
  return (rows ?? []).reduce((s, r) => s + (lineAmount(r.quantity, r.unitPrice) ?? 0), 0);
}

/** The forecast's rows as numbers for analyseForecast (blank or malformed → NaN, which it counts as missing). */
export function forecastRows(rows: readonly Partial<ForecastFormRow>[] | undefined): ForecastRow[] {
  return (rows ?? []).map((r, i) => ({
    month: typeof r.month === "number" ? r.month : i + 1,
    revenue: parseWhole(r.revenue) ?? Number.NaN,
    expenses: parseWhole(r.expenses) ?? Number.NaN,
  }));
}

/** The element id of a field or of a cell of a structured field: `f-budget-lines-0-quantity`. */
export function fieldDomId(section: string, path: string): string {
  return ["f", section, ...path.split(".").filter(Boolean)].join("-").replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The given sections of the values (for a save of what changed). */
export function pickSections(values: FormValues, keys: Iterable<string>): FormValues {
  const out: FormValues = {};
  for (const k of keys) if (values[k] !== undefined) out[k] = values[k];
  return out;
}

export type Issue = { section: string; path: string; message: string; fieldId: string };

/**
 * What stops a submission, per the same submit schema the server applies: one entry per field path
 * (the first message), in the order of the form. A budget line's computed amount is reported on its unit price.
 */
export function submitIssues(sections: readonly FormSection[], ctx: ApplicationContext, values: unknown, mode: "submit" | "draft" = "submit"): Issue[] {
  const r = applicationDataSchema(sections, ctx, mode).safeParse(isRecord(values) ? values : {});
  if (r.success) return [];
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const issue of r.error.issues) {
    const [section, ...rest] = issue.path.map(String);
    let path = rest.join(".");
    if (/\.\d+\.amount$/.test(path)) path = path.replace(/amount$/, "unitPrice");
    const key = `${section}:${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ section, path, message: String(issue.message), fieldId: fieldDomId(section, path) });
  }
  const order = new Map(sections.map((s, i) => [s.key, i]));
  return out.sort((a, b) => (order.get(a.section) ?? 99) - (order.get(b.section) ?? 99));
}

/** Whole tenge as the server formats it (lib/domain/money), the same in every browser. */
export function formatTenge(amount: number, locale: "kk" | "ru" | "en"): string {
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(amount)));
  const sep = locale === "en" ? "," : "\u00a0";
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return locale === "en" ? `${sign}₸${grouped}` : `${sign}${grouped}\u00a0₸`;
}

/** "14:05" in Asia/Almaty (the same in every browser and in Node). */
export function almatyTime(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Almaty", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

export type FieldIssue = Issue & { field: string; count: number };

/**
 * One entry per field for the review list: a structured field's many cell issues become one, with the
 * field's own message when there is one (e.g. "forecastIncomplete") and a link to its first cell.
 */
export function issuesByField(issues: readonly Issue[]): FieldIssue[] {
  const out = new Map<string, FieldIssue>();
  for (const i of issues) {
    const field = i.path.split(".")[0] ?? "";
    const key = `${i.section}:${field}`;
    const whole = i.path === field;
    const seen = out.get(key);
    if (!seen) out.set(key, { ...i, field, count: 1 });
    else {
      seen.count++;
      if (whole) seen.message = i.message;
    }
  }
  return [...out.values()];
}
