import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, auditLog, outbox, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { applicationTimeline, getMyApplication, type Actor } from "./applications";
import { listAwaitingScreening, screenApplication } from "./screening";

let callId: string;
let admin: Actor;
let admin2: Actor;
let reviewer: Actor;

const REASON = "Өтініш беруші конкурс жабылған күні 35 жастан асқан.";

async function submitted(language: "kk" | "ru" | "en" = "kk") {
  const applicantId = await makeApplicant(getDb());
  await getDb().update(users).set({ language }).where(eq(users.id, applicantId));
  const id = await makeApplication(getDb(), { callId, applicantId, status: "submitted" });
  await getDb().update(applications).set({ submittedAt: new Date() }).where(eq(applications.id, id));
  return { id, applicantId };
}

async function audits(applicationId: string) {
  return getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, changes: auditLog.changes, changedFields: auditLog.changedFields })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "application"), eq(auditLog.entityId, applicationId)));
}

async function mails(userId: string) {
  return getDb()
    .select({ template: outbox.template, language: outbox.language, toEmail: outbox.toEmail, payload: outbox.payload })
    .from(outbox)
    .where(eq(outbox.userId, userId));
}

async function row(id: string) {
  const [r] = await getDb().select().from(applications).where(eq(applications.id, id));
  return r;
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  callId = await makeCall(getDb());
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  admin2 = { id: await makeUser(getDb(), "admin"), role: "admin" };
  reviewer = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
});

describe("the screening queue", () => {
  it("lists the call's submitted applications for an admin, not drafts or screened ones", async () => {
    const a = await submitted();
    const draftId = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()) });
    const rows = await listAwaitingScreening(admin, callId);
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(draftId);
    const mine = rows.find((r) => r.id === a.id)!;
    expect(mine.reference).toMatch(/^JG-[0-9A-F]{8}$/);
    expect(Object.keys(mine)).not.toContain("iin");
    await screenApplication(admin, a.id, { decision: "pass" });
    expect((await listAwaitingScreening(admin, callId)).map((r) => r.id)).not.toContain(a.id);
  });

  it("is forbidden to a reviewer and to an applicant", async () => {
    await expect(listAwaitingScreening(reviewer, callId)).rejects.toThrow(/forbidden/);
    await expect(listAwaitingScreening({ id: await makeApplicant(getDb()), role: "applicant" }, callId)).rejects.toThrow(/forbidden/);
  });
});

describe("screenApplication", () => {
  it("pass: in_review, screenedBy set, one audit row, no e-mail", async () => {
    const a = await submitted();
    const r = await screenApplication(admin, a.id, { decision: "pass" });
    expect(r).toEqual({ ok: true, status: "in_review" });
    const app = await row(a.id);
    expect(app.status).toBe("in_review");
    expect(app.screenedBy).toBe(admin.id);
    expect(app.screeningReason).toBeNull();
    const log = await audits(a.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "application.screen_pass", actorId: admin.id, changes: { status: { from: "submitted", to: "in_review" } } });
    expect(await mails(a.applicantId)).toHaveLength(0);
  });

  it("refuse: ineligible with the reason, audit row (field name only) and the e-mail in the applicant's language", async () => {
    const a = await submitted("ru");
    const r = await screenApplication(admin, a.id, { decision: "refuse", reason: `  ${REASON}  ` });
    expect(r).toEqual({ ok: true, status: "ineligible" });
    const app = await row(a.id);
    expect(app.status).toBe("ineligible");
    expect(app.screeningReason).toBe(REASON);
    const log = await audits(a.id);
    expect(log).toHaveLength(1);
    expect(log[0].action).toBe("application.screen_refuse");
    expect(log[0].changedFields).toContain("screeningReason");
    expect(JSON.stringify(log[0].changes)).not.toContain(REASON);
    const m = await mails(a.applicantId);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ template: "screening_refused", language: "ru", payload: { reason: REASON } });
    expect(m[0].toEmail).toMatch(/@test\.jasgrant\.demo$/);
    // The status change, its audit row and the e-mail were written by one and the same transaction.
    const xids = await getDb().execute<{ xid: string }>(sql`
      SELECT xmin::text AS xid FROM applications WHERE id = ${a.id}
      UNION ALL SELECT xmin::text FROM audit_log WHERE entity_type = 'application' AND entity_id = ${a.id}
      UNION ALL SELECT xmin::text FROM outbox WHERE user_id = ${a.applicantId}`);
    expect(xids.rows).toHaveLength(3);
    expect(new Set(xids.rows.map((r) => r.xid)).size).toBe(1);
    // The applicant sees the reason on their application page and timeline.
    const mine = await getMyApplication({ id: a.applicantId, role: "applicant" }, a.id);
    expect(mine).toMatchObject({ status: "ineligible", screeningReason: REASON });
    const timeline = await applicationTimeline({ id: a.applicantId, role: "applicant" }, a.id);
    expect(timeline!.map((e) => e.status)).toContain("ineligible");
  });

  it("refuse without a reason (or a too short one) is refused and writes nothing", async () => {
    const a = await submitted();
    for (const input of [{ decision: "refuse" }, { decision: "refuse", reason: "   " }, { decision: "refuse", reason: "short" }, { decision: "maybe" }]) {
      const r = await screenApplication(admin, a.id, input as never);
      expect(r).toMatchObject({ ok: false, code: "invalid" });
    }
    const tooLong = await screenApplication(admin, a.id, { decision: "refuse", reason: "x".repeat(2001) });
    expect(tooLong).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: "reasonTooLong" } });
    expect((await row(a.id)).status).toBe("submitted");
    expect(await audits(a.id)).toHaveLength(0);
    expect(await mails(a.applicantId)).toHaveLength(0);
  });

  it("unknown ids answer not_found and drafts invalid_transition, writing nothing", async () => {
    expect(await screenApplication(admin, "00000000-0000-4000-8000-000000000000", { decision: "pass" })).toEqual({ ok: false, code: "not_found" });
    expect(await screenApplication(admin, "not-a-uuid", { decision: "pass" })).toEqual({ ok: false, code: "not_found" });
    const applicantId = await makeApplicant(getDb());
    const draftId = await makeApplication(getDb(), { callId, applicantId });
    expect(await screenApplication(admin, draftId, { decision: "refuse", reason: REASON })).toEqual({ ok: false, code: "invalid_transition", status: "draft" });
    expect(await mails(applicantId)).toHaveLength(0);
    expect(await audits(draftId)).toHaveLength(0);
  });

  it("a second screening of a screened application answers conflict and changes nothing", async () => {
    const a = await submitted();
    await screenApplication(admin, a.id, { decision: "pass" });
    const again = await screenApplication(admin2, a.id, { decision: "refuse", reason: REASON });
    expect(again).toEqual({ ok: false, code: "conflict", status: "in_review" });
    expect((await row(a.id)).status).toBe("in_review");
    expect(await audits(a.id)).toHaveLength(1);
    expect(await mails(a.applicantId)).toHaveLength(0);
  });

  it("concurrent screenings of one application: exactly one wins, the others get conflict", async () => {
    const apps = await Promise.all([submitted(), submitted(), submitted(), submitted()]);
    for (const a of apps) {
      const attempts = Array.from({ length: 8 }, (_, i) =>
        screenApplication(i % 2 ? admin : admin2, a.id, i % 3 === 0 ? { decision: "pass" } : { decision: "refuse", reason: `${REASON} #${i}` }),
      );
      const results = await Promise.all(attempts);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(7);
      const final = await row(a.id);
      expect(final.status).toBe((winners[0] as { status: string }).status);
      expect(final.version).toBe(2);
      const log = await audits(a.id);
      expect(log).toHaveLength(1);
      expect(await mails(a.applicantId)).toHaveLength(final.status === "ineligible" ? 1 : 0);
    }
  });

  it("is forbidden to a reviewer and to an applicant (even on their own application), next to the admin's allowed", async () => {
    const a = await submitted();
    await expect(screenApplication(reviewer, a.id, { decision: "pass" })).rejects.toThrow(/forbidden/);
    await expect(screenApplication({ id: a.applicantId, role: "applicant" }, a.id, { decision: "pass" })).rejects.toThrow(/forbidden/);
    expect((await row(a.id)).status).toBe("submitted");
    expect(await audits(a.id)).toHaveLength(0);
    expect(await screenApplication(admin, a.id, { decision: "pass" })).toEqual({ ok: true, status: "in_review" });
  });
});

