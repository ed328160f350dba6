import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applicationRevisions, applications, attachments, auditLog, fileBlobs, outbox, reviewAssignments, reviews, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { Actor } from "./applications";
import { adminApplicationView, reopenReview } from "./review-admin";

let admin: Actor;
let admin2: Actor;
let callId: string;
const R: string[] = [];
const REASON = "Бағалар түсініктемесіз қойылған, 3-критерийді қайта қараңыз.";
/** A surname no other fixture has: it must never reach the reviewer's e-mail or the audit log. */
const APPLICANT_SURNAME = "Құпиятаева";

class Boom extends Error {}

async function applicationWithReviews(status: "in_review" | "reviewed" | "awarded", kinds: ("submitted" | "draft")[] = ["submitted", "submitted", "submitted"]) {
  const applicantId = await makeApplicant(getDb());
  await getDb().update(users).set({ surname: APPLICANT_SURNAME, givenName: "Әсел" }).where(eq(users.id, applicantId));
  const applicationId = await makeApplication(getDb(), { callId, applicantId, status });
  const ids: { assignmentId: string; reviewId: string }[] = [];
  for (const [i, kind] of kinds.entries()) {
    const [a] = await getDb().insert(reviewAssignments).values({ callId, applicationId, reviewerId: R[i], status: "assigned" }).returning({ id: reviewAssignments.id });
    const submitted = kind === "submitted";
    const [r] = await getDb()
      .insert(reviews)
      .values({ assignmentId: a.id, applicationId, reviewerId: R[i], status: kind, total: submitted ? 60 + i : null, submittedAt: submitted ? new Date() : null })
      .returning({ id: reviews.id });
    ids.push({ assignmentId: a.id, reviewId: r.id });
  }
  return { applicationId, applicantId, ids };
}

async function reviewRow(id: string) {
  const [r] = await getDb().select().from(reviews).where(eq(reviews.id, id));
  return r;
}
async function appStatus(id: string) {
  const [a] = await getDb().select({ status: applications.status }).from(applications).where(eq(applications.id, id));
  return a.status;
}
async function audits(entityIds: string[]) {
  return getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, entityType: auditLog.entityType, entityId: auditLog.entityId, changes: auditLog.changes, changedFields: auditLog.changedFields })
    .from(auditLog)
    .where(inArray(auditLog.entityId, entityIds));
}
async function mails(userId: string) {
  return getDb()
    .select({ template: outbox.template, language: outbox.language, toEmail: outbox.toEmail, payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.template, "review_reopened")));
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  callId = await makeCall(getDb());
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  admin2 = { id: await makeUser(getDb(), "admin"), role: "admin" };
  const languages = ["ru", "kk", "en"] as const;
  for (const language of languages) {
    const id = await makeUser(getDb(), "reviewer");
    await getDb().update(users).set({ language }).where(eq(users.id, id));
    R.push(id);
  }
});

describe("reopenReview", () => {
  it("sends a submitted review back as a draft, moves a reviewed application back to review, audits and e-mails the reviewer", async () => {
    const { applicationId, ids } = await applicationWithReviews("reviewed");
    const { reviewId, assignmentId } = ids[0];
    const before = await reviewRow(reviewId);
    const mailsBefore = (await mails(R[0])).length;

    const r = await reopenReview(admin, reviewId, `  ${REASON}  `);
    expect(r).toEqual({ ok: true, reviewId, applicationId, version: before.version + 1 });

    const after = await reviewRow(reviewId);
    expect(after).toMatchObject({ status: "draft", total: null, submittedAt: null, reopenedBy: admin.id, reopenReason: REASON, version: before.version + 1 });
    expect(after.reopenedAt).toBeInstanceOf(Date);
    // The other reviews are untouched; the application is in review again.
    expect(await reviewRow(ids[1].reviewId)).toMatchObject({ status: "submitted", total: 61 });
    expect(await appStatus(applicationId)).toBe("in_review");

    const rows = await audits([reviewId, applicationId]);
    const reopen = rows.filter((a) => a.action === "review.reopen");
    expect(reopen).toHaveLength(1);
    expect(reopen[0]).toMatchObject({ actorId: admin.id, entityType: "review", entityId: reviewId });
    expect(reopen[0].changes).toMatchObject({ reason: REASON, status: { from: "submitted", to: "draft" }, total: { from: 60, to: null }, applicationId, reviewerId: R[0] });
    expect(rows.filter((a) => a.action === "application.reopen_review")).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(APPLICANT_SURNAME);

    const sent = await mails(R[0]);
    expect(sent).toHaveLength(mailsBefore + 1);
    const mail = sent.at(-1)!;
    expect(mail.language).toBe("ru");
    expect(mail.toEmail).toMatch(/@test\.jasgrant\.demo$/);
    expect(mail.payload).toMatchObject({ reference: `JG-${applicationId.replace(/-/g, "").slice(0, 8).toUpperCase()}`, reason: REASON, url: `http://localhost:3000/review/${assignmentId}` });
    expect(JSON.stringify(mail.payload)).not.toContain(APPLICANT_SURNAME);
  });

  it("leaves an application in review where it is (no workflow transition)", async () => {
    const { applicationId, ids } = await applicationWithReviews("in_review", ["submitted", "draft"]);
    expect(await reopenReview(admin, ids[0].reviewId, REASON)).toMatchObject({ ok: true });
    expect(await appStatus(applicationId)).toBe("in_review");
    const rows = await audits([applicationId]);
    expect(rows.filter((a) => a.action === "application.reopen_review")).toHaveLength(0);
    expect((await mails(R[0])).at(-1)?.language).toBe("ru");
  });

  it("refuses a draft, a review reopened already, an unknown id and a short reason, writing nothing", async () => {
    const { applicationId, ids } = await applicationWithReviews("in_review", ["submitted", "draft"]);
    const mailsBefore = (await mails(R[1])).length;
    expect(await reopenReview(admin, ids[1].reviewId, REASON)).toEqual({ ok: false, code: "not_submitted" });
    expect(await reopenReview(admin, "00000000-0000-4000-8000-000000000000", REASON)).toEqual({ ok: false, code: "not_found" });
    expect(await reopenReview(admin, "not-a-uuid", REASON)).toEqual({ ok: false, code: "not_found" });
    expect(await reopenReview(admin, ids[0].reviewId, "Қысқа")).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: "reasonTooShort" } });
    expect(await reopenReview(admin, ids[0].reviewId, "   ")).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: "reasonRequired" } });
    expect(await reviewRow(ids[0].reviewId)).toMatchObject({ status: "submitted", total: 60, version: 1 });
    expect(await audits([ids[0].reviewId, ids[1].reviewId, applicationId])).toEqual([]);
    expect(await mails(R[1])).toHaveLength(mailsBefore);

    // Reopened once: a second reopen is refused.
    expect(await reopenReview(admin, ids[0].reviewId, REASON)).toMatchObject({ ok: true });
    expect(await reopenReview(admin2, ids[0].reviewId, REASON)).toEqual({ ok: false, code: "not_submitted" });
    expect((await audits([ids[0].reviewId])).filter((a) => a.action === "review.reopen")).toHaveLength(1);
  });

  it("refuses the review of a removed assignment and of a decided application", async () => {
    const removed = await applicationWithReviews("in_review");
    await getDb().update(reviewAssignments).set({ status: "removed" }).where(eq(reviewAssignments.id, removed.ids[0].assignmentId));
    expect(await reopenReview(admin, removed.ids[0].reviewId, REASON)).toEqual({ ok: false, code: "assignment_inactive" });
    const decided = await applicationWithReviews("awarded");
    expect(await reopenReview(admin, decided.ids[0].reviewId, REASON)).toEqual({ ok: false, code: "application_decided", status: "awarded" });
    expect(await reviewRow(decided.ids[0].reviewId)).toMatchObject({ status: "submitted" });
    expect(await audits([removed.ids[0].reviewId, decided.ids[0].reviewId, decided.applicationId])).toEqual([]);
  });

  it("is refused to the reviewer who wrote the review and to an applicant (thrown), and nothing changes", async () => {
    const { applicationId, applicantId, ids } = await applicationWithReviews("reviewed");
    await expect(reopenReview({ id: R[0], role: "reviewer" }, ids[0].reviewId, REASON)).rejects.toThrow(/forbidden/);
    await expect(reopenReview({ id: applicantId, role: "applicant" }, ids[0].reviewId, REASON)).rejects.toThrow(/forbidden/);
    expect(await reviewRow(ids[0].reviewId)).toMatchObject({ status: "submitted", total: 60 });
    expect(await appStatus(applicationId)).toBe("reviewed");
    expect(await audits([ids[0].reviewId, applicationId])).toEqual([]);
  });

  it("is never half-written: a failure before the e-mail rolls back the review, the application and the audit", async () => {
    const { applicationId, ids } = await applicationWithReviews("reviewed");
    const mailsBefore = (await mails(R[0])).length;
    await expect(
      reopenReview(admin, ids[0].reviewId, REASON, {
        beforeMail: async () => {
          throw new Boom("the outbox is unavailable");
        },
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await reviewRow(ids[0].reviewId)).toMatchObject({ status: "submitted", total: 60, submittedAt: expect.any(Date), reopenedAt: null, reopenReason: null, version: 1 });
    expect(await appStatus(applicationId)).toBe("reviewed");
    expect(await audits([ids[0].reviewId, applicationId])).toEqual([]);
    expect(await mails(R[0])).toHaveLength(mailsBefore);
  });

  it("two admins at once: exactly one reopens, the other finds a draft", async () => {
    const { ids } = await applicationWithReviews("reviewed");
    const results = await Promise.all([reopenReview(admin, ids[2].reviewId, REASON), reopenReview(admin2, ids[2].reviewId, REASON)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "not_submitted" }]);
    expect((await audits([ids[2].reviewId])).filter((a) => a.action === "review.reopen")).toHaveLength(1);
    expect(await reviewRow(ids[2].reviewId)).toMatchObject({ status: "draft", version: 2 });
  });
});

describe("adminApplicationView", () => {
  it("shows an admin the frozen content, the applicant's name, screening and reviewers, and audits the read", async () => {
    const { applicationId, ids } = await applicationWithReviews("in_review", ["submitted", "draft"]);
    await getDb().update(applications).set({ screenedAt: new Date(), screenedBy: admin2.id, submittedAt: new Date(), data: { idea: { idea: "Жоба (өңделген)" } } }).where(eq(applications.id, applicationId));
    await getDb().insert(applicationRevisions).values({ applicationId, revision: 1, data: { idea: { idea: "Жіберілген нұсқа" } }, contentHash: "x".repeat(64), submittedAt: new Date() });
    const [blob] = await getDb().insert(fileBlobs).values({ content: Buffer.from("%PDF-1.4") }).returning({ key: fileBlobs.key });
    const [file] = await getDb()
      .insert(attachments)
      .values({ applicationId, uploadedBy: admin.id, kind: "plan", fileName: "жоспар.pdf", mimeType: "application/pdf", sizeBytes: 8, sha256: "0".repeat(64), storageKey: blob.key })
      .returning({ id: attachments.id });
    await getDb().insert(reviewAssignments).values({ callId, applicationId, reviewerId: R[2], status: "declined", declineReason: "Уақыт жоқ" });

    const v = await adminApplicationView(admin, applicationId);
    if (!v) throw new Error("no view");
    expect(v).toMatchObject({ id: applicationId, status: "in_review", applicantName: `${APPLICANT_SURNAME} Әсел`, content: { idea: { idea: "Жіберілген нұсқа" } }, revision: { number: 1 } });
    expect(v.reference).toMatch(/^JG-[0-9A-F]{8}$/);
    expect(v.screening).toMatchObject({ kind: "passed", by: "Тестов admin" });
    expect(v.sections.length).toBeGreaterThan(0);
    expect(v.call).toMatchObject({ id: callId, awardAmount: 1_500_000, k: 3 });
    expect(v.attachments).toEqual([{ id: file.id, fileName: "жоспар.pdf", mimeType: "application/pdf", sizeBytes: 8 }]);
    const byAssignment = Object.fromEntries(v.reviewers.map((r) => [r.assignmentId, r]));
    expect(byAssignment[ids[0].assignmentId]).toMatchObject({ assignmentStatus: "assigned", reviewStatus: "submitted", total: 60 });
    expect(byAssignment[ids[1].assignmentId]).toMatchObject({ assignmentStatus: "assigned", reviewStatus: "draft", total: null });
    expect(v.reviewers.find((r) => r.assignmentStatus === "declined")).toMatchObject({ reviewStatus: "none", declineReason: "Уақыт жоқ" });
    // No contact data or IIN leaves the data layer.
    expect(JSON.stringify(v)).not.toMatch(/"iin"|"email"|"phone"/);

    const rows = (await audits([applicationId])).filter((a) => a.action === "application.read");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.id, entityType: "application", entityId: applicationId });
    expect(JSON.stringify(rows[0])).not.toContain(APPLICANT_SURNAME);
    await adminApplicationView(admin2, applicationId);
    expect((await audits([applicationId])).filter((a) => a.action === "application.read")).toHaveLength(2);
  });

  it("a refused application shows the reason; a draft shows its answers", async () => {
    const refused = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "ineligible" });
    await getDb().update(applications).set({ screeningReason: "Жасы сәйкес емес", screenedAt: new Date() }).where(eq(applications.id, refused));
    expect((await adminApplicationView(admin, refused))?.screening).toMatchObject({ kind: "refused", reason: "Жасы сәйкес емес", by: null });
    const draft = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()) });
    const v = await adminApplicationView(admin, draft);
    expect(v).toMatchObject({ screening: { kind: "not_submitted" }, revision: null, content: { idea: { idea: "Сынақ" } }, reviewers: [] });
  });

  it("unknown or malformed ids answer null without an audit row; reviewers and applicants are refused (thrown)", async () => {
    const before = await getDb().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "application.read"));
    expect(await adminApplicationView(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await adminApplicationView(admin, "../etc")).toBeNull();
    const { applicationId, applicantId } = await applicationWithReviews("in_review");
    await expect(adminApplicationView({ id: R[0], role: "reviewer" }, applicationId)).rejects.toThrow(/forbidden/);
    await expect(adminApplicationView({ id: applicantId, role: "applicant" }, applicationId)).rejects.toThrow(/forbidden/);
    const after = await getDb().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "application.read"));
    expect(after).toHaveLength(before.length);
  });
});
