import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applicationRevisions, applications, auditLog, calls, outbox, programmes, reviewAssignments, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { businessPlan } from "@/db/seed/plans";
import { Rng } from "@/db/seed/util";
import { resetClock, setClock } from "@/lib/clock";
import { makeIin } from "@/lib/domain/iin";
import type { FileKind } from "@/lib/files/check";
import {
  applicationTimeline,
  getApplyPage,
  getMyApplication,
  reopenApplication,
  saveDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
  type Actor,
} from "./applications";
import { addAttachment, deleteAttachment, readAttachment } from "./attachments";
import { listMyApplicationsWithProgramme } from "./my-applications";
import { sendDeadlineReminders } from "./reminders";

let callId: string;
let closesAt: Date;
let awardAmount: number;
let serial = 500;

async function makeApplicant(opts: { birthDate?: string; verified?: boolean; district?: string } = {}): Promise<Actor> {
  serial++;
  const birthDate = opts.birthDate ?? "1999-04-04";
  const [u] = await getDb()
    .insert(users)
    .values({
      email: `app${serial}@example.kz`,
      role: "applicant",
      surname: "Тестов",
      givenName: "Тест",
      iin: makeIin(birthDate, "male", serial),
      birthDate,
      sex: "male",
      phone: "+77010000000",
      districtCode: opts.district ?? "ili",
      language: "kk",
      emailVerifiedAt: opts.verified === false ? null : new Date(),
    })
    .returning({ id: users.id });
  return { id: u.id, role: "applicant" };
}

function fullPlan() {
  return businessPlan(new Rng(serial), { lang: "kk", districtCode: "ili", awardAmount, certificateYear: 2026 }).data;
}

beforeAll(async () => {
  await seed({ demo: true, log: () => undefined });
  const [c] = await getDb()
    .select({ id: calls.id, closesAt: calls.closesAt, awardAmount: calls.awardAmount })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(eq(programmes.code, "biznes_bastau"), sql`${calls.closesAt} > now()`));
  callId = c.id;
  closesAt = c.closesAt;
  awardAmount = c.awardAmount;
});
afterEach(() => resetClock());

describe("eligibility and starting an application", () => {
  it("asks Бизнес бастау applicants for the training certificate, then starts one draft only", async () => {
    const me = await makeApplicant();
    const page = await getApplyPage(me, callId);
    expect(page!.eligible).toBe(false);
    expect(page!.reasons.map((r) => r.code)).toEqual(["certificate_missing"]);
    const refused = await startApplication(me, callId, {});
    expect(refused).toMatchObject({ ok: false, code: "ineligible" });
    const [a, b] = await Promise.all([
      startApplication(me, callId, { trainingCertificate: "BB-2026/0415" }),
      startApplication(me, callId, { trainingCertificate: "BB-2026/0415" }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.applicationId).toBe(b.applicationId);
    const rows = await getDb().select().from(applications).where(eq(applications.applicantId, me.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toEqual({ training: { certificateNumber: "BB-2026/0415" } });
  });

  it("refuses a 40-year-old with the reason, and writes nothing", async () => {
    const me = await makeApplicant({ birthDate: "1985-01-01" });
    const r = await startApplication(me, callId, { trainingCertificate: "BB-1" + "234" });
    expect(r).toMatchObject({ ok: false, code: "ineligible" });
    if (r.ok || r.code !== "ineligible") return;
    expect(r.reasons.map((x) => x.code)).toContain("age_above");
    expect(await getDb().select().from(applications).where(eq(applications.applicantId, me.id))).toHaveLength(0);
  });

  it("is for applicants only (a reviewer or admin is refused in the data layer)", async () => {
    await expect(startApplication({ id: "00000000-0000-4000-8000-000000000001", role: "reviewer" }, callId, {})).rejects.toThrow(/forbidden/);
    await expect(getApplyPage({ id: "00000000-0000-4000-8000-000000000001", role: "admin" }, callId)).rejects.toThrow(/forbidden/);
  });
});

async function draftFor(me: Actor): Promise<string> {
  const r = await startApplication(me, callId, { trainingCertificate: "BB-2026/0001" });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.applicationId;
}

describe("autosave with the version guard", () => {
  it("saves, refuses a stale tab with the current version, and never touches another's draft", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    const first = await saveDraft(me, id, 1, { training: { certificateNumber: "BB-2026/0001" }, idea: { idea: "Нан пісіру цехы" } });
    expect(first).toMatchObject({ ok: true, version: 2 });
    const stale = await saveDraft(me, id, 1, { idea: { idea: "overwrite" } });
    expect(stale).toEqual({ ok: false, code: "conflict", version: 2 });
    const [row] = await getDb().select({ data: applications.data }).from(applications).where(eq(applications.id, id));
    expect(row.data.idea).toEqual({ idea: "Нан пісіру цехы" });

    const other = await makeApplicant();
    expect(await saveDraft(other, id, 2, { idea: { idea: "hijack" } })).toEqual({ ok: false, code: "not_found" });
    expect(await getMyApplication(other, id)).toBeNull();
    expect(await applicationTimeline(other, id)).toBeNull();
  });

  it("refuses a save at or after the deadline", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    setClock(new Date(closesAt.getTime()));
    expect(await saveDraft(me, id, 1, { idea: { idea: "late" } })).toEqual({ ok: false, code: "deadline_passed" });
  });
});

describe("submitting", () => {
  it("refuses an unverified e-mail and an incomplete plan, writing nothing", async () => {
    const unverified = await makeApplicant({ verified: false });
    const id1 = await draftFor(unverified);
    await saveDraft(unverified, id1, 1, fullPlan());
    expect(await submitApplication(unverified, id1)).toEqual({ ok: false, code: "email_unverified" });

    const me = await makeApplicant();
    const id = await draftFor(me);
    const r = await submitApplication(me, id);
    expect(r).toMatchObject({ ok: false, code: "incomplete" });
    if (!r.ok && r.code === "incomplete") expect(r.issues.length).toBeGreaterThan(3);
    expect(await getDb().select().from(applicationRevisions).where(eq(applicationRevisions.applicationId, id))).toHaveLength(0);
    const [a] = await getDb().select({ s: applications.status }).from(applications).where(eq(applications.id, id));
    expect(a.s).toBe("draft");
  });

  it("refuses a budget that does not add up to the award", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    const plan = fullPlan();
    const lines = (plan.budget as { lines: { item: string; quantity: number; unitPrice: number; amount: number }[] }).lines;
    lines[0] = { ...lines[0], unitPrice: lines[0].unitPrice + 1, amount: (lines[0].unitPrice + 1) * lines[0].quantity };
    await saveDraft(me, id, 1, plan);
    const r = await submitApplication(me, id);
    expect(r).toMatchObject({ ok: false, code: "incomplete" });
    if (!r.ok && r.code === "incomplete") expect(r.issues.map((i) => i.message)).toContain("budgetTotalMismatch");
  });

  it("freezes one revision, audits, e-mails; a double click makes no second submission", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    await saveDraft(me, id, 1, fullPlan());
    const [a, b] = await Promise.all([submitApplication(me, id), submitApplication(me, id)]);
    expect([a, b].filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1);
    expect([a, b].filter((r) => r.ok && r.alreadySubmitted)).toHaveLength(1);
    const revs = await getDb().select().from(applicationRevisions).where(eq(applicationRevisions.applicationId, id));
    expect(revs).toHaveLength(1);
    expect(revs[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await getDb().select().from(applications).where(eq(applications.id, id));
    expect(row.status).toBe("submitted");
    expect(row.jobsCreated).toBeGreaterThan(0);
    const actions = (await getDb().select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((x) => x.a);
    expect(actions.filter((x) => x === "application.submit")).toHaveLength(1);
    const mails = await getDb().select().from(outbox).where(and(eq(outbox.userId, me.id), eq(outbox.template, "application_submitted")));
    expect(mails).toHaveLength(1);
    const timeline = await applicationTimeline(me, id);
    expect(timeline!.map((t) => t.action)).toEqual(["application.create", "application.submit"]);
    expect((await listMyApplicationsWithProgramme(me)).map((x) => x.status)).toEqual(["submitted"]);
  });

  it("a form opened before the deadline and sent after it is refused", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    await saveDraft(me, id, 1, fullPlan());
    setClock(new Date(closesAt.getTime() + 1000));
    expect(await submitApplication(me, id)).toEqual({ ok: false, code: "deadline_passed" });
  });

  it("withdraw, reopen and submit again make revision 2; after the deadline withdrawing is refused", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    await saveDraft(me, id, 1, fullPlan());
    await submitApplication(me, id);
    expect(await withdrawApplication(me, id)).toEqual({ ok: true });
    expect(await reopenApplication(me, id)).toEqual({ ok: true });
    expect(await submitApplication(me, id)).toMatchObject({ ok: true, revision: 2 });
    setClock(new Date(closesAt.getTime()));
    expect(await withdrawApplication(me, id)).toEqual({ ok: false, code: "deadline_passed" });
  });
});

const pdf: FileKind = { mime: "application/pdf", ext: "pdf" };
const file = (n: number) => ({ fileName: `quote-${n}.pdf`, kind: pdf, content: Buffer.from(`%PDF-1.4 quote ${n}`) });

describe("attachments", () => {
  it("at most five, even when seven arrive at once; the owner may delete while a draft", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => addAttachment(me, id, file(i))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["too_many", "too_many"]);
    const first = results.find((r) => r.ok);
    if (!first || !first.ok) return;
    expect(await deleteAttachment(me, first.attachment.id)).toEqual({ ok: true });
    expect((await addAttachment(me, id, file(9))).ok).toBe(true);
  });

  it("downloads: the owner and an admin yes (the admin's read is audited); another applicant and an unassigned reviewer get nothing", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    const r = await addAttachment(me, id, file(1));
    if (!r.ok) throw new Error("upload failed");
    const fid = r.attachment.id;
    expect((await readAttachment(me, fid))!.content.toString()).toBe("%PDF-1.4 quote 1");
    const other = await makeApplicant();
    expect(await readAttachment(other, fid)).toBeNull();
    expect(await addAttachment(other, id, file(2))).toEqual({ ok: false, code: "not_found" });
    expect(await deleteAttachment(other, fid)).toEqual({ ok: false, code: "not_found" });
    const [admin] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, "admin@jasgrant.demo"));
    expect((await readAttachment({ id: admin.id, role: "admin" }, fid))!.fileName).toBe("quote-1.pdf");
    const reads = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "attachment.read"), eq(auditLog.entityId, id)));
    expect(reads).toHaveLength(1);
    const [rev] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, "reviewer1@jasgrant.demo"));
    expect(await readAttachment({ id: rev.id, role: "reviewer" }, fid)).toBeNull();
    // Assigned: allowed.
    await getDb().insert(reviewAssignments).values({ callId, applicationId: id, reviewerId: rev.id });
    expect(await readAttachment({ id: rev.id, role: "reviewer" }, fid)).not.toBeNull();
  });

  it("no files once submitted", async () => {
    const me = await makeApplicant();
    const id = await draftFor(me);
    await saveDraft(me, id, 1, fullPlan());
    await submitApplication(me, id);
    expect(await addAttachment(me, id, file(1))).toEqual({ ok: false, code: "not_draft" });
  });
});

describe("deadline reminders", () => {
  it("3 days and 1 day before, once each, only for drafts", async () => {
    const me = await makeApplicant();
    await draftFor(me);
    setClock(new Date(closesAt.getTime() - 2.5 * 86_400_000));
    const first = await sendDeadlineReminders();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect((await sendDeadlineReminders()).sent).toBe(0);
    setClock(new Date(closesAt.getTime() - 12 * 3_600_000));
    expect((await sendDeadlineReminders()).sent).toBeGreaterThanOrEqual(1);
    const mine = await getDb().select({ p: outbox.payload }).from(outbox).where(and(eq(outbox.userId, me.id), eq(outbox.template, "deadline_reminder")));
    expect(mine.map((m) => (m.p as { days: number }).days).sort()).toEqual([1, 3]);
  });
});

describe("my data", () => {
  it("exports everything about me, and nothing about another applicant", async () => {
    const { exportMyData } = await import("./my-data");
    const me = await makeApplicant();
    const id = await draftFor(me);
    await saveDraft(me, id, 1, { idea: { idea: "Менің идеям" } });
    const other = await makeApplicant();
    await draftFor(other);
    const data = await exportMyData(me);
    expect(data.profile.iin).toMatch(/^\d{12}$/);
    expect(data.applications.map((a) => a.id)).toEqual([id]);
    expect(data.applications[0].data).toEqual({ training: { certificateNumber: "BB-2026/0001" }, idea: { idea: "Менің идеям" } });
    expect(JSON.stringify(data)).not.toContain(other.id);
  });

  it("deletes at once without submissions (anonymised, drafts gone); keeps a submission in an open call and says until when", async () => {
    const { deleteMyAccount } = await import("./my-data");
    const me = await makeApplicant();
    const id = await draftFor(me);
    expect(await deleteMyAccount(me)).toEqual({ ok: true });
    const [u] = await getDb().select().from(users).where(eq(users.id, me.id));
    expect(u).toMatchObject({ iin: null, phone: null, birthDate: null, active: false, surname: "—" });
    expect(u.anonymisedAt).not.toBeNull();
    expect(await getDb().select().from(applications).where(eq(applications.id, id))).toHaveLength(0);

    const keeper = await makeApplicant();
    const kid = await draftFor(keeper);
    await saveDraft(keeper, kid, 1, fullPlan());
    await submitApplication(keeper, kid);
    const r = await deleteMyAccount(keeper);
    expect(r).toMatchObject({ ok: false, code: "must_keep", reasons: ["submitted_in_open_call"] });
    const [still] = await getDb().select({ iin: users.iin }).from(users).where(eq(users.id, keeper.id));
    expect(still.iin).not.toBeNull();
  });
});
