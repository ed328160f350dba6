import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, conflicts, reviewAssignments, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { makeIin } from "@/lib/domain/iin";
import { connect } from "@/test/db";
import type { Actor } from "./applications";
import { declareConflict, excludedPairs, isConflicted, listConflictFlags, resolveFlag } from "./conflicts";

let serial = 9000;
let callId: string;
let admin: Actor;
/** R1: Тұрсынов of Talgar at Atameken; R2: Kim on gmail, nothing shared; R3: applied to the call herself. */
let r1: Actor, r2: Actor, r3: Actor;
/** A1 same family and district as R1; A2 same organisation; A3 same work domain; A4 gmail; A5 mail.ru; own: R3's. */
const A: Record<"a1" | "a2" | "a3" | "a4" | "a5" | "own" | "draft", { id: string; applicantId: string }> = {} as never;

type P = { surname: string; givenName: string; patronymic?: string; email: string; phone?: string; district?: string; organisation?: string };

async function reviewer(p: P): Promise<Actor> {
  const [u] = await getDb()
    .insert(users)
    .values({ role: "reviewer", email: p.email, surname: p.surname, givenName: p.givenName, patronymic: p.patronymic, phone: p.phone, districtCode: p.district, organisation: p.organisation })
    .returning({ id: users.id });
  return { id: u.id, role: "reviewer" };
}

async function applicant(p: P, status: "submitted" | "in_review" | "draft" = "submitted", appDistrict?: string) {
  serial++;
  const district = (p.district ?? "ili") as never;
  const [u] = await getDb()
    .insert(users)
    .values({
      role: "applicant",
      email: p.email,
      surname: p.surname,
      givenName: p.givenName,
      patronymic: p.patronymic,
      phone: p.phone,
      organisation: p.organisation,
      iin: makeIin("2000-02-02", "female", serial),
      birthDate: "2000-02-02",
      districtCode: district,
      language: "kk",
    })
    .returning({ id: users.id });
  const id = await makeApplication(getDb(), { callId, applicantId: u.id, status, districtCode: (appDistrict ?? district) as never });
  return { id, applicantId: u.id };
}

async function audits(action: string) {
  return getDb()
    .select({ entityId: auditLog.entityId, actorId: auditLog.actorId, changes: auditLog.changes, changedFields: auditLog.changedFields })
    .from(auditLog)
    .where(eq(auditLog.action, action));
}

async function assign(reviewerId: string, applicationId: string) {
  const [a] = await getDb().insert(reviewAssignments).values({ callId, applicationId, reviewerId, assignedBy: admin.id }).returning({ id: reviewAssignments.id });
  return a.id;
}

async function assignmentStatus(id: string) {
  const [a] = await getDb().select({ status: reviewAssignments.status }).from(reviewAssignments).where(eq(reviewAssignments.id, id));
  return a.status;
}

const has = (pairs: { reviewerId: string; applicationId: string }[], r: Actor, appId: string) => pairs.some((p) => p.reviewerId === r.id && p.applicationId === appId);

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  callId = await makeCall(getDb());
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  r1 = await reviewer({ surname: "Тұрсынов", givenName: "Бақытжан", email: "b.tursynov@atameken.kz", district: "talgar", organisation: "«Атамекен» ҰКП Алматы облыстық палатасы" });
  r2 = await reviewer({ surname: "Ким", givenName: "Елена", email: "elena.kim@gmail.com", district: "ili", organisation: "Қазақ ұлттық аграрлық университеті" });
  r3 = await reviewer({ surname: "Сәрсенова", givenName: "Динара", patronymic: "Асқарқызы", email: "d.sarsenova@damu.kz", phone: "+77015551122", organisation: "«Даму» қоры" });
  A.a1 = await applicant({ surname: "Тұрсынова", givenName: "Айгүл", email: "aigul.t@mail.ru", district: "talgar" });
  A.a2 = await applicant({ surname: "Омаров", givenName: "Ерлан", email: "erlan.o@yandex.kz", organisation: "ТОО «Атамекен» ҰКП Алматы облыстық палатасы" });
  A.a3 = await applicant({ surname: "Жұмабаев", givenName: "Арман", email: "arman@atameken.kz" });
  A.a4 = await applicant({ surname: "Ли", givenName: "Виктор", email: "viktor.li@gmail.com", district: "ili" });
  A.a5 = await applicant({ surname: "Ахметов", givenName: "Нұрлан", email: "nurlan@mail.ru" }, "in_review");
  A.own = await applicant({ surname: "Сәрсенова", givenName: "Динара", email: "dinara.s@inbox.ru", phone: "+77015551122" });
  A.draft = await applicant({ surname: "Тұрсынов", givenName: "Даурен", email: "d@atameken.kz", district: "talgar" }, "draft");
});

describe("flags computed on seeded people", () => {
  it("raises each rule with its kind for the right pairs, and nothing on public mail domains", async () => {
    const rows = await listConflictFlags(admin, callId);
    const flagged = rows.filter((r) => r.source === "flagged");
    const of = (r: Actor) => flagged.filter((f) => f.reviewerId === r.id).map((f) => `${f.applicationId}:${f.kind}`).sort();
    expect(of(r1)).toEqual(
      [`${A.a1.id}:same_surname_district`, `${A.a2.id}:same_organisation`, `${A.a3.id}:shared_email_domain`].sort(),
    );
    // Kim shares gmail.com with A4 (and both live in Ili with different surnames): no flag.
    expect(of(r2)).toEqual([]);
    // Sarsenova applied to the call (same name and phone): flagged against every submitted application.
    expect(of(r3)).toEqual([A.a1, A.a2, A.a3, A.a4, A.a5, A.own].map((a) => `${a.id}:applied_same_call`).sort());
    expect(flagged.find((f) => f.reviewerId === r3.id)!.detail).toBe(A.own.id);
    // Drafts are not reviewable and are never flagged.
    expect(flagged.some((f) => f.applicationId === A.draft.id)).toBe(false);
    for (const f of flagged) {
      expect(f.status).toBe("pending");
      expect(f.conflictId).toBeNull();
      expect(f.reference).toMatch(/^JG-/);
    }
    const domainFlag = flagged.find((f) => f.kind === "shared_email_domain")!;
    expect(domainFlag.detail).toBe("atameken.kz");
    expect(domainFlag.reviewerName).toBe("Тұрсынов Бақытжан");
    expect(domainFlag.applicantName).toBe("Жұмабаев Арман");
  });

  it("pending flags exclude nothing unless asked", async () => {
    expect(has(await excludedPairs(callId), r1, A.a1.id)).toBe(false);
    const strict = await excludedPairs(callId, { includePendingFlags: true });
    expect(has(strict, r1, A.a1.id)).toBe(true);
    expect(has(strict, r3, A.a4.id)).toBe(true);
    expect(has(strict, r2, A.a4.id)).toBe(false);
  });

  it("listing and resolving are forbidden to a reviewer and an applicant", async () => {
    await expect(listConflictFlags(r1, callId)).rejects.toThrow(/forbidden/);
    await expect(listConflictFlags({ id: A.a1.applicantId, role: "applicant" }, callId)).rejects.toThrow(/forbidden/);
    const input = { applicationId: A.a3.id, reviewerId: r1.id, kind: "shared_email_domain" as const, decision: "dismiss" as const, reason: "Different departments, never met." };
    await expect(resolveFlag(r1, input)).rejects.toThrow(/forbidden/);
    await expect(resolveFlag({ id: A.a3.applicantId, role: "applicant" }, input)).rejects.toThrow(/forbidden/);
    expect((await getDb().select().from(conflicts)).length).toBe(0);
  });
});

describe("declarations", () => {
  it("a reviewer declares: confirmed at once, audited, excluded, isConflicted", async () => {
    expect(await isConflicted(r2.id, A.a5.id)).toBe(false);
    // Only an application one was assigned: another reviewer's is "not found", and nothing is written.
    expect(await declareConflict(r2, A.a5.id, { kind: "relative", note: "Менің немере інім." })).toEqual({ ok: false, code: "not_found" });
    expect(await audits("conflict.declare")).toHaveLength(0);
    // Assigned once and declined since: the declaration is still theirs to make.
    await getDb().insert(reviewAssignments).values({ callId, applicationId: A.a5.id, reviewerId: r2.id, assignedBy: admin.id, status: "declined", declineReason: "Уақытым жоқ" });
    const r = await declareConflict(r2, A.a5.id, { kind: "relative", note: "Менің немере інім." });
    // The declined assignment is closed as removed (cause: conflict).
    expect(r).toMatchObject({ ok: true, assignmentRemoved: true });
    expect(await isConflicted(r2.id, A.a5.id)).toBe(true);
    expect(has(await excludedPairs(callId), r2, A.a5.id)).toBe(true);
    const log = (await audits("conflict.declare")).filter((a) => a.actorId === r2.id);
    expect(log).toHaveLength(1);
    expect(log[0].changes).toMatchObject({ kind: "relative", status: "confirmed", applicationId: A.a5.id });
    expect(log[0].changedFields).toContain("note");
    expect(JSON.stringify(log[0].changes)).not.toContain("немере");
    const row = (await listConflictFlags(admin, callId)).find((x) => x.source === "declared" && x.reviewerId === r2.id)!;
    expect(row).toMatchObject({ kind: "relative", status: "confirmed", note: "Менің немере інім.", applicationId: A.a5.id });
  });

  it("a declared conflict removes an existing assignment in the same transaction, audited", async () => {
    const assignmentId = await assign(r2.id, A.a4.id);
    const r = await declareConflict(r2, A.a4.id, { kind: "colleague", note: "" });
    expect(r).toMatchObject({ ok: true, assignmentRemoved: true });
    expect(await assignmentStatus(assignmentId)).toBe("removed");
    const removal = (await audits("assignment.remove")).find((a) => a.entityId === assignmentId)!;
    expect(removal.changes).toMatchObject({ status: { from: "assigned", to: "removed" }, cause: "conflict", conflictId: (r as { conflictId: string }).conflictId });
    const xids = await getDb().execute<{ xid: string }>(sql`
      SELECT xmin::text AS xid FROM review_assignments WHERE id = ${assignmentId}
      UNION ALL SELECT xmin::text FROM conflicts WHERE id = ${(r as { conflictId: string }).conflictId}
      UNION ALL SELECT xmin::text FROM audit_log WHERE action IN ('assignment.remove', 'conflict.declare') AND entity_id IN (${assignmentId}, ${(r as { conflictId: string }).conflictId})`);
    expect(xids.rows).toHaveLength(4);
    expect(new Set(xids.rows.map((x) => x.xid)).size).toBe(1);
    // Declaring again is idempotent: the same row, nothing more to remove.
    const again = await declareConflict(r2, A.a4.id, { kind: "colleague", note: "Бір бөлімде жұмыс істейміз." });
    expect(again).toMatchObject({ ok: true, conflictId: (r as { conflictId: string }).conflictId, assignmentRemoved: false });
  });

  it("validates the declaration and refuses drafts and unknown ids", async () => {
    expect(await declareConflict(r1, A.a5.id, { kind: "other" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { note: "noteRequired" } });
    expect(await declareConflict(r1, A.a5.id, { kind: "enemy" as never })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { kind: "kindRequired" } });
    expect(await declareConflict(r1, A.a5.id, { kind: "relative", note: "x".repeat(1001) })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { note: "noteTooLong" } });
    expect(await declareConflict(r1, A.draft.id, { kind: "relative" })).toEqual({ ok: false, code: "not_found" });
    expect(await declareConflict(r1, "00000000-0000-4000-8000-000000000000", { kind: "relative" })).toEqual({ ok: false, code: "not_found" });
    expect(await isConflicted(r1.id, A.a5.id)).toBe(false);
  });

  it("a declaration made while an assignment is being created (both lock the application row) still removes it", async () => {
    const c = await connect("app");
    try {
      await c.query("BEGIN");
      // The assigner's protocol: lock the application, check isConflicted, insert. (The declaration
      // waits on that lock twice over: its own FOR UPDATE and the foreign-key check of its insert.)
      await c.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [A.a4.id]);
      const pending = declareConflict(r1, A.a4.id, { kind: "colleague" });
      await new Promise((r) => setTimeout(r, 300));
      const { rows } = await c.query("SELECT 1 FROM conflicts WHERE reviewer_id = $1 AND application_id = $2 AND status = 'confirmed'", [r1.id, A.a4.id]);
      expect(rows).toHaveLength(0);
      const ins = await c.query("INSERT INTO review_assignments (call_id, application_id, reviewer_id) VALUES ($1, $2, $3) RETURNING id", [callId, A.a4.id, r1.id]);
      await c.query("COMMIT");
      const r = await pending;
      expect(r).toMatchObject({ ok: true, assignmentRemoved: true });
      expect(await assignmentStatus(ins.rows[0].id)).toBe("removed");
    } finally {
      await c.end();
    }
  });

  it("declaring is forbidden to an admin and an applicant (a reviewer is allowed, above)", async () => {
    await expect(declareConflict(admin, A.a5.id, { kind: "relative" })).rejects.toThrow(/forbidden/);
    await expect(declareConflict({ id: A.a5.applicantId, role: "applicant" }, A.a5.id, { kind: "relative" })).rejects.toThrow(/forbidden/);
  });
});

describe("the admin resolves flags", () => {
  it("dismiss with a reason: logged, listed as dismissed, excludes nothing", async () => {
    const reason = "Different departments of a large organisation; they have never worked together.";
    const r = await resolveFlag(admin, { applicationId: A.a3.id, reviewerId: r1.id, kind: "shared_email_domain", decision: "dismiss", reason });
    expect(r).toMatchObject({ ok: true, status: "dismissed", assignmentRemoved: false });
    const id = (r as { conflictId: string }).conflictId;
    const [row] = await getDb().select().from(conflicts).where(eq(conflicts.id, id));
    expect(row).toMatchObject({ source: "flagged", kind: "shared_email_domain", status: "dismissed", decidedBy: admin.id, decisionReason: reason, note: "atameken.kz" });
    const log = (await audits("conflict.dismiss")).filter((a) => a.entityId === id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: admin.id, changes: { status: { from: "pending", to: "dismissed" }, kind: "shared_email_domain", reviewerId: r1.id, applicationId: A.a3.id } });
    expect(log[0].changedFields).toContain("decisionReason");
    const listed = (await listConflictFlags(admin, callId)).find((x) => x.conflictId === id)!;
    expect(listed).toMatchObject({ status: "dismissed", decisionReason: reason, detected: true });
    expect(await isConflicted(r1.id, A.a3.id)).toBe(false);
    expect(has(await excludedPairs(callId, { includePendingFlags: true }), r1, A.a3.id)).toBe(false);
  });

  it("confirm: removes the pair's assignment in the same transaction, excluded from then on", async () => {
    const assignmentId = await assign(r1.id, A.a1.id);
    const r = await resolveFlag(admin, { applicationId: A.a1.id, reviewerId: r1.id, kind: "same_surname_district", decision: "confirm", reason: "Сіңлісі екені расталды." });
    expect(r).toMatchObject({ ok: true, status: "confirmed", assignmentRemoved: true });
    expect(await assignmentStatus(assignmentId)).toBe("removed");
    expect(await isConflicted(r1.id, A.a1.id)).toBe(true);
    expect(has(await excludedPairs(callId), r1, A.a1.id)).toBe(true);
    expect((await audits("conflict.confirm")).length).toBe(1);
  });

  it("a decision can be changed later, each one audited", async () => {
    const base = { applicationId: A.a2.id, reviewerId: r1.id, kind: "same_organisation" as const };
    const first = await resolveFlag(admin, { ...base, decision: "dismiss", reason: "Left the organisation in 2024." });
    const second = await resolveFlag(admin, { ...base, decision: "confirm", reason: "Still on its board, per the registry." });
    expect((second as { conflictId: string }).conflictId).toBe((first as { conflictId: string }).conflictId);
    const log = (await audits("conflict.confirm")).filter((a) => a.entityId === (second as { conflictId: string }).conflictId);
    expect(log[0].changes).toMatchObject({ status: { from: "dismissed", to: "confirmed" } });
    expect(await isConflicted(r1.id, A.a2.id)).toBe(true);
  });

  it("refuses a flag the rules do not raise, and a missing or short reason", async () => {
    expect(await resolveFlag(admin, { applicationId: A.a4.id, reviewerId: r2.id, kind: "shared_email_domain", decision: "confirm", reason: "Both on gmail." })).toEqual({ ok: false, code: "not_found" });
    expect(await resolveFlag(admin, { applicationId: A.a4.id, reviewerId: r3.id, kind: "applied_same_call", decision: "confirm", reason: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: "reasonRequired" },
    });
    expect(await isConflicted(r3.id, A.a4.id)).toBe(false);
    const ok = await resolveFlag(admin, { applicationId: A.a4.id, reviewerId: r3.id, kind: "applied_same_call", decision: "confirm", reason: "She applied to this call herself." });
    expect(ok).toMatchObject({ ok: true, status: "confirmed" });
    expect(await isConflicted(r3.id, A.a4.id)).toBe(true);
  });
});

