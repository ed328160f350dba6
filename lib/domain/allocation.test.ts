import { describe, expect, it } from "vitest";
import { allocate, type Candidate, type DistrictState } from "./allocation";

const M = 1_500_000;
const c = (id: string, districtCode: string, rank: number, score: number | null = 80, reviewed = true): Candidate => ({ id, districtCode, rank, score, reviewed });
const d = (o: Partial<DistrictState> = {}): DistrictState => ({ ceiling: null, reservedMinimum: null, awardedCount: 0, ...o });

describe("allocate", () => {
  it("funds by rank until the budget is exhausted, and says so for the rest", () => {
    const a = allocate({ candidates: [c("b", "ili", 2), c("a", "ili", 1), c("c", "ili", 3)], amount: M, remaining: 2 * M + 999_999, minScore: 60, districts: { ili: d() } });
    expect(a.funded).toEqual(["a", "b"]);
    expect(a.outcomes).toEqual([
      { id: "a", funded: true, reason: "rank" },
      { id: "b", funded: true, reason: "rank" },
      { id: "c", funded: false, reason: "budget_exhausted" },
    ]);
    expect(a.total).toBe(2 * M);
    expect(a.remainingAfter).toBe(999_999);
  });

  it("a district's ceiling, counting awards it already has, skips to the next district's application", () => {
    const a = allocate({
      candidates: [c("k1", "konaev", 1), c("k2", "konaev", 2), c("t1", "talgar", 3), c("k3", "konaev", 4)],
      amount: M,
      remaining: 10 * M,
      minScore: 60,
      districts: { konaev: d({ ceiling: 2, awardedCount: 1 }), talgar: d() },
    });
    expect(a.funded).toEqual(["k1", "t1"]);
    expect(a.outcomes.find((o) => o.id === "k2")!.reason).toBe("district_ceiling");
    expect(a.outcomes.find((o) => o.id === "k3")!.reason).toBe("district_ceiling");
  });

  it("reserved minimums first: the best of each priority district above the minimum score, even below others' rank", () => {
    // Budget for 3 grants. Ili reserves 2 (has 1 already): its best one (rank 5) is funded first.
    const a = allocate({
      candidates: [c("a", "talgar", 1), c("b", "talgar", 2), c("c", "talgar", 3), c("i1", "ili", 5), c("i2", "ili", 6), c("low", "ili", 4, 59)],
      amount: M,
      remaining: 3 * M,
      minScore: 60,
      districts: { talgar: d(), ili: d({ reservedMinimum: 2, awardedCount: 1 }) },
    });
    expect(a.funded).toEqual(["i1", "a", "b"]);
    const reason = (id: string) => a.outcomes.find((o) => o.id === id)!.reason;
    expect(reason("i1")).toBe("reserved");
    expect(reason("low")).toBe("below_minimum"); // better rank, but under the minimum: never reserved
    expect(reason("c")).toBe("budget_exhausted");
    expect(reason("i2")).toBe("budget_exhausted");
  });

  it("a reserved minimum already met reserves nothing more", () => {
    const a = allocate({ candidates: [c("a", "talgar", 1), c("i1", "ili", 2)], amount: M, remaining: M, minScore: 60, districts: { talgar: d(), ili: d({ reservedMinimum: 1, awardedCount: 1 }) } });
    expect(a.funded).toEqual(["a"]);
  });

  it("a reserved grant respects its district's ceiling", () => {
    const a = allocate({ candidates: [c("a", "talgar", 1), c("i1", "ili", 2), c("i2", "ili", 3)], amount: M, remaining: 5 * M, minScore: 60, districts: { talgar: d(), ili: d({ reservedMinimum: 2, ceiling: 1 }) } });
    expect(a.funded).toEqual(["i1", "a"]);
    expect(a.outcomes.find((o) => o.id === "i2")!.reason).toBe("district_ceiling");
  });

  it("below the minimum score, without reviews or with reviews missing: never funded, each with its reason", () => {
    const a = allocate({
      candidates: [c("ok", "ili", 1, 60), c("under", "ili", 2, 59.9999), c("none", "ili", 3, null), c("open", "ili", 4, 95, false)],
      amount: M,
      remaining: 10 * M,
      minScore: 60,
      districts: { ili: d() },
    });
    expect(a.outcomes.map((o) => [o.id, o.reason])).toEqual([
      ["ok", "rank"],
      ["under", "below_minimum"],
      ["none", "below_minimum"],
      ["open", "not_reviewed"],
    ]);
  });

  it("ties are already broken by the ranking: rank order decides, whatever the input order", () => {
    const one = allocate({ candidates: [c("x", "ili", 2, 70), c("y", "ili", 1, 70)], amount: M, remaining: M, minScore: 60, districts: { ili: d() } });
    expect(one.funded).toEqual(["y"]);
  });

  it("refuses a zero or fractional amount", () => {
    expect(() => allocate({ candidates: [], amount: 0, remaining: M, minScore: 0, districts: {} })).toThrow();
    expect(() => allocate({ candidates: [], amount: 1.5, remaining: M, minScore: 0, districts: {} })).toThrow();
  });
});
