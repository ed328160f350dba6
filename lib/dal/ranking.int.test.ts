import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reviewAssignments, reviews } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { DistrictCode } from "@/lib/domain/districts";
import type { Actor } from "./applications";
import { callRanking, RANKING_PAGE_SIZE } from "./ranking";

let admin: Actor;
const R: string[] = [];

async function review(callId: string, applicationId: string, reviewerId: string, total: number, o: { assignment?: "assigned" | "removed" | "declined"; review?: "submitted" | "draft" } = {}) {
  const [a] = await getDb()
    .insert(reviewAssignments)
    .values({ callId, applicationId, reviewerId, status: o.assignment ?? "assigned" })
    .returning({ id: reviewAssignments.id });
  const submitted = (o.review ?? "submitted") === "submitted";
  await getDb()
    .insert(reviews)
    .values({ assignmentId: a.id, applicationId, reviewerId, status: submitted ? "submitted" : "draft", total: submitted ? total : null, submittedAt: submitted ? new Date() : null });
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  for (let i = 0; i < 3; i++) R.push(await makeUser(getDb(), "reviewer"));
});

describe("callRanking", () => {
  it("counts only submitted reviews of active assignments; hand-checked means, ranks, disagreement and fallbacks", async () => {
    const callId = await makeCall(getDb());
    const app = async (status: "in_review" | "reviewed" | "submitted") => makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status });
    const A = await app("reviewed");
    const B = await app("reviewed");
    const C = await app("in_review");
    const waiting = await app("submitted");
    await review(callId, A, R[0], 80);
    await review(callId, A, R[1], 40);
    await review(callId, B, R[0], 70);
    await review(callId, B, R[1], 60);
    await review(callId, C, R[0], 50);
    // Not counted: a removed assignment's submitted review, a draft, an application not screened.
    await review(callId, C, R[2], 100, { assignment: "removed" });
    await review(callId, C, R[1], 0, { review: "draft" });
    await review(callId, waiting, R[2], 100);

    const r = await callRanking(admin, callId);
    expect(r).not.toBeNull();
    if (!r) return;
    expect(r.rows.map((x) => x.id)).toEqual([B, A, C]);
    const [b, a, c] = r.rows;
    expect(b).toMatchObject({ reviews: 2, mean: 65, median: 65, min: 60, max: 70, normalised: 65, rawRank: 1, normalisedRank: 1, disagreement: false, rawFallbacks: 2 });
    // 80 − 40 = 40 > 30 (30 % of 100).
    expect(a).toMatchObject({ reviews: 2, mean: 60, min: 40, max: 80, rawRank: 2, normalisedRank: 2, disagreement: true });
    expect(c).toMatchObject({ reviews: 1, mean: 50, min: 50, max: 50, rawRank: 3, normalisedRank: 3, rawFallbacks: 1 });
    expect(c.reference).toMatch(/^JG-[0-9A-F]{8}$/);
    expect(r.rows.some((x) => x.id === waiting)).toBe(false);
    // Totals 80, 40, 70, 60, 50: mean 60, population SD √200.
    expect(r.callMean).toBe(60);
    expect(r.callSd).toBeCloseTo(Math.sqrt(200), 4);
    expect(r.threshold).toBe(30);
    expect(r.reviewsCounted).toBe(5);
    // Both counted reviewers have fewer than 5 reviews; R[2]'s only counted review is none.
    expect(r.reviewers).toBe(2);
    expect(r.fallbackReviewers).toBe(2);
  });

  it("normalises reviewers with 5+ reviews: a harsh and a lenient reviewer who agree on the order give equal scores", async () => {
    const callId = await makeCall(getDb());
    const apps: string[] = [];
    for (let i = 0; i < 5; i++) apps.push(await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "reviewed" }));
    // Harsh R0: 10..50; lenient R1: 50..90, the same order. Each app: one harsh, one lenient review.
    for (let i = 0; i < 5; i++) {
      await review(callId, apps[i], R[0], 10 + 10 * i);
      await review(callId, apps[i], R[1], 50 + 10 * i);
    }
    const r = await callRanking(admin, callId);
    if (!r) throw new Error("no ranking");
    expect(r.fallbackReviewers).toBe(0);
    expect(r.rows.map((x) => x.id)).toEqual([...apps].reverse());
    expect(r.rows.map((x) => x.normalisedRank)).toEqual([1, 2, 3, 4, 5]);
    expect(r.rows.every((x) => x.rawFallbacks === 0)).toBe(true);
    // Call mean 50: the middle application's normalised score is exactly the call mean.
    expect(r.rows[2].normalised).toBe(50);
  });

  it("pages by 50 over the whole call's ranking: page 2 starts at rank 51, a page past the last gives the last page", async () => {
    const callId = await makeCall(getDb());
    const n = RANKING_PAGE_SIZE + 3;
    const district = new Map<string, DistrictCode>();
    for (let i = 0; i < n; i++) {
      const d: DistrictCode = i % 2 ? "uighur" : "ili";
      const id = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb(), { district: d }), status: "reviewed", districtCode: d });
      district.set(id, d);
      // A harsh and a lenient reviewer take turns, so the raw and the normalised orders differ.
      await review(callId, id, R[i % 2], i % 2 ? 40 + ((i * 7) % 60) : 5 + ((i * 11) % 50));
    }
    // The whole ranking on one page, to compare the pages with.
    const all = await callRanking(admin, callId, { pageSize: 1000 });
    if (!all) throw new Error("no ranking");
    expect(all.rows).toHaveLength(n);
    expect(all.fallbackReviewers).toBe(0);

    const first = await callRanking(admin, callId);
    expect(first).toMatchObject({ page: 1, pageSize: 50, pageCount: 2, total: n, sort: "normalised", reviewsCounted: n });
    expect(first!.rows.map((r) => r.normalisedRank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const second = await callRanking(admin, callId, { page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: n });
    expect(second!.rows.map((r) => r.normalisedRank)).toEqual([51, 52, 53]);
    // The same rows, scores and ranks as the whole ranking: normalisation used every review, not the page's.
    expect(second!.rows).toEqual(all.rows.slice(50));
    expect(second!.callMean).toBe(all.callMean);
    for (const r of second!.rows) expect(r.districtCode).toBe(district.get(r.id));

    // By the raw rank: its own page 2.
    const raw = await callRanking(admin, callId, { page: 2, sort: "raw" });
    expect(raw!.rows.map((r) => r.rawRank)).toEqual([51, 52, 53]);
    const byRaw = [...all.rows].sort((a, b) => a.rawRank - b.rawRank);
    expect(raw!.rows.map((r) => r.id)).toEqual(byRaw.slice(50).map((r) => r.id));
    expect(raw!.rows.map((r) => r.id)).not.toEqual(second!.rows.map((r) => r.id));

    // Past the last page: the last page (and says so); below 1 or not a whole number: page 1.
    const past = await callRanking(admin, callId, { page: 99 });
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(past!.rows).toEqual(second!.rows);
    for (const page of [0, -3, 1.5, Number.NaN]) {
      const r = await callRanking(admin, callId, { page });
      expect(r!.page).toBe(1);
      expect(r!.rows[0].normalisedRank).toBe(1);
    }
  });

  it("is for admins only and answers null for an unknown call", async () => {
    const callId = await makeCall(getDb());
    await expect(callRanking({ id: R[0], role: "reviewer" }, callId)).rejects.toThrow(/forbidden/);
    await expect(callRanking({ id: await makeApplicant(getDb()), role: "applicant" }, callId)).rejects.toThrow(/forbidden/);
    expect(await callRanking(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await callRanking(admin, "not-a-uuid")).toBeNull();
    // A call with nothing ranked: one empty page (page 7 asked, page 1 given).
    expect(await callRanking(admin, callId, { page: 7 })).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});
