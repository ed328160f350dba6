import { describe, expect, it } from "vitest";
import { programmeSeed } from "@/db/seed/programmes";
import {
  callScoring,
  DEFAULT_DISAGREEMENT_SHARE,
  defaultDisagreementThreshold,
  median,
  normalisedReview,
  MIN_REVIEWS_FOR_NORMALISATION,
  rankApplications,
  scoreApplications,
  ScoringError,
  spread,
  weightedTotal,
  type ReviewTotal,
  type Rubric,
} from "./scoring";

const bb = programmeSeed("biznes_bastau");
const tu = programmeSeed("tauelsizdik_urpaqtary");
const BB: Rubric = { criteria: bb.criteria, scoreOutOf: bb.scoreOutOf };
const TU: Rubric = { criteria: tu.criteria, scoreOutOf: tu.scoreOutOf };

/** `count` reviews by one reviewer, of applications `${prefix}1..`, with the given totals. */
const by = (reviewerId: string, prefix: string, totals: number[]): ReviewTotal[] =>
  totals.map((total, i) => ({ applicationId: `${prefix}${i + 1}`, reviewerId, total }));

describe("weightedTotal", () => {
  it("uses the seeded rubrics: Бизнес бастау five criteria out of 100, Тәуелсіздік ұрпақтары nine out of 10", () => {
    expect(bb.criteria.map((c) => [c.scaleMin, c.scaleMax, c.weight])).toEqual([
      [0, 10, 25],
      [0, 10, 25],
      [0, 10, 20],
      [0, 10, 15],
      [0, 10, 15],
    ]);
    expect(bb.scoreOutOf).toBe(100);
    expect(tu.criteria).toHaveLength(9);
    expect(tu.criteria.every((c) => c.scaleMin === 0 && c.scaleMax === 10 && c.weight === 1)).toBe(true);
    expect(tu.scoreOutOf).toBe(10);
  });

  it("Бизнес бастау: weights 25/25/20/15/15 on 0..10, out of 100", () => {
    // 25·0.8 + 25·0.6 + 20·0.7 + 15·0.5 + 15·0.9 = 20 + 15 + 14 + 7.5 + 13.5 = 70
    expect(weightedTotal([8, 6, 7, 5, 9], BB)).toBe(70);
    // 22.5 + 7.5 + 12 + 6 + 15 = 63
    expect(weightedTotal([9, 3, 6, 4, 10], BB)).toBe(63);
    expect(weightedTotal([10, 10, 10, 10, 10], BB)).toBe(100);
    expect(weightedTotal([0, 0, 0, 0, 0], BB)).toBe(0);
  });

  it("Тәуелсіздік ұрпақтары: nine equal criteria on 0..10, the total out of 10, 4 decimals", () => {
    // (9+8+7+6+5+4+3+2+1) / 90 × 10 = 45 / 9 = 5
    expect(weightedTotal([9, 8, 7, 6, 5, 4, 3, 2, 1], TU)).toBe(5);
    // 69 / 90 × 10 = 7.6666… → 7.6667
    expect(weightedTotal([10, 9, 9, 8, 8, 7, 7, 6, 5], TU)).toBe(7.6667);
  });

  it("places each score on its own scale before weighting", () => {
    // (2·3/5 + 1·(2−1)/3) / 3 × 10 = (1.2 + 0.3333…) / 3 × 10 = 5.1111…
    const r: Rubric = { criteria: [{ scaleMin: 0, scaleMax: 5, weight: 2 }, { scaleMin: 1, scaleMax: 4, weight: 1 }], scoreOutOf: 10 };
    expect(weightedTotal([3, 2], r)).toBe(5.1111);
  });

  it("gives the seed's results for the seed's inputs (the formula db/seed/util.ts used)", () => {
    const seedFormula = (scores: number[], rubric: Rubric) => {
      let sum = 0;
      let weights = 0;
      rubric.criteria.forEach((c, i) => {
        sum += (c.weight * (scores[i] - c.scaleMin)) / (c.scaleMax - c.scaleMin);
        weights += c.weight;
      });
      return Math.round((sum / weights) * rubric.scoreOutOf * 10_000) / 10_000;
    };
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) % 11;
    for (let i = 0; i < 500; i++) {
      for (const rubric of [BB, TU]) {
        const scores = rubric.criteria.map(() => next());
        expect(weightedTotal(scores, rubric)).toBe(seedFormula(scores, rubric));
      }
    }
  });

  it("refuses missing, fractional or out-of-scale scores and broken rubrics", () => {
    expect(() => weightedTotal([8, 6, 7, 5], BB)).toThrow(ScoringError);
    expect(() => weightedTotal([8, 6, 7, 5, 11], BB)).toThrow(ScoringError);
    expect(() => weightedTotal([8, 6, 7, 5, -1], BB)).toThrow(ScoringError);
    expect(() => weightedTotal([8, 6, 7, 5, 4.5], BB)).toThrow(ScoringError);
    expect(() => weightedTotal([1], { criteria: [{ scaleMin: 0, scaleMax: 10, weight: 0 }], scoreOutOf: 10 })).toThrow(ScoringError);
    expect(() => weightedTotal([1], { criteria: [{ scaleMin: 5, scaleMax: 5, weight: 1 }], scoreOutOf: 10 })).toThrow(ScoringError);
    expect(() => weightedTotal([], { criteria: [], scoreOutOf: 10 })).toThrow(ScoringError);
    expect(() => weightedTotal([1], { criteria: [{ scaleMin: 0, scaleMax: 10, weight: 1 }], scoreOutOf: 0 })).toThrow(ScoringError);
  });
});

describe("spread and median", () => {
  it("uses the population SD (divide by n)", () => {
    // mean 30; squared deviations 400+100+0+100+400 = 1000; / 5 = 200 (a sample SD would use / 4 = 250)
    expect(spread([10, 20, 30, 40, 50])).toEqual({ count: 5, mean: 30, sd: Math.sqrt(200) });
    expect(spread([7, 7, 7])).toEqual({ count: 3, mean: 7, sd: 0 });
  });

  it("takes the mean of the two middle values for an even count", () => {
    expect(median([90, 40, 60, 50])).toBe(55);
    expect(median([40, 90, 50])).toBe(50);
    expect(median([3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe("scoreApplications", () => {
  it("gives count, mean, median (even count) and range per application", () => {
    const reviews = [
      { applicationId: "a", reviewerId: "r1", total: 40 },
      { applicationId: "a", reviewerId: "r2", total: 90 },
      { applicationId: "a", reviewerId: "r3", total: 50 },
      { applicationId: "a", reviewerId: "r4", total: 60 },
      { applicationId: "b", reviewerId: "r1", total: 72.5 },
    ];
    const [a, b, c] = scoreApplications(["a", "b", "c"], reviews, { scoreOutOf: 100 });
    // a: mean (40+90+50+60)/4 = 60; median (50+60)/2 = 55; range 90 − 40 = 50 > 30
    expect(a).toMatchObject({ reviews: 4, mean: 60, median: 55, min: 40, max: 90, range: 50, disagreement: true });
    // all four reviewers have fewer than 5 reviews: the normalised score is the raw mean
    expect(a).toMatchObject({ normalised: 60, rawFallbacks: 4 });
    expect(b).toMatchObject({ reviews: 1, mean: 72.5, median: 72.5, range: 0, normalised: 72.5, disagreement: false });
    expect(c).toEqual({
      applicationId: "c",
      reviews: 0,
      mean: null,
      median: null,
      min: null,
      max: null,
      range: null,
      normalised: null,
      rawFallbacks: 0,
      disagreement: false,
    });
  });

  it("a harsh and a lenient reviewer who rank their applications alike give equal normalised scores", () => {
    // H (harsh) scores a1..a5: 10 20 30 40 50 — mean 30, population SD √200 = 10√2
    // L (lenient) scores b1..b5: 60 65 70 75 80 — mean 70, population SD √50 = 5√2
    // z at the same position is the same: −√2, −1/√2, 0, 1/√2, √2
    // call: mean (150 + 350)/10 = 50; squared deviations 1600+900+400+100+0+100+225+400+625+900 = 5250, SD √525
    // normalised = 50 + √525 × z: position 1 → 50 − √1050 = 17.5963, 2 → 50 − √262.5 = 33.7981, 3 → 50
    const reviews = [...by("H", "a", [10, 20, 30, 40, 50]), ...by("L", "b", [60, 65, 70, 75, 80])];
    const ids = ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "b5"];
    const s = new Map(scoreApplications(ids, reviews, { scoreOutOf: 100 }).map((r) => [r.applicationId, r]));
    for (let i = 1; i <= 5; i++) {
      expect(s.get(`a${i}`)!.normalised).toBe(s.get(`b${i}`)!.normalised);
      expect(s.get(`a${i}`)!.mean).not.toBe(s.get(`b${i}`)!.mean);
      expect(s.get(`a${i}`)!.rawFallbacks).toBe(0);
    }
    expect(s.get("a1")!.normalised).toBe(17.5963);
    expect(s.get("a2")!.normalised).toBe(33.7981);
    expect(s.get("a3")!.normalised).toBe(50);
    expect(s.get("a4")!.normalised).toBe(66.2019);
    expect(s.get("a5")!.normalised).toBe(82.4037);

    const stats = callScoring(reviews, { scoreOutOf: 100 });
    expect(stats.call).toEqual({ count: 10, mean: 50, sd: Math.sqrt(525) });
    expect(stats.reviewers.get("H")).toEqual({ count: 5, mean: 30, sd: Math.sqrt(200), normalised: true });
    expect(stats.reviewers.get("L")).toEqual({ count: 5, mean: 70, sd: Math.sqrt(50), normalised: true });
  });

  it("is call mean + call SD × mean z for an application with several normalised reviewers", () => {
    // H and L both review x1..x5, H harsh (10..50), L lenient (60..80): z of x_i is the same for both,
    // so mean z = z and x_i's normalised score is that of the previous fixture (same call mean and SD).
    const reviews = [...by("H", "x", [10, 20, 30, 40, 50]), ...by("L", "x", [60, 65, 70, 75, 80])];
    const rows = scoreApplications(["x1", "x3", "x5"], reviews, { scoreOutOf: 100 });
    expect(rows.map((r) => r.normalised)).toEqual([17.5963, 50, 82.4037]);
    // each review on its own: H's 10 and L's 60 of x1 are both worth 50 − √1050
    const stats = callScoring(reviews, { scoreOutOf: 100 });
    for (let i = 0; i < 5; i++) {
      const h = normalisedReview(stats, reviews[i]);
      const l = normalisedReview(stats, reviews[5 + i]);
      expect(h.fallback || l.fallback).toBe(false);
      expect(h.value).toBeCloseTo(l.value, 10);
    }
    expect(normalisedReview(stats, reviews[0]).value).toBeCloseTo(50 - Math.sqrt(1050), 10);
    // raw means: (10+60)/2 = 35, (30+70)/2 = 50, (50+80)/2 = 65
    expect(rows.map((r) => r.mean)).toEqual([35, 50, 65]);
  });

  it(`uses the raw total of a reviewer with fewer than ${MIN_REVIEWS_FOR_NORMALISATION} reviews`, () => {
    // H: 5 reviews (normalised); C: 4 reviews (raw)
    const reviews = [...by("H", "a", [10, 20, 30, 40, 50]), ...by("C", "c", [30, 40, 50, 60])];
    const stats = callScoring(reviews, { scoreOutOf: 100 });
    expect(stats.reviewers.get("C")).toMatchObject({ count: 4, normalised: false });
    const [c1, c4, a3] = scoreApplications(["c1", "c4", "a3"], reviews, { scoreOutOf: 100 });
    expect(c1).toMatchObject({ normalised: 30, rawFallbacks: 1 });
    expect(c4).toMatchObject({ normalised: 60, rawFallbacks: 1 });
    // a3 has z = 0: the call mean (150 + 180)/9 = 36.6667
    expect(a3).toMatchObject({ normalised: 36.6667, rawFallbacks: 0 });

    // the threshold is a parameter: with 4 reviews enough, C is normalised too
    expect(callScoring(reviews, { scoreOutOf: 100, minReviews: 4 }).reviewers.get("C")!.normalised).toBe(true);
  });

  it("mixes a raw fallback and a normalised review of one application by their mean", () => {
    // app a1: H (normalised, z = −√2) and C (raw 30, C has 1 review)
    const reviews = [...by("H", "a", [10, 20, 30, 40, 50]), { applicationId: "a1", reviewerId: "C", total: 30 }];
    // call: 10,20,30,40,50,30 → mean 30; squared deviations 400+100+0+100+400+0 = 1000 / 6; SD √(500/3)
    const hValue = 30 + Math.sqrt(1000 / 6) * -Math.SQRT2;
    const [a1] = scoreApplications(["a1"], reviews, { scoreOutOf: 100 });
    expect(a1.rawFallbacks).toBe(1);
    expect(a1.normalised).toBeCloseTo((hValue + 30) / 2, 4);
    expect(a1.mean).toBe(20);
  });

  it("uses raw totals for a reviewer whose SD is 0", () => {
    const reviews = [...by("D", "d", [70, 70, 70, 70, 70]), ...by("H", "a", [10, 20, 30, 40, 50])];
    expect(callScoring(reviews, { scoreOutOf: 100 }).reviewers.get("D")).toEqual({ count: 5, mean: 70, sd: 0, normalised: false });
    const [d1] = scoreApplications(["d1"], reviews, { scoreOutOf: 100 });
    expect(d1).toMatchObject({ normalised: 70, rawFallbacks: 1 });
  });

  it("clamps the normalised score to the scale", () => {
    // E: 0 0 0 0 100 — mean 20, SD √((4·400 + 6400)/5) = 40; z: −0.5 ×4, 2
    // F: 100 100 100 100 0 — mean 80, SD 40; z: 0.5 ×4, −2
    // call: five 0s and five 100s — mean 50, SD 50
    // e5: 50 + 50·2 = 150 → 100; f5: 50 − 100 = −50 → 0; e1: 50 − 25 = 25; f1: 75
    const reviews = [...by("E", "e", [0, 0, 0, 0, 100]), ...by("F", "f", [100, 100, 100, 100, 0])];
    const rows = scoreApplications(["e1", "e5", "f1", "f5"], reviews, { scoreOutOf: 100 });
    expect(rows.map((r) => r.normalised)).toEqual([25, 100, 75, 0]);
  });

  it("flags disagreement strictly above the threshold (default 30 % of the scale)", () => {
    expect(DEFAULT_DISAGREEMENT_SHARE).toBe(0.3);
    expect(defaultDisagreementThreshold(100)).toBe(30);
    expect(defaultDisagreementThreshold(10)).toBe(3);
    const two = (a: number, b: number): ReviewTotal[] => [
      { applicationId: "x", reviewerId: "r1", total: a },
      { applicationId: "x", reviewerId: "r2", total: b },
    ];
    const flag = (reviews: ReviewTotal[], scoreOutOf: number, disagreementThreshold?: number) =>
      scoreApplications(["x"], reviews, { scoreOutOf, disagreementThreshold })[0].disagreement;
    expect(flag(two(40, 70), 100)).toBe(false); // 30: at the threshold
    expect(flag(two(40, 70.0001), 100)).toBe(true); // 30.0001: above
    expect(flag(two(4.6667, 7.6667), 10)).toBe(false); // 3 (7.6667 − 4.6667 is 3.0000000000000004 in floats)
    expect(flag(two(4.9, 8), 10)).toBe(true); // 3.1
    expect(flag(two(40, 70), 100, 25)).toBe(true); // the call's own threshold
    expect(flag(two(40, 70), 100, 30)).toBe(false);
  });

  it("refuses totals outside the scale, duplicate reviews and an application listed twice", () => {
    expect(() => scoreApplications(["x", "x"], [], { scoreOutOf: 10 })).toThrow(ScoringError);
    expect(() => scoreApplications(["x"], [{ applicationId: "x", reviewerId: "r", total: 100.5 }], { scoreOutOf: 100 })).toThrow(ScoringError);
    expect(() => scoreApplications(["x"], [{ applicationId: "x", reviewerId: "r", total: 11 }], { scoreOutOf: 10 })).toThrow(ScoringError);
    expect(() =>
      scoreApplications(
        ["x"],
        [
          { applicationId: "x", reviewerId: "r", total: 5 },
          { applicationId: "x", reviewerId: "r", total: 6 },
        ],
        { scoreOutOf: 10 },
      ),
    ).toThrow(ScoringError);
  });
});

describe("rankApplications", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 2, day, 5));

  it("shows raw and normalised scores with both ranks: normalising can reorder", () => {
    // harsh H's best (a5, raw 50) equals lenient L's best (b5, raw 80) after normalisation
    const reviews = [...by("H", "a", [10, 20, 30, 40, 50]), ...by("L", "b", [60, 65, 70, 75, 80])];
    const apps = ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "b5"].map((id, i) => ({ id, submittedAt: at(i + 1) }));
    const rows = rankApplications(apps, reviews, { scoreOutOf: 100 });
    // sorted by normalised rank; equal normalised scores → earlier submission (a before b)
    expect(rows.map((r) => r.applicationId)).toEqual(["a5", "b5", "a4", "b4", "a3", "b3", "a2", "b2", "a1", "b1"]);
    expect(rows.map((r) => r.normalisedRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // raw: b5 80, b4 75, b3 70, b2 65, b1 60, a5 50, …
    expect(rows.map((r) => r.rawRank)).toEqual([6, 1, 7, 2, 8, 3, 9, 4, 10, 5]);
  });

  it("breaks ties by the programme's order: jobs created, then earlier submission, then id", () => {
    const reviews: ReviewTotal[] = [
      { applicationId: "p", reviewerId: "r1", total: 60 },
      { applicationId: "q", reviewerId: "r1", total: 60 },
      { applicationId: "s", reviewerId: "r1", total: 60 },
      { applicationId: "t", reviewerId: "r1", total: 60 },
      { applicationId: "u", reviewerId: "r1", total: 70 },
    ];
    const apps = [
      { id: "t", submittedAt: at(1), jobsCreated: 2 },
      { id: "s", submittedAt: at(1), jobsCreated: 2 },
      { id: "q", submittedAt: at(2), jobsCreated: 5 },
      { id: "p", submittedAt: at(3), jobsCreated: 2 },
      { id: "u", submittedAt: at(9), jobsCreated: 0 },
      { id: "none", submittedAt: at(1), jobsCreated: 9 },
    ];
    const rows = rankApplications(apps, reviews, { scoreOutOf: 100, order: bb.tieBreak });
    // u (70) first; q (more jobs); s and t (2 jobs, same day → id); p (later); "none" without reviews last
    expect(rows.map((r) => [r.applicationId, r.normalisedRank, r.rawRank])).toEqual([
      ["u", 1, 1],
      ["q", 2, 2],
      ["s", 3, 3],
      ["t", 4, 4],
      ["p", 5, 5],
      ["none", 6, 6],
    ]);
    // without jobs in the order (Тәуелсіздік ұрпақтары): earlier submission, then id
    const plain = rankApplications(apps, reviews, { scoreOutOf: 100, order: tu.tieBreak });
    expect(plain.map((r) => r.applicationId)).toEqual(["u", "s", "t", "q", "p", "none"]);
  });

  it("is the same whatever the input order", () => {
    const reviews = [...by("H", "a", [10, 20, 30, 40, 50]), ...by("L", "b", [60, 65, 70, 75, 80])];
    const apps = ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "b5"].map((id) => ({ id, submittedAt: at(1) }));
    const one = rankApplications(apps, reviews, { scoreOutOf: 100 });
    const two = rankApplications([...apps].reverse(), [...reviews].reverse(), { scoreOutOf: 100 });
    expect(two).toEqual(one);
  });

  it("sorts by raw rank when the programme's order names raw_score first", () => {
    const reviews = [...by("H", "a", [10, 20, 30, 40, 50]), ...by("L", "b", [60, 65, 70, 75, 80])];
    const apps = ["a1", "a5", "b1", "b5"].map((id, i) => ({ id, submittedAt: at(i + 1) }));
    const rows = rankApplications(apps, reviews, { scoreOutOf: 100, order: ["raw_score", "submitted_at"] });
    expect(rows.map((r) => r.applicationId)).toEqual(["b5", "b1", "a5", "a1"]);
    expect(rows.map((r) => r.rawRank)).toEqual([1, 2, 3, 4]);
  });
});
