import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, awards, callDistricts, calls, mrpRates, programmes, reviewAssignments } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { utcToAlmatyLocal } from "@/lib/domain/call-edit";
import { createCallSchema, updateCallSchema, type CreateCallInput } from "@/lib/validation/editor";
import type { Actor } from "./applications";
import { callFormOptions, cloneCallValues, createCall, getCallForEdit, updateCall, type CallFormValues } from "./call-editor";
import { addMrp, listMrp, updateMrp } from "./mrp";

const DAY = 86_400_000;
let admin: Actor;
let reviewer: Actor;
let applicant: Actor;
let biznes: string;

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  reviewer = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
  applicant = { id: await makeApplicant(getDb()), role: "applicant" };
  [{ id: biznes }] = await getDb().select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "biznes_bastau"));
});

const local = (ms: number) => utcToAlmatyLocal(new Date(Date.now() + ms));

function newCallInput(over: Partial<CreateCallInput> = {}): CreateCallInput {
  return {
    programmeId: biznes,
    year: "2026",
    title: { kk: "Бизнес бастау 2026", ru: "Бизнес бастау 2026", en: "Biznes bastau 2026" },
    opensAt: local(-DAY),
    closesAt: local(30 * DAY),
    reviewDeadline: local(60 * DAY),
    budgetCap: "15 000 000",
    minScore: "30",
    reviewersPerApplication: "3",
    districts: [{ code: "ili", ceiling: "3", reservedMinimum: "1" }],
    ...over,
  };
}

async function editInput(callId: string, change: (v: CallFormValues) => Partial<CallFormValues> & { awardAmount?: string } = () => ({})) {
  const c = (await getCallForEdit(admin, callId))!;
  return updateCallSchema.parse({ callId, version: c.version, awardAmount: String(c.awardAmount), ...c.values, ...change(c.values) });
}

async function lastAudit(entityId: string, action: string) {
  const [row] = await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row;
}

/** An award on the call (the way lib/dal/awards writes one: row, call total, district count). */
async function award(callId: string, district: "ili" | "talgar" = "ili") {
  const [c] = await getDb().select().from(calls).where(eq(calls.id, callId));
  const appId = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "awarded", districtCode: district });
  await getDb().insert(awards).values({ applicationId: appId, callId, districtCode: district, amount: c.awardAmount, awardedBy: admin.id });
  await getDb().update(calls).set({ awardedTotal: c.awardedTotal + c.awardAmount }).where(eq(calls.id, callId));
  const [d] = await getDb().select().from(callDistricts).where(and(eq(callDistricts.callId, callId), eq(callDistricts.districtCode, district)));
  await getDb().update(callDistricts).set({ awardedCount: d.awardedCount + 1, awardedTotal: d.awardedTotal + c.awardAmount }).where(and(eq(callDistricts.callId, callId), eq(callDistricts.districtCode, district)));
}

describe("createCall", () => {
  it("creates a call with the programme's amount, its districts and an audit row", async () => {
    const r = await createCall(admin, createCallSchema.parse(newCallInput()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [c] = await getDb().select().from(calls).where(eq(calls.id, r.id));
    expect(c).toMatchObject({ programmeId: biznes, year: 2026, budgetCap: 15_000_000, awardAmount: 1_500_000, minScore: 30, createdBy: admin.id });
    const ds = await getDb().select().from(callDistricts).where(eq(callDistricts.callId, r.id));
    expect(ds).toHaveLength(11);
    expect(ds.find((d) => d.districtCode === "ili")).toMatchObject({ ceiling: 3, reservedMinimum: 1 });
    const audit = await lastAudit(r.id, "call.create");
    expect(audit.actorId).toBe(admin.id);
    expect(audit.changes).toMatchObject({ budgetCap: { from: null, to: 15_000_000 }, awardAmount: { from: null, to: 1_500_000 } });
  });

  it("computes an MRP programme's amount from the year's MRP, and refuses a year without one", async () => {
    await getDb().update(programmes).set({ awardKind: "mrp", awardAmount: null, awardMrpMultiple: 400 }).where(eq(programmes.code, "zangar"));
    const [{ id: zangar }] = await getDb().select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "zangar"));
    const ok = await createCall(admin, createCallSchema.parse(newCallInput({ programmeId: zangar })));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((await getCallForEdit(admin, ok.id))!.awardAmount).toBe(400 * 4_325);
    expect(await createCall(admin, createCallSchema.parse(newCallInput({ programmeId: zangar, year: "2031" })))).toEqual({ ok: false, code: "refused", refusals: [{ code: "mrp_missing", year: 2031 }] });
    const options = await callFormOptions(admin);
    expect(options.mrp[2026]).toBe(4_325);
    expect(options.programmes.find((p) => p.code === "zangar")).toMatchObject({ awardKind: "mrp", awardMrpMultiple: 400 });
  });

  it("refuses dates out of order (the schema and the data layer)", async () => {
    expect(createCallSchema.safeParse(newCallInput({ closesAt: local(-2 * DAY) })).success).toBe(false);
    const data = createCallSchema.parse(newCallInput());
    const r = await createCall(admin, { ...data, reviewDeadline: data.opensAt });
    expect(r).toEqual({ ok: false, code: "refused", refusals: [{ code: "dates_order" }] });
  });

  it("is refused to a reviewer and an applicant", async () => {
    const data = createCallSchema.parse(newCallInput());
    await expect(createCall(reviewer, data)).rejects.toThrow(/forbidden/);
    await expect(createCall(applicant, data)).rejects.toThrow(/forbidden/);
    await expect(callFormOptions(reviewer)).rejects.toThrow(/forbidden/);
    await expect(getCallForEdit(applicant, biznes)).rejects.toThrow(/forbidden/);
  });
});

describe("cloneCallValues", () => {
  it("prefills the new-call form one year on, saving nothing", async () => {
    const src = await makeCall(getDb(), { opensAt: new Date("2025-02-01T04:00:00Z"), closesAt: new Date("2025-03-01T13:00:00Z"), reviewDeadline: new Date("2025-04-01T13:00:00Z"), districts: { talgar: { ceiling: 2, reservedMinimum: 1 } } });
    await getDb().update(calls).set({ titleKk: "Бизнес бастау 2025", year: 2025 }).where(eq(calls.id, src));
    const before = (await getDb().select({ id: calls.id }).from(calls)).length;
    const v = (await cloneCallValues(admin, src))!;
    expect(v).toMatchObject({ year: "2026", opensAt: "2026-02-01T09:00", closesAt: "2026-03-01T18:00", reviewDeadline: "2026-04-01T18:00", budgetCap: "15000000" });
    expect(v.title.kk).toBe("Бизнес бастау 2026");
    expect(v.districts.find((d) => d.code === "talgar")).toEqual({ code: "talgar", ceiling: "2", reservedMinimum: "1" });
    expect((await getDb().select({ id: calls.id }).from(calls)).length).toBe(before);
    // Submitted as is, it becomes a new call with the new year's amount.
    const r = await createCall(admin, createCallSchema.parse(v));
    expect(r.ok).toBe(true);
    expect(await cloneCallValues(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(cloneCallValues(reviewer, src)).rejects.toThrow(/forbidden/);
  });
});

describe("updateCall", () => {
  it("saves an edit with its before/after values in the audit and a new version", async () => {
    const id = await makeCall(getDb());
    const input = await editInput(id, (v) => ({ budgetCap: "30000000", districts: v.districts.map((d) => (d.code === "karasai" ? { ...d, ceiling: "4" } : d)) }));
    const r = await updateCall(admin, input);
    expect(r.ok).toBe(true);
    const [c] = await getDb().select().from(calls).where(eq(calls.id, id));
    expect(c.budgetCap).toBe(30_000_000);
    const audit = await lastAudit(id, "call.update");
    expect(audit.changes).toEqual({ budgetCap: { from: 15_000_000, to: 30_000_000 }, districts: expect.objectContaining({ from: expect.objectContaining({ karasai: [null, null] }), to: expect.objectContaining({ karasai: [4, null] }) }) });
    expect(audit.changedFields.sort()).toEqual(["budgetCap", "districts"]);
  });

  it("refuses a stale version (two admins editing the same call)", async () => {
    const id = await makeCall(getDb());
    const first = await editInput(id, () => ({ budgetCap: "20000000" }));
    const second = await editInput(id, () => ({ minScore: "50" }));
    expect((await updateCall(admin, first)).ok).toBe(true);
    expect(await updateCall(admin, second)).toEqual({ ok: false, code: "conflict" });
    const [c] = await getDb().select().from(calls).where(eq(calls.id, id));
    expect(c).toMatchObject({ budgetCap: 20_000_000, minScore: 0 });
  });

  it("refuses the award amount after the first award, allows it before", async () => {
    const id = await makeCall(getDb());
    expect((await updateCall(admin, await editInput(id, () => ({ awardAmount: "1600000" })))).ok).toBe(true);
    await award(id);
    expect(await updateCall(admin, await editInput(id, () => ({ awardAmount: "1700000" })))).toEqual({ ok: false, code: "refused", refusals: [{ code: "award_amount_locked" }] });
    // Other fields stay editable.
    expect((await updateCall(admin, await editInput(id, () => ({ minScore: "10" })))).ok).toBe(true);
  });

  it("refuses the budget cap below the awarded total and a ceiling below the awarded count", async () => {
    const id = await makeCall(getDb());
    await award(id, "talgar");
    await award(id, "talgar");
    expect(await updateCall(admin, await editInput(id, () => ({ budgetCap: "1500000" })))).toEqual({ ok: false, code: "refused", refusals: [{ code: "budget_below_awarded", awarded: 3_000_000 }] });
    const lowCeiling = await editInput(id, (v) => ({ districts: v.districts.map((d) => (d.code === "talgar" ? { ...d, ceiling: "1" } : d)) }));
    expect(await updateCall(admin, lowCeiling)).toEqual({ ok: false, code: "refused", refusals: [{ code: "ceiling_below_awarded", district: "talgar", awarded: 2 }] });
    expect((await updateCall(admin, await editInput(id, () => ({ budgetCap: "3000000" })))).ok).toBe(true);
  });

  it("refuses the closing date moved into the past while drafts are open", async () => {
    const id = await makeCall(getDb());
    await makeApplication(getDb(), { callId: id, applicantId: await makeApplicant(getDb()), status: "draft" });
    const past = await editInput(id, () => ({ closesAt: local(-60_000 * 5) }));
    expect(await updateCall(admin, past)).toEqual({ ok: false, code: "refused", refusals: [{ code: "closes_in_past_with_drafts", drafts: 1 }] });
    expect((await updateCall(admin, await editInput(id, () => ({ closesAt: local(2 * DAY) })))).ok).toBe(true);
  });

  it("refuses a change of reviewers per application once assignment started", async () => {
    const id = await makeCall(getDb());
    expect((await updateCall(admin, await editInput(id, () => ({ reviewersPerApplication: "2" })))).ok).toBe(true);
    const appId = await makeApplication(getDb(), { callId: id, applicantId: await makeApplicant(getDb()), status: "in_review" });
    await getDb().insert(reviewAssignments).values({ callId: id, applicationId: appId, reviewerId: reviewer.id, assignedBy: admin.id });
    expect(await updateCall(admin, await editInput(id, () => ({ reviewersPerApplication: "3" })))).toEqual({ ok: false, code: "refused", refusals: [{ code: "reviewers_locked", current: 2 }] });
  });

  it("refuses dates out of order and a reserved minimum above its ceiling", async () => {
    const id = await makeCall(getDb());
    const input = await editInput(id);
    expect(await updateCall(admin, { ...input, reviewDeadline: input.opensAt })).toEqual({ ok: false, code: "refused", refusals: [{ code: "dates_order" }] });
    const d = input.districts.map((x) => (x.code === "ili" ? { ...x, ceiling: 1, reservedMinimum: 2 } : x));
    expect(await updateCall(admin, { ...input, districts: d })).toEqual({ ok: false, code: "refused", refusals: [{ code: "reserved_above_ceiling", district: "ili" }] });
  });

  it("is refused to a reviewer and an applicant; unknown call is not found", async () => {
    const id = await makeCall(getDb());
    const input = await editInput(id);
    await expect(updateCall(reviewer, input)).rejects.toThrow(/forbidden/);
    await expect(updateCall(applicant, input)).rejects.toThrow(/forbidden/);
    expect(await updateCall(admin, { ...input, callId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, code: "not_found" });
  });
});

describe("MRP table", () => {
  it("adds a year, refuses a duplicate, edits with a stale check, audits", async () => {
    expect(await addMrp(admin, 2030, 5_000)).toEqual({ ok: true });
    expect(await addMrp(admin, 2030, 5_100)).toEqual({ ok: false, code: "exists" });
    expect(await updateMrp(admin, 2030, 5_200, 4_999)).toEqual({ ok: false, code: "conflict" });
    expect(await updateMrp(admin, 2030, 5_200, 5_000)).toEqual({ ok: true });
    expect(await updateMrp(admin, 2099, 5_200, 5_000)).toEqual({ ok: false, code: "not_found" });
    expect((await listMrp(admin)).find((r) => r.year === 2030)).toEqual({ year: 2030, amount: 5_200 });
    expect((await lastAudit("2030", "mrp.update")).changes).toEqual({ amount: { from: 5_000, to: 5_200 } });
    expect((await lastAudit("2030", "mrp.create")).changes).toEqual({ amount: { from: null, to: 5_000 } });
    const [r] = await getDb().select().from(mrpRates).where(eq(mrpRates.year, 2030));
    expect(r.amount).toBe(5_200);
  });

  it("is refused to a reviewer and an applicant", async () => {
    await expect(listMrp(reviewer)).rejects.toThrow(/forbidden/);
    await expect(addMrp(applicant, 2040, 1)).rejects.toThrow(/forbidden/);
    await expect(updateMrp(reviewer, 2026, 1, 4_325)).rejects.toThrow(/forbidden/);
  });
});
