import { describe, expect, it } from "vitest";
import type { FormSection } from "@/db/schema/programmes";
import { diffValues, formStructuralChanges, programmeEditRefusals, removedDirections, rubricStructuralChanges } from "./programme-edit";

const L = (s: string) => ({ kk: s, ru: s, en: s });
const criteria = [
  { code: "a", scaleMin: 0, scaleMax: 10, weight: 1 },
  { code: "b", scaleMin: 0, scaleMax: 5, weight: 2 },
];
const form: FormSection[] = [
  {
    key: "idea",
    title: L("Idea"),
    fields: [
      { key: "summary", type: "textarea", label: L("Summary"), required: true, maxLength: 2000 },
      { key: "jobs", type: "integer", label: L("Jobs"), required: true, min: 0, max: 100 },
    ],
  },
  { key: "team", title: L("Team"), fields: [{ key: "lead", type: "text", label: L("Lead"), required: false }] },
];
const directions = [{ code: "it", name: L("IT") }, { code: "media", name: L("Media") }];

describe("rubricStructuralChanges", () => {
  it("lets names and order change", () => {
    expect(rubricStructuralChanges(criteria, [...criteria].reverse())).toEqual([]);
  });
  it("names criteria added, removed, rescaled or reweighted", () => {
    expect(rubricStructuralChanges(criteria, [criteria[0]])).toEqual(["b"]);
    expect(rubricStructuralChanges(criteria, [...criteria, { code: "c", scaleMin: 0, scaleMax: 3, weight: 1 }])).toEqual(["c"]);
    expect(rubricStructuralChanges(criteria, [{ ...criteria[0], scaleMax: 20 }, criteria[1]])).toEqual(["a"]);
    expect(rubricStructuralChanges(criteria, [criteria[0], { ...criteria[1], weight: 3 }])).toEqual(["b"]);
  });
});

describe("formStructuralChanges", () => {
  it("lets labels, hints, required, maxLength and order change", () => {
    const after: FormSection[] = [
      { ...form[1], title: L("People") },
      {
        ...form[0],
        fields: [
          { ...form[0].fields[1], label: L("Workplaces"), hint: L("How many") },
          { ...form[0].fields[0], required: false, maxLength: 3000 },
        ],
      },
    ];
    expect(formStructuralChanges(form, after)).toEqual([]);
  });
  it("names added and removed sections and fields, and changed types or bounds", () => {
    expect(formStructuralChanges(form, [form[0]])).toEqual(["team"]);
    expect(formStructuralChanges(form, [form[0], { ...form[1], fields: [] }])).toEqual(["team.lead"]);
    expect(formStructuralChanges(form, [form[0], { ...form[1], fields: [...form[1].fields, { key: "x", type: "text", label: L("X"), required: false }] }])).toEqual(["team.x"]);
    expect(formStructuralChanges(form, [{ ...form[0], fields: [form[0].fields[0], { ...form[0].fields[1], type: "number" }] }, form[1]])).toEqual(["idea.jobs"]);
    expect(formStructuralChanges(form, [{ ...form[0], fields: [form[0].fields[0], { ...form[0].fields[1], max: 10 }] }, form[1]])).toEqual(["idea.jobs"]);
  });
});

describe("programmeEditRefusals", () => {
  const base = { criteria, formSections: form, directions };
  it("allows everything before the first application and review", () => {
    expect(programmeEditRefusals(base, { criteria: [criteria[0]], formSections: [form[0]], directions: [] }, { reviewsExist: false, applicationsExist: false })).toEqual([]);
  });
  it("locks the form's structure and direction codes once applications exist", () => {
    expect(removedDirections(directions, [directions[0]])).toEqual(["media"]);
    expect(programmeEditRefusals(base, { ...base, formSections: [form[0]], directions: [directions[0]] }, { reviewsExist: false, applicationsExist: true })).toEqual([
      { code: "form_locked", paths: ["team"] },
      { code: "directions_locked", codes: ["media"] },
    ]);
    // A new direction is fine.
    expect(programmeEditRefusals(base, { ...base, directions: [...directions, { code: "science", name: L("Science") }] }, { reviewsExist: true, applicationsExist: true })).toEqual([]);
  });
  it("locks the rubric's structure after the first review", () => {
    expect(programmeEditRefusals(base, { ...base, criteria: [criteria[0]] }, { reviewsExist: true, applicationsExist: true })).toEqual([{ code: "rubric_locked", criteria: ["b"] }]);
  });
});

describe("diffValues", () => {
  it("gives before and after of changed keys, dates as ISO strings", () => {
    expect(diffValues({ a: 1, b: new Date("2026-01-01T00:00:00Z"), c: [1] }, { a: 1, b: new Date("2026-01-02T00:00:00Z"), c: [2] })).toEqual({
      b: { from: "2026-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z" },
      c: { from: [1], to: [2] },
    });
  });
});
