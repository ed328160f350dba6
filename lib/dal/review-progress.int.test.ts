import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { programmes, reviewAssignments, reviewScores, reviews, rubricCriteria, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { Actor } from "./applications";
import { callRanking } from "./ranking";
import { callReviewProgress } from "./review-progress";

let admin: Actor;
const R: string[] = [];
let criteria: { id: string }[] = [];

type Opts = { assignment?: "assigned" | "removed" | "declined"; review?: "submitted" | "draft" | "none" };

/** An assignment and (unless `none`) its review; a submitted review gets one score per criterion. */
async function review(callId: string, applicationId: string, reviewerId: string, total: number, o: Opts = {}) {
  const [a] = await getDb()
    .insert(reviewAssignments)
    .values({ callId, applicationId, reviewerId, status: o.assignment ?? "assigned" })
    .returning({ id: reviewAssignments.id });
  const kind = o.review ?? "submitted";
  if (kind === "none") return { assignmentId: a.id, reviewId: null };
  const submitted = kind === "submitted";
  const [r] = await getDb()
    .insert(reviews)
    .values({ assignmentId: a.id, applicationId, reviewerId, status: submitted ? "submitted" : "draft", total: submitted ? total : null, submittedAt: submitted ? new Date() : null, comment: submitted ? "Жақсы жоба" : "" })
    .returning({ id: reviews.id });
  if (submitted) await getDb().insert(reviewScores).values(criteria.map((c, i) => ({ reviewId: r.id, criterionId: c.id, score: (i + 3) % 11 })));
  return { assignmentId: a.id, reviewId: r.id };
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  const names = ["Әбенов", "Бекова", "Жандосов", "Қасымов"];
  for (const surname of names) {
    const id = await makeUser(getDb(), "reviewer");
    await getDb().update(users).set({ surname, givenName: "Сарапшы" }).where(eq(users.id, id));
    R.push(id);
  }
  const [p] = await getDb().select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "biznes_bastau"));
  criteria = await getDb().select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.programmeId, p.id)).orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code));
});

describe("callReviewProgress", () => {
  it("counts per reviewer and per application, sorts the admin's work first, and flags disagreement as the ranking does", async () => {
    const callId = await makeCall(getDb());
    const app = async (status: "in_review" | "reviewed" | "submitted" | "awarded") => makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status });
    const A = await app("in_review");
    const B = await app("reviewed");
    const C = await app("in_review");
    const D = await app("in_review");
    const E = await app("awarded");
    const waiting = await app("submitted");
    // A: two submitted 80 and 40 (40 > 30: disagreement), one draft.
    const a0 = await review(callId, A, R[0], 80);
    await review(callId, A, R[1], 40);
    await review(callId, A, R[2], 0, { review: "draft" });
    // B: complete, totals close.
    for (const [i, total] of [70, 60, 65].entries()) await review(callId, B, R[i], total);
    // C: one reviewer not started, one declined: a reviewer is missing.
    await review(callId, C, R[0], 0, { review: "none" });
    await review(callId, C, R[1], 0, { assignment: "declined", review: "none" });
    // D: a removed assignment's submitted review never counts; two not started, one submitted.
    await review(callId, D, R[0], 100, { assignment: "removed" });
    await review(callId, D, R[1], 0, { review: "none" });
    await review(callId, D, R[2], 0, { review: "none" });
    await review(callId, D, R[3], 55);
    // E: decided, complete; its reviews cannot be reopened.
    for (const [i, total] of [90, 85, 88].entries()) await review(callId, E, R[i], total);
    // Not screened: not listed at all.
    await review(callId, waiting, R[3], 10);

    const p = await callReviewProgress(admin, callId);
    if (!p) throw new Error("no progress");
    expect(p.call.k).toBe(3);
    expect(p.threshold).toBe(30);

    // Needs a reviewer, disagreement, awaiting reviews, then complete (fewer submitted first, then reference).
    const completeOrder = [B, E].map((id) => p.applications.find((x) => x.id === id)!.reference).sort();
    expect(p.applications.map((x) => x.reference)).toEqual([
      p.applications.find((x) => x.id === C)!.reference,
      p.applications.find((x) => x.id === A)!.reference,
      p.applications.find((x) => x.id === D)!.reference,
      ...completeOrder,
    ]);
    expect(p.applications.some((x) => x.id === waiting)).toBe(false);
    const byId = (id: string) => p.applications.find((x) => x.id === id)!;
    expect(byId(C)).toMatchObject({ active: 1, submitted: 0, k: 3, work: "needs_reviewer", disagreement: false, min: null });
    expect(byId(A)).toMatchObject({ active: 3, submitted: 2, work: "disagreement", disagreement: true, min: 40, max: 80, mean: 60 });
    expect(byId(D)).toMatchObject({ active: 3, submitted: 1, work: "awaiting_reviews", min: 55, max: 55 });
    expect(byId(B)).toMatchObject({ active: 3, submitted: 3, work: "complete", disagreement: false, min: 60, max: 70 });
    expect(byId(E)).toMatchObject({ status: "awarded", work: "complete" });
    expect(byId(A).reference).toMatch(/^JG-[0-9A-F]{8}$/);

    // Reviews per application: active assignments only, by name, with totals and per-criterion scores.
    const aReviews = byId(A).reviews;
    expect(aReviews.map((r) => [r.reviewerName, r.status, r.total])).toEqual([
      ["Әбенов Сарапшы", "submitted", 80],
      ["Бекова Сарапшы", "submitted", 40],
      ["Жандосов Сарапшы", "draft", null],
    ]);
    expect(aReviews[0].reviewId).toBe(a0.reviewId);
    expect(aReviews[0].scores.map((s) => s.criterionId)).toEqual(criteria.map((c) => c.id));
    expect(aReviews[0].scores.map((s) => s.score)).toEqual(criteria.map((_, i) => (i + 3) % 11));
    expect(aReviews[0].comment).toBe("Жақсы жоба");
    expect(aReviews[2].scores).toEqual([]);
    expect(aReviews.map((r) => r.reopenable)).toEqual([true, true, false]);
    expect(byId(B).reviews.every((r) => r.reopenable)).toBe(true);
    expect(byId(E).reviews.some((r) => r.reopenable)).toBe(false);
    expect(byId(D).reviews.map((r) => r.status)).toEqual(["none", "none", "submitted"]);
    expect(byId(C).reviews.map((r) => r.reviewerName)).toEqual(["Әбенов Сарапшы"]);
    expect(p.criteria.map((c) => c.id)).toEqual(criteria.map((c) => c.id));

    // Per reviewer (removed assignments do not count; the unscreened application neither).
    const rv = Object.fromEntries(p.reviewers.map((r) => [r.id, r]));
    expect(rv[R[0]]).toMatchObject({ active: 4, notStarted: 1, draft: 0, submitted: 3, declined: 0, shareDone: 0.75 });
    expect(rv[R[1]]).toMatchObject({ active: 4, notStarted: 1, draft: 0, submitted: 3, declined: 1, shareDone: 0.75 });
    expect(rv[R[2]]).toMatchObject({ active: 4, notStarted: 1, draft: 1, submitted: 2, declined: 0, shareDone: 0.5 });
    expect(rv[R[3]]).toMatchObject({ active: 1, notStarted: 0, draft: 0, submitted: 1, declined: 0, shareDone: 1 });
    // Most unfinished first, lowest share first.
    expect(p.reviewers.map((r) => r.id)).toEqual([R[2], R[0], R[1], R[3]]);

    expect(p.totals).toEqual({ applications: 5, complete: 2, needsReviewer: 1, disagreements: 1, submitted: 9, expected: 15 });

    // The same disagreement flags as the ranking of the same call.
    const ranking = await callRanking(admin, callId);
    for (const row of ranking!.rows) expect([row.reference, byId(row.id).disagreement]).toEqual([row.reference, row.disagreement]);
    for (const row of ranking!.rows) expect(byId(row.id).submitted).toBe(row.reviews);
  });

  it("is for admins only; an unknown or malformed call answers null; a call without reviews is empty", async () => {
    const callId = await makeCall(getDb());
    await expect(callReviewProgress({ id: R[0], role: "reviewer" }, callId)).rejects.toThrow(/forbidden/);
    await expect(callReviewProgress({ id: await makeApplicant(getDb()), role: "applicant" }, callId)).rejects.toThrow(/forbidden/);
    expect(await callReviewProgress(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await callReviewProgress(admin, "not-a-uuid")).toBeNull();
    const empty = await callReviewProgress(admin, callId);
    expect(empty).toMatchObject({ applications: [], reviewers: [], totals: { applications: 0, submitted: 0, expected: 0 } });
  });
});
