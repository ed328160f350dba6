import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  applicationRevisions,
  applications,
  attachments,
  auditLog,
  awards,
  calls,
  conflicts,
  consents,
  fileBlobs,
  outbox,
  programmes,
  reviewAssignments,
  reviewScores,
  reviews,
  rubricCriteria,
  users,
} from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { DistrictCode } from "@/lib/domain/districts";
import { getApplicationView } from "./my-applications";
import { publicResults } from "./public-results";
import { runRetention } from "./retention";

type Status = (typeof applications.$inferInsert)["status"];
const DAY = 86_400_000;
const M = 1_500_000;
let adminId: string;
let reviewerId: string;
let criterionId: string;

/** An application with everything retention must empty: answers, a revision, a file, a review with comments, a conflict note. */
async function fullApp(callId: string, district: DistrictCode, status: Status, o: { applicantId?: string; jobs?: number; award?: "active" | "revoked" } = {}) {
  const applicantId = o.applicantId ?? (await makeApplicant(getDb(), { district }));
  const id = await makeApplication(getDb(), { callId, applicantId, status, districtCode: district });
  await getDb()
    .update(applications)
    .set({ jobsCreated: o.jobs ?? 2, requestedAmount: M, submittedAt: new Date(Date.now() - 1500 * DAY), screeningReason: status === "ineligible" ? "Жасы сәйкес емес: Әлиев А." : null })
    .where(eq(applications.id, id));
  await getDb().insert(applicationRevisions).values({ applicationId: id, revision: 1, data: { idea: { idea: "Әлиевтің наубайханасы" } }, contentHash: "x".repeat(64), submittedAt: new Date() });
  const [blob] = await getDb().insert(fileBlobs).values({ content: Buffer.from("%PDF-1.4 test") }).returning({ key: fileBlobs.key });
  await getDb().insert(attachments).values({ applicationId: id, uploadedBy: applicantId, kind: "plan", fileName: "Әлиев-жоспар.pdf", mimeType: "application/pdf", sizeBytes: 13, sha256: "0".repeat(64), storageKey: blob.key });
  const [a] = await getDb().insert(reviewAssignments).values({ callId, applicationId: id, reviewerId, status: "assigned" }).returning({ id: reviewAssignments.id });
  const [r] = await getDb()
    .insert(reviews)
    .values({ assignmentId: a.id, applicationId: id, reviewerId, status: "submitted", total: 61.5, submittedAt: new Date(), comment: "Әлиев мырзаның жоспары жақсы" })
    .returning({ id: reviews.id });
  await getDb().insert(reviewScores).values({ reviewId: r.id, criterionId, score: 7, comment: "Әлиев тәжірибелі" });
  await getDb().insert(conflicts).values({ callId, applicationId: id, reviewerId, source: "declared", kind: "other", status: "dismissed", note: "Әлиевті танимын", decisionReason: "Әлиев сарапшының туысы емес" });
  if (o.award) {
    await getDb().insert(awards).values({
      applicationId: id,
      callId,
      districtCode: district,
      amount: M,
      awardedBy: adminId,
      status: o.award,
      ...(o.award === "revoked" ? { revokedAt: new Date(), revokedBy: adminId, revokeReason: "Әлиев шарт талаптарын бұзды" } : {}),
    });
  }
  return { id, applicantId };
}

async function archive(callId: string, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  await getDb().update(calls).set({ resultsPublishedAt: new Date(at.getTime() - DAY), archivedAt: at }).where(eq(calls.id, callId));
}

/** Every figure a statistic can be computed from, per application (sorted): none may change. */
async function statistics(callIds: string[]) {
  return getDb()
    .select({
      id: applications.id,
      status: applications.status,
      district: applications.districtCode,
      direction: applications.direction,
      jobs: applications.jobsCreated,
      requested: applications.requestedAmount,
      submittedAt: applications.submittedAt,
      applicantDistrict: users.districtCode,
      reviewTotals: sql<string>`(SELECT string_agg(r.total::text || ':' || r.status, ',' ORDER BY r.id) FROM reviews r WHERE r.application_id = ${applications.id})`,
      scores: sql<string>`(SELECT string_agg(s.score::text, ',' ORDER BY s.review_id) FROM review_scores s JOIN reviews r ON r.id = s.review_id WHERE r.application_id = ${applications.id})`,
      awards: sql<string>`(SELECT string_agg(w.status || ':' || w.amount, ',' ORDER BY w.id) FROM awards w WHERE w.application_id = ${applications.id})`,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(inArray(applications.callId, callIds))
    .orderBy(asc(applications.id));
}

let oldCall: string;
let recentCall: string;
let openCall: string;
const old: Record<string, { id: string; applicantId: string }> = {};
let recentApp: { id: string; applicantId: string };
let keepsDraft: { id: string; applicantId: string };
let signedInRecently: { id: string; applicantId: string };

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  adminId = await makeUser(getDb(), "admin");
  reviewerId = await makeUser(getDb(), "reviewer");
  const [c] = await getDb()
    .select({ id: rubricCriteria.id })
    .from(rubricCriteria)
    .innerJoin(programmes, eq(programmes.id, rubricCriteria.programmeId))
    .where(eq(programmes.code, "biznes_bastau"))
    .limit(1);
  criterionId = c.id;

  // A call archived four years ago (past the default three-year period), with every outcome.
  oldCall = await makeCall(getDb(), { opensAt: new Date(Date.now() - 1600 * DAY), closesAt: new Date(Date.now() - 1550 * DAY), reviewDeadline: new Date(Date.now() - 1520 * DAY) });
  old.awarded = await fullApp(oldCall, "talgar", "awarded", { jobs: 3, award: "active" });
  old.awarded2 = await fullApp(oldCall, "ili", "awarded", { jobs: 5, award: "active" });
  old.notAwarded = await fullApp(oldCall, "talgar", "not_awarded");
  old.waitlisted = await fullApp(oldCall, "talgar", "waitlisted");
  old.revoked = await fullApp(oldCall, "ili", "award_revoked", { award: "revoked" });
  old.ineligible = await fullApp(oldCall, "ili", "ineligible");
  old.withdrawn = await fullApp(oldCall, "karasai", "withdrawn");
  old.draft = await fullApp(oldCall, "karasai", "draft");
  await archive(oldCall, 4 * 365);

  // The same person applies again in an open call (a draft): their old application goes, the account stays.
  openCall = await makeCall(getDb());
  keepsDraft = await fullApp(oldCall, "enbekshikazakh", "not_awarded");
  await makeApplication(getDb(), { callId: openCall, applicantId: keepsDraft.applicantId, status: "draft", districtCode: "enbekshikazakh" });
  // Another signed in last month: the old application goes, the account stays.
  signedInRecently = await fullApp(oldCall, "enbekshikazakh", "not_awarded");
  await getDb().insert(auditLog).values({ actorId: signedInRecently.applicantId, actorRole: "applicant", action: "auth.sign_in", entityType: "user", entityId: signedInRecently.applicantId, at: new Date(Date.now() - 30 * DAY) });
  await getDb().update(users).set({ createdAt: new Date(Date.now() - 1700 * DAY) }).where(sql`${users.id} IN (SELECT applicant_id FROM applications WHERE call_id = ${oldCall})`);

  // Consents and a delivered e-mail of one person whose account goes.
  await getDb().insert(consents).values({ userId: old.notAwarded.applicantId, kind: "personal_data", textVersion: "2025-01", language: "kk" });
  await getDb().insert(outbox).values({ userId: old.notAwarded.applicantId, toEmail: "aliev@example.kz", language: "kk", template: "decision", status: "sent", sentAt: new Date() });

  // A call archived ten days ago: within the period, untouched.
  recentCall = await makeCall(getDb(), { opensAt: new Date(Date.now() - 120 * DAY), closesAt: new Date(Date.now() - 90 * DAY) });
  recentApp = await fullApp(recentCall, "talgar", "not_awarded");
  await archive(recentCall, 10);
});

describe("retention", () => {
  it("a dry run counts what is due and changes nothing", async () => {
    const before = await statistics([oldCall]);
    const r = await runRetention({ dryRun: true });
    expect(r).toMatchObject({ dryRun: true, applications: 8, files: 8, accounts: 0 });
    const [{ n }] = await getDb().select({ n: sql<number>`count(*)::int` }).from(applications).where(sql`${applications.anonymisedAt} IS NOT NULL`);
    expect(n).toBe(0);
    expect(await statistics([oldCall])).toEqual(before);
  });

  it("anonymises the unsuccessful applications of calls archived longer ago than the period; every public statistic stays the same", async () => {
    const publicBefore = await publicResults();
    const statsBefore = await statistics([oldCall, recentCall, openCall]);
    expect(publicBefore.find((c) => c.call.id === oldCall)?.total).toMatchObject({ received: 8, awarded: 2, amountAwarded: 2 * M, jobsPlanned: 8 });

    const r = await runRetention();
    expect(r).toMatchObject({ dryRun: false, applications: 8, files: 8 });

    expect(await publicResults()).toEqual(publicBefore);
    expect(await statistics([oldCall, recentCall, openCall])).toEqual(statsBefore);

    const gone = [old.notAwarded, old.waitlisted, old.revoked, old.ineligible, old.withdrawn, old.draft, keepsDraft, signedInRecently].map((a) => a.id);
    const rows = await getDb().select().from(applications).where(inArray(applications.id, gone));
    for (const a of rows) {
      expect(a.anonymisedAt).not.toBeNull();
      expect(a.data).toEqual({});
      expect(a.title).toBe("");
      expect(a.screeningReason).toBeNull();
    }
    const text = JSON.stringify(await getDb().select().from(applicationRevisions).where(inArray(applicationRevisions.applicationId, gone)));
    expect(text).not.toContain("Әлиев");
    expect(await getDb().select().from(attachments).where(inArray(attachments.applicationId, gone))).toEqual([]);
    const reviewText = JSON.stringify([
      await getDb().select({ c: reviews.comment }).from(reviews).where(inArray(reviews.applicationId, gone)),
      await getDb().select({ c: reviewScores.comment }).from(reviewScores).innerJoin(reviews, eq(reviews.id, reviewScores.reviewId)).where(inArray(reviews.applicationId, gone)),
      await getDb().select({ c: conflicts.note, d: conflicts.decisionReason }).from(conflicts).where(inArray(conflicts.applicationId, gone)),
      await getDb().select({ r: awards.revokeReason, s: awards.status, a: awards.amount }).from(awards).where(inArray(awards.applicationId, gone)),
    ]);
    expect(reviewText).not.toContain("Әлиев");
    // Files left with no attachment are deleted: only the kept applications' files remain.
    const [{ blobs }] = await getDb().select({ blobs: sql<number>`count(*)::int` }).from(fileBlobs);
    expect(blobs).toBe(3);
  });

  it("keeps awarded applications and a call archived within the period", async () => {
    for (const a of [old.awarded, old.awarded2, recentApp]) {
      const [row] = await getDb().select().from(applications).where(eq(applications.id, a.id));
      expect(row.anonymisedAt).toBeNull();
      expect(row.data).toEqual({ idea: { idea: "Сынақ" } });
      const [u] = await getDb().select().from(users).where(eq(users.id, a.applicantId));
      expect(u.anonymisedAt).toBeNull();
      expect(u.iin).toMatch(/^\d{12}$/);
      expect(await getDb().select().from(attachments).where(eq(attachments.applicationId, a.id))).toHaveLength(1);
    }
  });

  it("anonymises an account left with nothing to keep; keeps one with a new application or a recent sign-in", async () => {
    const [gone] = await getDb().select().from(users).where(eq(users.id, old.notAwarded.applicantId));
    expect(gone).toMatchObject({ iin: null, birthDate: null, phone: null, surname: "—", givenName: "—", active: false, passwordHash: null });
    expect(gone.email).toBe(`deleted-${gone.id}@invalid`);
    expect(gone.anonymisedAt).not.toBeNull();
    expect(gone.districtCode).toBe("talgar");
    const [consent] = await getDb().select().from(consents).where(eq(consents.userId, gone.id));
    expect(consent.withdrawnAt).not.toBeNull();
    expect(await getDb().select().from(outbox).where(eq(outbox.userId, gone.id))).toEqual([]);

    for (const kept of [keepsDraft, signedInRecently]) {
      const [u] = await getDb().select().from(users).where(eq(users.id, kept.applicantId));
      expect(u.anonymisedAt).toBeNull();
      expect(u.iin).toMatch(/^\d{12}$/);
      // They still see their old application's outcome, and that its content was removed.
      const view = await getApplicationView({ id: kept.applicantId, role: "applicant" }, kept.id);
      expect(view).toMatchObject({ status: "not_awarded", content: {}, attachments: [] });
      expect(view!.anonymisedAt).not.toBeNull();
    }
    // Everyone else whose only application went: notAwarded, waitlisted, revoked, ineligible, withdrawn, draft.
    const anonymised = await getDb().select({ id: users.id }).from(users).where(sql`${users.anonymisedAt} IS NOT NULL`);
    expect(anonymised).toHaveLength(6);
  });

  it("writes an audit row per application and account, and one for the run, with no personal values", async () => {
    const rows = await getDb().select().from(auditLog).where(inArray(auditLog.action, ["application.anonymise", "user.anonymise", "retention.run"]));
    expect(rows.filter((r) => r.action === "application.anonymise")).toHaveLength(8);
    expect(rows.filter((r) => r.action === "user.anonymise")).toHaveLength(6);
    const run = rows.filter((r) => r.action === "retention.run");
    expect(run).toHaveLength(1);
    expect(run[0].changes).toMatchObject({ applications: 8, accounts: 6, filesDeleted: 8, retentionDays: 1095 });
    for (const r of rows) {
      expect(r.actorId).toBeNull();
      expect(JSON.stringify(r)).not.toContain("Әлиев");
    }
    const appRow = rows.find((r) => r.action === "application.anonymise" && r.entityId === old.ineligible.id)!;
    expect(appRow.changedFields).toEqual(expect.arrayContaining(["data", "title", "attachments", "revisions"]));
    expect(appRow.changes).toMatchObject({ reason: "retention", callId: oldCall, status: "ineligible", filesDeleted: 1 });
  });

  it("a second run finds nothing and writes nothing", async () => {
    const [{ before }] = await getDb().select({ before: sql<number>`count(*)::int` }).from(auditLog);
    expect(await runRetention()).toMatchObject({ applications: 0, accounts: 0, files: 0 });
    const [{ after }] = await getDb().select({ after: sql<number>`count(*)::int` }).from(auditLog);
    expect(after).toBe(before);
  });

  it("the account with a recent sign-in goes once that sign-in is older than the period", async () => {
    const later = new Date(Date.now() + 3 * 365 * DAY);
    const r = await runRetention({ at: later });
    // The recent call's application is past the period then too; the open call's draft is not archived.
    expect(r.applications).toBe(1);
    const [u] = await getDb().select().from(users).where(eq(users.id, signedInRecently.applicantId));
    expect(u.anonymisedAt).not.toBeNull();
    const [k] = await getDb().select().from(users).where(eq(users.id, keepsDraft.applicantId));
    expect(k.anonymisedAt).toBeNull();
  });

  it("two processes running at once anonymise each application once", async () => {
    const call = await makeCall(getDb(), { opensAt: new Date(Date.now() - 1600 * DAY), closesAt: new Date(Date.now() - 1550 * DAY), reviewDeadline: new Date(Date.now() - 1520 * DAY) });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await fullApp(call, "talgar", "not_awarded")).id);
    await archive(call, 4 * 365);
    const [a, b] = await Promise.all([runRetention({ batchSize: 7 }), runRetention({ batchSize: 7 })]);
    expect(a.applications + b.applications).toBe(60);
    const audit = await getDb()
      .select({ id: auditLog.entityId, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "application.anonymise"), inArray(auditLog.entityId, ids)))
      .groupBy(auditLog.entityId);
    expect(audit).toHaveLength(60);
    expect(audit.every((r) => r.n === 1)).toBe(true);
  });
});
