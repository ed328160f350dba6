import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, awards, calls, programmes, reviewAssignments, reviews, rubricCriteria } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { createProgrammeSchema, updateProgrammeSchema } from "@/lib/validation/editor";
import type { Actor } from "./applications";
import { blankProgrammeValues, createProgramme, getProgrammeForEdit, listProgrammes, updateProgramme } from "./programme-editor";

let admin: Actor;
let reviewer: Actor;
let applicant: Actor;
let n = 0;

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  reviewer = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
  applicant = { id: await makeApplicant(getDb()), role: "applicant" };
});

// Test inputs are loose on purpose (the schema parses them).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any>;

function newValues(): Values {
  const v = blankProgrammeValues() as Values;
  return {
    ...v,
    name: { kk: "Жас фермер", ru: "Молодой фермер", en: "Young farmer" },
    awardAmount: "2 000 000",
    criteria: [
      { code: "idea", name: { kk: "Идея", ru: "Идея", en: "Idea" }, description: { kk: "", ru: "", en: "" }, scaleMin: "0", scaleMax: "10", weight: "2" },
      { code: "team", name: { kk: "Команда", ru: "Команда", en: "Team" }, description: { kk: "", ru: "", en: "" }, scaleMin: "0", scaleMax: "5", weight: "1" },
    ],
    directions: [{ code: "crops", name: { kk: "Егін", ru: "Растениеводство", en: "Crops" } }],
  };
}

async function create(): Promise<{ id: string; code: string }> {
  const code = `young_farmer_${++n}`;
  const r = await createProgramme(admin, createProgrammeSchema.parse({ code, ...newValues() }));
  if (!r.ok) throw new Error(r.code);
  return { id: r.id, code };
}

async function editInput(id: string, change: (v: Values) => Partial<Values>) {
  const p = (await getProgrammeForEdit(admin, id))!;
  const v = p.values as Values;
  return updateProgrammeSchema.parse({ programmeId: id, version: p.version, ...v, ...change(v) });
}

async function lastAudit(entityId: string, action: string) {
  const [row] = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action))).orderBy(desc(auditLog.at)).limit(1);
  return row;
}

/** An award on a call (enough for "history exists"). */
async function award(callId: string) {
  const appId = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "awarded" });
  await getDb().insert(awards).values({ applicationId: appId, callId, districtCode: "ili", amount: 2_000_000, awardedBy: admin.id });
}

/** A draft review (no score given yet) on an application of a call of the programme. */
async function startReview(code: string) {
  const callId = await makeCall(getDb(), { programmeCode: code });
  const appId = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "in_review" });
  const [a] = await getDb().insert(reviewAssignments).values({ callId, applicationId: appId, reviewerId: reviewer.id, assignedBy: admin.id }).returning({ id: reviewAssignments.id });
  await getDb().insert(reviews).values({ assignmentId: a.id, applicationId: appId, reviewerId: reviewer.id });
}

describe("createProgramme", () => {
  it("creates a programme with its rubric and an audit row; a taken code is refused", async () => {
    const { id, code } = await create();
    const p = (await getProgrammeForEdit(admin, id))!;
    expect(p.code).toBe(code);
    expect(p.values).toMatchObject({ awardKind: "fixed", awardAmount: "2000000", awardMrpMultiple: "" });
    const cs = await getDb().select().from(rubricCriteria).where(eq(rubricCriteria.programmeId, id));
    expect(cs.map((c) => [c.code, c.sortOrder, c.weight])).toEqual(expect.arrayContaining([["idea", 0, 2], ["team", 1, 1]]));
    const audit = await lastAudit(id, "programme.create");
    expect(audit.changes).toMatchObject({ code: { from: null, to: code }, awardAmount: { from: null, to: 2_000_000 } });
    expect(await createProgramme(admin, createProgrammeSchema.parse({ ...newValues(), code }))).toEqual({ ok: false, code: "code_taken" });
    expect((await listProgrammes(admin)).find((r) => r.id === id)).toMatchObject({ criteriaCount: 2, callCount: 0 });
  });

  it("is refused to a reviewer and an applicant", async () => {
    const data = createProgrammeSchema.parse({ code: "nope", ...newValues() });
    await expect(createProgramme(reviewer, data)).rejects.toThrow(/forbidden/);
    await expect(createProgramme(applicant, data)).rejects.toThrow(/forbidden/);
    await expect(listProgrammes(reviewer)).rejects.toThrow(/forbidden/);
  });
});

describe("updateProgramme", () => {
  it("edits everything before any application; audits before/after; a stale version is a conflict", async () => {
    const { id } = await create();
    const stale = await editInput(id, () => ({ scoreOutOf: "10" }));
    const r = await updateProgramme(
      admin,
      await editInput(id, (v) => ({
        awardKind: "mrp",
        awardMrpMultiple: "400",
        criteria: [(v.criteria as unknown[])[1], { code: "impact", name: { kk: "Әсер", ru: "Влияние", en: "Impact" }, description: { kk: "", ru: "", en: "" }, scaleMin: "1", scaleMax: "5", weight: "1.5" }],
        tieBreak: ["submitted_at", "normalised_score"],
      })),
    );
    expect(r.ok).toBe(true);
    const [p] = await getDb().select().from(programmes).where(eq(programmes.id, id));
    expect(p).toMatchObject({ awardKind: "mrp", awardAmount: null, awardMrpMultiple: 400, tieBreak: ["submitted_at", "normalised_score"] });
    const cs = await getDb().select().from(rubricCriteria).where(eq(rubricCriteria.programmeId, id));
    expect(cs.map((c) => c.code).sort()).toEqual(["impact", "team"]);
    const audit = await lastAudit(id, "programme.update");
    expect(audit.changes).toMatchObject({ awardKind: { from: "fixed", to: "mrp" }, awardAmount: { from: 2_000_000, to: null }, tieBreak: { from: ["normalised_score", "submitted_at"], to: ["submitted_at", "normalised_score"] } });
    expect(audit.changedFields).toEqual(expect.arrayContaining(["criteria", "awardMrpMultiple"]));
    expect(await updateProgramme(admin, stale)).toEqual({ ok: false, code: "conflict" });
  });

  it("after the first review: refuses rubric structure changes, allows names and order", async () => {
    const { id, code } = await create();
    await startReview(code);
    const added = await editInput(id, (v) => ({ criteria: [...(v.criteria as unknown[]), { code: "x", name: { kk: "Х", ru: "Х", en: "X" }, description: { kk: "", ru: "", en: "" }, scaleMin: "0", scaleMax: "3", weight: "1" }] }));
    expect(await updateProgramme(admin, added)).toEqual({ ok: false, code: "refused", refusals: [{ code: "rubric_locked", criteria: ["x"] }] });
    type C = { code: string; weight: string; name: { kk: string; ru: string; en: string } };
    const reweighted = await editInput(id, (v) => ({ criteria: (v.criteria as C[]).map((c) => (c.code === "idea" ? { ...c, weight: "3" } : c)) }));
    expect(await updateProgramme(admin, reweighted)).toEqual({ ok: false, code: "refused", refusals: [{ code: "rubric_locked", criteria: ["idea"] }] });
    const renamed = await editInput(id, (v) => ({ criteria: [...(v.criteria as C[])].reverse().map((c) => ({ ...c, name: { ...c.name, en: `${c.name.en}!` } })) }));
    expect((await updateProgramme(admin, renamed)).ok).toBe(true);
    const cs = await getDb().select().from(rubricCriteria).where(eq(rubricCriteria.programmeId, id));
    expect(cs.find((c) => c.code === "team")).toMatchObject({ nameEn: "Team!", sortOrder: 0 });
  });

  it("once applications exist: refuses form structure changes and removed directions, allows labels, required, maxLength and order", async () => {
    const { id, code } = await create();
    await makeApplication(getDb(), { callId: await makeCall(getDb(), { programmeCode: code }), applicantId: await makeApplicant(getDb()) });
    type S = { key: string; fields: Record<string, unknown>[] };
    const addField = await editInput(id, (v) => ({
      formSections: (v.formSections as S[]).map((s) => ({ ...s, fields: [...s.fields, { key: "extra", type: "text", label: { kk: "Қосымша", ru: "Доп.", en: "Extra" }, hint: { kk: "", ru: "", en: "" }, required: false, maxLength: "" }] })),
    }));
    expect(await updateProgramme(admin, addField)).toEqual({ ok: false, code: "refused", refusals: [{ code: "form_locked", paths: ["project.extra"] }] });
    const typeChange = await editInput(id, (v) => ({ formSections: (v.formSections as S[]).map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f, type: "text" })) })) }));
    expect(await updateProgramme(admin, typeChange)).toEqual({ ok: false, code: "refused", refusals: [{ code: "form_locked", paths: ["project.summary"] }] });
    expect(await updateProgramme(admin, await editInput(id, () => ({ directions: [] })))).toEqual({ ok: false, code: "refused", refusals: [{ code: "directions_locked", codes: ["crops"] }] });
    const relabel = await editInput(id, (v) => ({
      formSections: (v.formSections as S[]).map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f, label: { kk: "Түйіндеме", ru: "Резюме", en: "Summary" }, required: false, maxLength: "4000" })) })),
    }));
    expect((await updateProgramme(admin, relabel)).ok).toBe(true);
    const [p] = await getDb().select().from(programmes).where(eq(programmes.id, id));
    expect(p.formSections[0].fields[0]).toMatchObject({ key: "summary", type: "textarea", required: false, maxLength: 4000, label: { en: "Summary" } });
  });

  it("a new award on the programme leaves existing calls' amounts as they are (calls store their own)", async () => {
    const { id, code } = await create();
    const callId = await makeCall(getDb(), { programmeCode: code, awardAmount: 2_000_000 });
    await award(callId);
    expect((await updateProgramme(admin, await editInput(id, () => ({ awardAmount: "2 500 000" })))).ok).toBe(true);
    const [c] = await getDb().select({ awardAmount: calls.awardAmount }).from(calls).where(eq(calls.id, callId));
    expect(c.awardAmount).toBe(2_000_000);
  });

  it("is refused to a reviewer and an applicant; unknown programme is not found", async () => {
    const { id } = await create();
    const input = await editInput(id, () => ({}));
    await expect(updateProgramme(reviewer, input)).rejects.toThrow(/forbidden/);
    await expect(updateProgramme(applicant, input)).rejects.toThrow(/forbidden/);
    expect(await updateProgramme(admin, { ...input, programmeId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, code: "not_found" });
  });
});
