/**
 * A small world for the authorisation matrix, written to a real PostgreSQL through the app role: one
 * account per identity (./matrix.ts) and records each door acts on — applicant A's draft (with a file)
 * and submitted application, an application under review with an assignment for "reviewer assigned"
 * and one for "reviewer conflicted" (carrying a confirmed conflict), a pending conflict flag, an
 * application waiting for screening, a submitted review, and a call with an awardable and an awarded
 * application.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments, awards, conflicts, fileBlobs, programmes, reviewAssignments, reviews, users } from "@/db/schema";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { Identity } from "./matrix";

const DAY = 86_400_000;

export type World = {
  user: Record<Exclude<Identity, "signedOut">, string>;
  /** Session claims as the cookie would carry them (the stale one predates a sign-out everywhere). */
  claims: Record<Identity, { id: string; sessionVersion: number; sessionId: string } | null>;
  programmeId: string;
  openCall: string;
  openCall2: string;
  reviewCall: string;
  awardsCall: string;
  draftA: string;
  attachmentA: string;
  submittedA: string;
  appX: string;
  assignmentAssigned: string;
  assignmentConflicted: string;
  appScreen: string;
  reviewSubmitted: string;
  appAwardable: string;
  awardActive: string;
  /** An account only "set active" touches. */
  bystander: string;
};

export async function buildWorld(db: DbOrTx): Promise<World> {
  const t = Date.now();
  const admin = await makeUser(db, "admin");
  const reviewerAssigned = await makeUser(db, "reviewer");
  const reviewerUnassigned = await makeUser(db, "reviewer");
  const reviewerConflicted = await makeUser(db, "reviewer");
  const reviewerOther = await makeUser(db, "reviewer");
  const applicantA = await makeApplicant(db, { district: "talgar" });
  const applicantB = await makeApplicant(db, { district: "ili" });
  const applicantC = await makeApplicant(db, { district: "talgar" });
  const applicantD = await makeApplicant(db, { district: "karasai" });
  const applicantE = await makeApplicant(db, { district: "ili" });
  const applicantF = await makeApplicant(db, { district: "ili" });
  const deactivated = await makeApplicant(db, { district: "ili" });
  const staleSession = await makeApplicant(db, { district: "ili" });
  const bystander = await makeApplicant(db, { district: "ili" });
  await db.update(users).set({ emailVerifiedAt: new Date(), passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo" }).where(sql`${users.id} IN (${sql.join([applicantA, applicantB, admin, reviewerAssigned], sql`, `)})`);
  await db.update(users).set({ active: false }).where(eq(users.id, deactivated));
  await db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, staleSession));

  const [p] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "biznes_bastau"));

  const openCall = await makeCall(db);
  const openCall2 = await makeCall(db);
  const closed = { opensAt: new Date(t - 60 * DAY), closesAt: new Date(t - 20 * DAY), reviewDeadline: new Date(t + 10 * DAY) };
  const reviewCall = await makeCall(db, closed);
  const awardsCall = await makeCall(db, closed);

  const draftA = await makeApplication(db, { callId: openCall, applicantId: applicantA, status: "draft", districtCode: "talgar" });
  const [blob] = await db.insert(fileBlobs).values({ content: Buffer.from("%PDF-1.4 matrix") }).returning({ key: fileBlobs.key });
  const [att] = await db
    .insert(attachments)
    .values({ applicationId: draftA, uploadedBy: applicantA, kind: "plan", fileName: "plan.pdf", mimeType: "application/pdf", sizeBytes: 15, sha256: "0".repeat(64), storageKey: blob.key })
    .returning({ id: attachments.id });
  const submittedA = await makeApplication(db, { callId: openCall2, applicantId: applicantA, status: "submitted", districtCode: "talgar" });

  const appX = await makeApplication(db, { callId: reviewCall, applicantId: applicantC, status: "in_review", districtCode: "talgar" });
  const [aa] = await db.insert(reviewAssignments).values({ callId: reviewCall, applicationId: appX, reviewerId: reviewerAssigned, status: "assigned" }).returning({ id: reviewAssignments.id });
  const [ac] = await db.insert(reviewAssignments).values({ callId: reviewCall, applicationId: appX, reviewerId: reviewerConflicted, status: "assigned" }).returning({ id: reviewAssignments.id });
  await db.insert(conflicts).values({ callId: reviewCall, applicationId: appX, reviewerId: reviewerConflicted, source: "declared", kind: "relative", status: "confirmed" });
  await db.insert(conflicts).values({ callId: reviewCall, applicationId: appX, reviewerId: reviewerUnassigned, source: "flagged", kind: "same_surname_district", status: "pending" });
  const appScreen = await makeApplication(db, { callId: reviewCall, applicantId: applicantD, status: "submitted", districtCode: "karasai" });
  const appReviewed = await makeApplication(db, { callId: reviewCall, applicantId: applicantE, status: "reviewed", districtCode: "ili" });
  const [ar] = await db.insert(reviewAssignments).values({ callId: reviewCall, applicationId: appReviewed, reviewerId: reviewerOther, status: "assigned" }).returning({ id: reviewAssignments.id });
  const [rv] = await db
    .insert(reviews)
    .values({ assignmentId: ar.id, applicationId: appReviewed, reviewerId: reviewerOther, status: "submitted", total: 70, submittedAt: new Date(), comment: "Жақсы жоспар, нарық зерттелген." })
    .returning({ id: reviews.id });

  const appAwardable = await makeApplication(db, { callId: awardsCall, applicantId: applicantF, status: "reviewed", districtCode: "ili" });
  const appAwarded = await makeApplication(db, { callId: awardsCall, applicantId: applicantE, status: "awarded", districtCode: "ili" });
  const [aw] = await db
    .insert(awards)
    .values({ applicationId: appAwarded, callId: awardsCall, districtCode: "ili", amount: 1_500_000, awardedBy: admin, idempotencyKey: randomUUID() })
    .returning({ id: awards.id });
  await db.execute(sql`UPDATE calls SET awarded_total = 1500000 WHERE id = ${awardsCall}`);
  await db.execute(sql`UPDATE call_districts SET awarded_count = 1, awarded_total = 1500000 WHERE call_id = ${awardsCall} AND district_code = 'ili'`);

  const user = { applicantA, applicantB, reviewerAssigned, reviewerUnassigned, reviewerConflicted, admin, deactivated, staleSession };
  const claim = (id: string, sessionVersion = 1) => ({ id, sessionVersion, sessionId: randomUUID() });
  return {
    user,
    claims: {
      signedOut: null,
      applicantA: claim(applicantA),
      applicantB: claim(applicantB),
      reviewerAssigned: claim(reviewerAssigned),
      reviewerUnassigned: claim(reviewerUnassigned),
      reviewerConflicted: claim(reviewerConflicted),
      admin: claim(admin),
      deactivated: claim(deactivated),
      staleSession: claim(staleSession, 1),
    },
    programmeId: p.id,
    openCall,
    openCall2,
    reviewCall,
    awardsCall,
    draftA,
    attachmentA: att.id,
    submittedA,
    appX,
    assignmentAssigned: aa.id,
    assignmentConflicted: ac.id,
    appScreen,
    reviewSubmitted: rv.id,
    appAwardable,
    awardActive: aw.id,
    bystander,
  };
}
