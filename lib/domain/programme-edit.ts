/**
 * What an admin may change on a programme, and when (issue 7; docs/decisions/0013-programme-and-call-editing.md).
 * Pure: the data layer reads the facts (reviews, applications) inside its transaction and asks these functions.
 */
import type { Direction, FormSection } from "@/db/schema/programmes";

export type CriterionShape = { code: string; scaleMin: number; scaleMax: number; weight: number };

/**
 * The rubric's structure: which criteria exist, their scales and weights. Once any review (draft or
 * submitted) exists in any call of the programme, scores were given against it: only names, descriptions
 * and the display order may change. Returns the codes that make the change structural (empty: none).
 */
export function rubricStructuralChanges(before: readonly CriterionShape[], after: readonly CriterionShape[]): string[] {
  const out = new Set<string>();
  const old = new Map(before.map((c) => [c.code, c]));
  const next = new Map(after.map((c) => [c.code, c]));
  for (const c of before) if (!next.has(c.code)) out.add(c.code);
  for (const c of after) {
    const o = old.get(c.code);
    if (!o || o.scaleMin !== c.scaleMin || o.scaleMax !== c.scaleMax || Number(o.weight) !== Number(c.weight)) out.add(c.code);
  }
  return [...out];
}

function fieldSignature(f: FormSection["fields"][number]): string {
  // What the answers' shape and validation depend on, beyond label, hint, required and maxLength.
  return JSON.stringify([f.type, f.min ?? null, f.max ?? null, f.optionsFrom ?? null]);
}

/**
 * The form's structure: sections and fields by key (answers are stored as `{ section: { field: value } }`),
 * each field's type, numeric bounds and options source. Labels, hints, titles, the required flag, the
 * maximum length and the order of sections and fields are not structure. Returns "section" or
 * "section.field" paths that changed (empty: none).
 */
export function formStructuralChanges(before: readonly FormSection[], after: readonly FormSection[]): string[] {
  const out: string[] = [];
  const old = new Map(before.map((s) => [s.key, s]));
  const next = new Map(after.map((s) => [s.key, s]));
  for (const s of before) if (!next.has(s.key)) out.push(s.key);
  for (const s of after) {
    const o = old.get(s.key);
    if (!o) {
      out.push(s.key);
      continue;
    }
    const oldFields = new Map(o.fields.map((f) => [f.key, f]));
    const newKeys = new Set(s.fields.map((f) => f.key));
    for (const f of o.fields) if (!newKeys.has(f.key)) out.push(`${s.key}.${f.key}`);
    for (const f of s.fields) {
      const of = oldFields.get(f.key);
      if (!of || fieldSignature(of) !== fieldSignature(f)) out.push(`${s.key}.${f.key}`);
    }
  }
  return out;
}

/** Direction or nomination codes that disappear (applications may have chosen them). */
export function removedDirections(before: readonly Direction[], after: readonly Direction[]): string[] {
  const next = new Set(after.map((d) => d.code));
  return before.filter((d) => !next.has(d.code)).map((d) => d.code);
}

export type ProgrammeEditRefusal =
  | { code: "rubric_locked"; criteria: string[] }
  | { code: "form_locked"; paths: string[] }
  | { code: "directions_locked"; codes: string[] };

/**
 * Every reason a programme edit would break what already happened:
 * - the rubric's structure after the first review of any of its calls;
 * - the form's structure, and removing a direction/nomination, once any application exists in any of its calls.
 * The programme's award (kind, amount, MRP multiple) is always editable: calls store their own amount, so
 * a change applies only to calls created afterwards.
 */
export function programmeEditRefusals(
  before: { criteria: readonly CriterionShape[]; formSections: readonly FormSection[]; directions: readonly Direction[] },
  after: { criteria: readonly CriterionShape[]; formSections: readonly FormSection[]; directions: readonly Direction[] },
  facts: { reviewsExist: boolean; applicationsExist: boolean },
): ProgrammeEditRefusal[] {
  const out: ProgrammeEditRefusal[] = [];
  if (facts.reviewsExist) {
    const criteria = rubricStructuralChanges(before.criteria, after.criteria);
    if (criteria.length > 0) out.push({ code: "rubric_locked", criteria });
  }
  if (facts.applicationsExist) {
    const paths = formStructuralChanges(before.formSections, after.formSections);
    if (paths.length > 0) out.push({ code: "form_locked", paths });
    const codes = removedDirections(before.directions, after.directions);
    if (codes.length > 0) out.push({ code: "directions_locked", codes });
  }
  return out;
}

/** Before/after values of the keys that differ, for the audit log's `changes`. */
export function diffValues(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const b = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = { from: a ?? null, to: b ?? null };
  }
  return out;
}
