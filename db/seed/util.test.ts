import { describe, expect, it } from "vitest";
import { DISTRICT_CODES } from "@/lib/domain/districts";
import { IDEA_KEYS, businessPlan } from "./plans";
import { almatyInstant, canonicalJson, revisionContentHash, Rng, shiftDate, weightedTotal } from "./util";

describe("seed helpers", () => {
  it("places Almaty wall-clock times at UTC+5", () => {
    expect(almatyInstant("2026-12-26", 18).toISOString()).toBe("2026-12-26T13:00:00.000Z");
  });

  it("shifts dates by days and years, rolling 29 February forward", () => {
    expect(shiftDate("2026-01-31", 30)).toBe("2026-03-02");
    expect(shiftDate("2024-02-29", 0, -1)).toBe("2023-03-01");
    expect(shiftDate("2026-12-26", -40, -16)).toBe("2010-11-16");
  });

  it("hashes canonical JSON: key order does not matter", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(revisionContentHash({ x: 1, y: 2 })).toBe(revisionContentHash({ y: 2, x: 1 }));
    expect(revisionContentHash({ x: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("weights and normalises review totals", () => {
    const c = [
      { scaleMin: 0, scaleMax: 10, weight: 25 },
      { scaleMin: 0, scaleMax: 10, weight: 75 },
    ];
    expect(weightedTotal([10, 10], c, 100)).toBe(100);
    expect(weightedTotal([0, 0], c, 100)).toBe(0);
    expect(weightedTotal([10, 0], c, 100)).toBe(25);
    expect(weightedTotal([5, 5], c, 10)).toBe(5);
  });

  it("is deterministic", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});

describe("business plans", () => {
  it("have budget lines summing exactly to the award and a 12-month forecast, for every idea and language", () => {
    for (let seed = 0; seed < 300; seed++) {
      const rng = new Rng(seed);
      const plan = businessPlan(rng, {
        lang: seed % 2 ? "kk" : "ru",
        districtCode: DISTRICT_CODES[seed % DISTRICT_CODES.length],
        awardAmount: seed % 3 ? 1_500_000 : 1_730_000,
        certificateYear: 2026,
        ideaKey: IDEA_KEYS[seed % IDEA_KEYS.length],
      });
      const lines = plan.data.budget.lines as { amount: number; quantity: number; unitPrice: number }[];
      expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(seed % 3 ? 1_500_000 : 1_730_000);
      for (const l of lines) {
        expect(l.amount).toBe(l.quantity * l.unitPrice);
        expect(l.amount).toBeGreaterThan(0);
        expect(Number.isInteger(l.unitPrice)).toBe(true);
      }
      expect(plan.data.forecast.months).toHaveLength(12);
      expect(plan.jobsCreated).toBe(plan.data.jobs.jobsCreated);
      expect(plan.title.length).toBeGreaterThan(5);
    }
  });
});
