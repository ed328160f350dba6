import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, awards, calls, reviewAssignments, reviews, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { csvStream } from "@/lib/export/csv";
import { protocolRankingSheet, protocolSheets } from "@/lib/export/protocol";
import { xlsxStream } from "@/lib/export/xlsx";
import type { Actor } from "./applications";
import { callProtocol } from "./protocol";
import { callRanking } from "./ranking";

type Status = "in_review" | "reviewed" | "awarded" | "waitlisted" | "not_awarded" | "award_revoked" | "submitted" | "ineligible";

let admin: Actor;
const R: string[] = [];
let callId: string;
/** Application id by its role in the fixture. */
const A: Record<string, string> = {};
const iins: string[] = [];
const emails: string[] = [];

let clock = Date.parse("2025-05-01T10:00:00Z");

async function review(applicationId: string, reviewerId: string, total: number, assignment: "assigned" | "removed" = "assigned", comment = "") {
  const [a] = await getDb().insert(reviewAssignments).values({ callId, applicationId, reviewerId, status: assignment }).returning({ id: reviewAssignments.id });
  clock += 60_000;
  await getDb().insert(reviews).values({ assignmentId: a.id, applicationId, reviewerId, status: "submitted", total, comment, submittedAt: new Date(clock) });
}

async function person(id: string, surname: string, givenName: string, patronymic: string | null, organisation: string | null = null) {
  await getDb().update(users).set({ surname, givenName, patronymic, organisation }).where(eq(users.id, id));
}

async function application(key: string, status: Status, surname: string): Promise<string> {
  const applicantId = await makeApplicant(getDb(), { district: "talgar" });
  await person(applicantId, surname, "Айгерім", "Болатқызы");
  const [u] = await getDb().select({ iin: users.iin, email: users.email }).from(users).where(eq(users.id, applicantId));
  iins.push(u.iin!);
  emails.push(u.email);
  const id = await makeApplication(getDb(), { callId, applicantId, status, districtCode: "talgar" });
  A[key] = id;
  return id;
}

async function stream(s: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(s).arrayBuffer());
}

async function auditRows(action: string) {
  return getDb()
    .select({ actorId: auditLog.actorId, entityType: auditLog.entityType, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, callId)));
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  for (let i = 0; i < 3; i++) R.push(await makeUser(getDb(), "reviewer"));
  await person(R[0], "Тұрсынов", "Бақытжан", "Ерланұлы", "«Атамекен» палатасы");
  await person(R[1], "Ахметова", "Дана", null, null);
  await person(R[2], "Ким", "Елена", "Викторовна", "Университет");
  callId = await makeCall(getDb());

  // Totals by R0 / R1 (R2's only review belongs to a removed assignment: it neither counts nor signs).
  const plan: [string, Status, string, number, number][] = [
    ["awarded", "awarded", "Бекова", 95, 90],
    ["waitlisted", "waitlisted", "Садықова", 80, 85],
    ["revoked", "award_revoked", "Жұмабаева", 88, 86],
    ["notAwarded", "not_awarded", "Омарова", 40, 45],
    ["reviewed", "reviewed", "Исаева", 70, 60],
    ["inReview", "in_review", "Нұрланова", 50, 75],
  ];
  for (const [key, status, surname, t0, t1] of plan) {
    const id = await application(key, status, surname);
    await review(id, R[0], t0, "assigned", key === "awarded" ? "Нарық жақсы зерттелген, бюджет нақты." : "");
    await review(id, R[1], t1, "assigned", key === "awarded" ? "  Жұмыс орындары шынайы.  " : "");
  }
  await review(A.inReview, R[2], 100, "removed", "Алынып тасталған тағайындаудың пікірі.");
  await application("submitted", "submitted", "Серікова");
  await application("ineligible", "ineligible", "Төлегенова");

  const db = getDb();
  await db.insert(awards).values([
    { applicationId: A.awarded, callId, districtCode: "talgar", amount: 1_500_000, status: "active", awardedBy: admin.id },
    {
      applicationId: A.revoked,
      callId,
      districtCode: "talgar",
      amount: 1_500_000,
      status: "revoked",
      awardedBy: admin.id,
      revokedBy: admin.id,
      revokedAt: new Date(),
      revokeReason: "Грант алушы бас тартты",
    },
  ]);
  await db.update(calls).set({ awardedTotal: 1_500_000 }).where(eq(calls.id, callId));
});

describe("callProtocol", () => {
  it("lists the screened applications in the ranking's order with their decisions, names grantees only, and the commission", async () => {
    const p = await callProtocol(admin, callId, { kind: "view" });
    if (!p) throw new Error("no protocol");
    const ranking = await callRanking(admin, callId, { all: true });
    // The ranking page's order, ranks and scores: not recomputed here.
    expect(p.rows.map((r) => r.applicationId)).toEqual(ranking!.rows.map((r) => r.id));
    expect(p.rows.map((r) => r.normalisedRank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.rows.map((r) => r.applicationId)).not.toContain(A.submitted);
    expect(p.rows.map((r) => r.applicationId)).not.toContain(A.ineligible);
    // Means (hand-checked): 92.5, 87, 82.5, 62.5, 65, 42.5 → this order, normalised (6 reviews each) or not.
    expect(p.rows.map((r) => r.applicationId)).toEqual([A.awarded, A.revoked, A.waitlisted, A.reviewed, A.inReview, A.notAwarded]);
    expect(p.rows[0]).toMatchObject({ reviews: 2, mean: 92.5, reference: expect.stringMatching(/^JG-[0-9A-F]{8}$/), districtCode: "talgar" });

    const by = new Map(p.rows.map((r) => [r.applicationId, r]));
    expect(by.get(A.awarded)!.decision).toEqual({ kind: "awarded", amount: 1_500_000 });
    expect(by.get(A.revoked)!.decision).toEqual({ kind: "award_revoked", amount: 1_500_000, reason: "Грант алушы бас тартты" });
    expect(by.get(A.waitlisted)!.decision).toEqual({ kind: "waitlisted" });
    expect(by.get(A.notAwarded)!.decision).toEqual({ kind: "not_awarded" });
    expect(by.get(A.reviewed)!.decision).toEqual({ kind: "reviewed" });
    expect(by.get(A.inReview)!.decision).toEqual({ kind: "in_review" });
    // 50 vs 75 on a 100-point scale: 25 ≤ 30, no flag; none of the others differ by more either.
    expect(p.rows.every((r) => !r.disagreement)).toBe(true);

    // Comments of counted reviews only, earliest first, trimmed; a removed assignment's is not there.
    expect(by.get(A.awarded)!.comments).toEqual(["Нарық жақсы зерттелген, бюджет нақты.", "Жұмыс орындары шынайы."]);
    expect(by.get(A.inReview)!.comments).toEqual([]);

    expect(by.get(A.awarded)!.grantee).toBe("Бекова Айгерім Болатқызы");
    for (const r of p.rows) if (r.applicationId !== A.awarded) expect(r.grantee).toBeNull();

    expect(p.members).toEqual([
      { id: R[1], fullName: "Ахметова Дана", organisation: null, assignments: 6 },
      { id: R[0], fullName: "Тұрсынов Бақытжан Ерланұлы", organisation: "«Атамекен» палатасы", assignments: 6 },
    ]);
    expect(p.totals).toEqual({
      applications: 6,
      awarded: 1,
      awardedAmount: 1_500_000,
      waitlisted: 1,
      notAwarded: 1,
      revoked: 1,
      inReview: 1,
      reviewed: 1,
      remaining: p.call.budgetCap - 1_500_000,
    });
    expect(p.call).toMatchObject({ programmeCode: "biznes_bastau", awardedTotal: 1_500_000, awardAmount: 1_500_000, scoreOutOf: 100 });
    expect(p.threshold).toBe(30);

    const audits = await auditRows("protocol.view");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.id, entityType: "call", changes: { sort: "normalised", rows: 6 } });
  });

  it("orders by the raw rank when asked", async () => {
    const p = await callProtocol(admin, callId, { kind: "view" }, { sort: "raw" });
    expect(p!.sort).toBe("raw");
    expect(p!.rows.map((r) => r.rawRank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("never carries an IIN or an e-mail: not in the data, not in the CSV, not in the XLSX", async () => {
    const p = await callProtocol(admin, callId, { kind: "download", format: "csv", language: "ru" });
    if (!p) throw new Error("no protocol");
    const json = JSON.stringify(p);
    for (const secret of [...iins, ...emails]) expect(json).not.toContain(secret);

    const csv = (await stream(csvStream(protocolRankingSheet(p, "ru")))).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("Грантополучатель");
    expect(csv).toContain("Бекова Айгерім Болатқызы");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(7);
    for (const secret of [...iins, ...emails]) expect(csv).not.toContain(secret);

    const xlsx = await stream(xlsxStream(protocolSheets(p, "kk")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain("Грант алушы");
    expect(cells).toContain("Тұрсынов Бақытжан Ерланұлы");
    for (const secret of [...iins, ...emails]) expect(cells.join("\n")).not.toContain(secret);

    const audits = await auditRows("protocol.download");
    expect(audits.at(-1)).toMatchObject({ actorId: admin.id, changes: { format: "csv", language: "ru", rows: 6 } });
  });

  it("holds every row of a call larger than a ranking page", async () => {
    const big = await makeCall(getDb());
    for (let i = 0; i < 53; i++) {
      await makeApplication(getDb(), { callId: big, applicantId: await makeApplicant(getDb()), status: "in_review" });
    }
    const p = await callProtocol(admin, big, { kind: "view" });
    expect(p!.rows).toHaveLength(53);
    expect(p!.rows.map((r) => r.normalisedRank)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    expect(p!.members).toEqual([]);
  });

  it("is for admins only (reviewer and applicant refused, nothing audited) and answers null for an unknown call", async () => {
    const before = (await auditRows("protocol.view")).length;
    await expect(callProtocol({ id: R[0], role: "reviewer" }, callId, { kind: "view" })).rejects.toThrow(/forbidden/);
    await expect(callProtocol({ id: await makeApplicant(getDb()), role: "applicant" }, callId, { kind: "view" })).rejects.toThrow(/forbidden/);
    await expect(callProtocol({ id: R[0], role: "reviewer" }, callId, { kind: "download", format: "xlsx", language: "kk" })).rejects.toThrow(/forbidden/);
    expect(await auditRows("protocol.view")).toHaveLength(before);
    expect(await callProtocol(admin, "00000000-0000-4000-8000-000000000000", { kind: "view" })).toBeNull();
    expect(await callProtocol(admin, "not-a-uuid", { kind: "view" })).toBeNull();
  });
});
