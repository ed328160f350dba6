import { describe, expect, it } from "vitest";
import { createCallSchema, createProgrammeSchema, mrpSchema, updateCallSchema } from "./editor";

const call = {
  programmeId: "11111111-1111-4111-8111-111111111111",
  year: "2026",
  title: { kk: "Бизнес бастау 2026", ru: "Бизнес бастау 2026", en: "Biznes bastau 2026" },
  opensAt: "2026-02-01T09:00",
  closesAt: "2026-03-01T18:00",
  reviewDeadline: "2026-04-01T18:00",
  budgetCap: "15 000 000",
  minScore: "30",
  reviewersPerApplication: "3",
  districts: [{ code: "ili", ceiling: "3", reservedMinimum: "" }],
};

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("call schemas", () => {
  it("parses typed values: digits with spaces, empty district limits as none", () => {
    const r = createCallSchema.parse(call);
    expect(r).toMatchObject({ year: 2026, budgetCap: 15_000_000, minScore: 30, reviewersPerApplication: 3 });
    expect(r.districts[0]).toEqual({ code: "ili", ceiling: 3, reservedMinimum: null });
  });
  it("refuses dates out of order, bad dates and a reserved minimum above the ceiling", () => {
    expect(messages(createCallSchema.safeParse({ ...call, closesAt: "2026-01-01T00:00" }))).toMatchObject({ closesAt: "editorClosesBeforeOpens" });
    expect(messages(createCallSchema.safeParse({ ...call, reviewDeadline: "2026-02-15T00:00" }))).toMatchObject({ reviewDeadline: "editorReviewBeforeCloses" });
    expect(messages(createCallSchema.safeParse({ ...call, opensAt: "2026-02-30T09:00" }))).toMatchObject({ opensAt: "editorDateInvalid" });
    expect(messages(createCallSchema.safeParse({ ...call, districts: [{ code: "ili", ceiling: "1", reservedMinimum: "2" }] }))).toMatchObject({ "districts.0.reservedMinimum": "editorReservedAboveCeiling" });
  });
  it("refuses money that is not positive whole tenge and reviewers out of 1..15", () => {
    expect(messages(createCallSchema.safeParse({ ...call, budgetCap: "0" }))).toMatchObject({ budgetCap: "editorWholeTenge" });
    expect(messages(createCallSchema.safeParse({ ...call, budgetCap: "1500.5" }))).toMatchObject({ budgetCap: "editorWholeTenge" });
    expect(messages(createCallSchema.safeParse({ ...call, reviewersPerApplication: "16" }))).toMatchObject({ reviewersPerApplication: "editorReviewers" });
    expect(messages(createCallSchema.safeParse({ ...call, title: { ...call.title, kk: " " } }))).toMatchObject({ "title.kk": "editorRequired" });
  });
  it("an edit needs its version and the call's own award amount", () => {
    expect(updateCallSchema.safeParse({ ...call, callId: call.programmeId, version: "2026-01-01T00:00:00.000Z", awardAmount: "1 500 000" }).success).toBe(true);
    expect(messages(updateCallSchema.safeParse({ ...call, callId: call.programmeId, version: "v", awardAmount: "" }))).toMatchObject({ awardAmount: "editorRequired" });
  });
});

describe("MRP schema", () => {
  it("takes a year and a positive whole amount", () => {
    expect(mrpSchema.parse({ year: "2027", amount: "4 500" })).toEqual({ year: 2027, amount: 4_500 });
    expect(mrpSchema.safeParse({ year: "27", amount: "4500" }).success).toBe(false);
    expect(mrpSchema.safeParse({ year: "2027", amount: "-1" }).success).toBe(false);
  });
});

describe("programme schema", () => {
  const L = (s: string) => ({ kk: s, ru: s, en: s });
  const programme = {
    code: "young_farmer",
    name: L("Жас фермер"),
    description: L(""),
    eligibility: { minAge: "18", maxAge: "35", guardianConsentBelow: "", excludePastWinners: false, individualsOnly: true, requiresTrainingCertificate: false },
    awardKind: "fixed",
    awardAmount: "2000000",
    awardMrpMultiple: "",
    directions: [],
    tieBreak: ["normalised_score", "submitted_at"],
    scoreOutOf: "100",
    active: true,
    criteria: [{ code: "idea", name: L("Идея"), description: L(""), scaleMin: "0", scaleMax: "10", weight: "1" }],
    formSections: [{ key: "project", title: L("Жоба"), fields: [{ key: "summary", type: "textarea", label: L("Сипаттама"), hint: L(""), required: true, maxLength: "", min: null, max: null, optionsFrom: null }] }],
  };
  it("parses a programme; the award needs the value of its kind", () => {
    const r = createProgrammeSchema.parse(programme);
    expect(r).toMatchObject({ awardAmount: 2_000_000, awardMrpMultiple: null, eligibility: { guardianConsentBelow: null } });
    expect(messages(createProgrammeSchema.safeParse({ ...programme, awardKind: "mrp" }))).toMatchObject({ awardMrpMultiple: "editorWhole" });
  });
  it("refuses duplicate codes, a repeated tie-break key, a scale without range and ages out of order", () => {
    expect(messages(createProgrammeSchema.safeParse({ ...programme, criteria: [programme.criteria[0], programme.criteria[0]] }))).toMatchObject({ criteria: "editorCodeDuplicate" });
    expect(messages(createProgrammeSchema.safeParse({ ...programme, tieBreak: ["raw_score", "raw_score"] }))).toMatchObject({ tieBreak: "editorTieBreak" });
    expect(messages(createProgrammeSchema.safeParse({ ...programme, criteria: [{ ...programme.criteria[0], scaleMax: "0" }] }))).toMatchObject({ "criteria.0.scaleMax": "editorScale" });
    expect(messages(createProgrammeSchema.safeParse({ ...programme, eligibility: { ...programme.eligibility, maxAge: "10" } }))).toMatchObject({ "eligibility.maxAge": "editorAgeOrder" });
    expect(messages(createProgrammeSchema.safeParse({ ...programme, code: "Bad Code" }))).toMatchObject({ code: "editorCode" });
  });
});
