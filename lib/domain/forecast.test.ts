import { describe, expect, it } from "vitest";
import { analyseForecast, type ForecastRow, type ForecastWarningCode } from "./forecast";
import { MoneyError } from "./money";

/** 12 rows from per-month arrays or one value for every month. */
function rows(revenue: number | number[], expenses: number | number[]): ForecastRow[] {
  const at = (v: number | number[], i: number) => (Array.isArray(v) ? v[i] : v);
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, revenue: at(revenue, i), expenses: at(expenses, i) }));
}
const codes = (r: ReturnType<typeof analyseForecast>): ForecastWarningCode[] => r.warnings.map((w) => w.code);

describe("analyseForecast", () => {
  // A bakery: investment 1,500,000.
  // revenue  300k, 400k, 500k, then 600k × 9   → 1,200,000 + 5,400,000 = 6,600,000
  // expenses 450k × 3, then 400k × 9            → 1,350,000 + 3,600,000 = 4,950,000
  // profit   −150k, −50k, +50k, then +200k × 9  → 1,650,000
  // cumulative −150k, −200k, −150k, 50k, 250k, 450k, 650k, 850k, 1,050k, 1,250k, 1,450k, 1,650k
  const bakery = rows([300_000, 400_000, 500_000, ...Array<number>(9).fill(600_000)], [450_000, 450_000, 450_000, ...Array<number>(9).fill(400_000)]);

  it("computes profit, cumulative profit and totals", () => {
    const r = analyseForecast(bakery, 1_500_000);
    expect(r.months.map((m) => m.profit)).toEqual([-150_000, -50_000, 50_000, ...Array<number>(9).fill(200_000)]);
    expect(r.months.map((m) => m.cumulative)).toEqual([
      -150_000, -200_000, -150_000, 50_000, 250_000, 450_000, 650_000, 850_000, 1_050_000, 1_250_000, 1_450_000, 1_650_000,
    ]);
    expect(r.months[0]).toEqual({ month: 1, revenue: 300_000, expenses: 450_000, profit: -150_000, cumulative: -150_000 });
    expect(r).toMatchObject({ totalRevenue: 6_600_000, totalExpenses: 4_950_000, totalProfit: 1_650_000 });
  });

  it("finds break-even (month 3) and payback within the year (month 12: 1,650k ≥ 1,500k, month 11: 1,450k <)", () => {
    const r = analyseForecast(bakery, 1_500_000);
    expect(r).toMatchObject({ breakEvenMonth: 3, paybackMonths: 12, paybackEstimated: false, warnings: [] });
    // Reaching the investment exactly counts: cumulative at month 11 is 1,450,000.
    expect(analyseForecast(bakery, 1_450_000).paybackMonths).toBe(11);
  });

  it("sorts rows by month", () => {
    const r = analyseForecast([...bakery].reverse(), 1_500_000);
    expect(r.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.paybackMonths).toBe(12);
  });

  it("break-even is the start of the last run of months with profit ≥ 0", () => {
    // profits +100k, −10k, 0, then +100k: month 3 (profit 0 counts)
    const r = analyseForecast(rows([200_000, 90_000, 100_000, ...Array<number>(9).fill(200_000)], 100_000), 0);
    expect(r.breakEvenMonth).toBe(3);
    expect(analyseForecast(rows(200_000, 100_000), 0).breakEvenMonth).toBe(1);
    // last month at a loss: no break-even
    expect(analyseForecast(rows([...Array<number>(11).fill(200_000), 50_000], 100_000), 0).breakEvenMonth).toBeNull();
  });

  describe("estimated payback beyond month 12", () => {
    it("from the average profit of months 10–12", () => {
      // profit 50,000 every month → 600,000 after 12 months; remaining 900,000 / 50,000 = 18 → 12 + 18 = 30
      const r = analyseForecast(rows(200_000, 150_000), 1_500_000);
      expect(r).toMatchObject({ totalProfit: 600_000, paybackMonths: 30, paybackEstimated: true, warnings: [] });
    });

    it("rounds the remaining months up", () => {
      // profits 50k × 9, then 40k, 50k, 70k → total 450k + 160k = 610k; remaining 1,500,000 − 610,000 = 890,000;
      // average of months 10–12 = 160,000 / 3 = 53,333.33…; 890,000 / 53,333.33… = 16.6875 → 17 → 12 + 17 = 29
      const expenses = [...Array<number>(9).fill(150_000), 160_000, 150_000, 130_000];
      const r = analyseForecast(rows(200_000, expenses), 1_500_000);
      expect(r).toMatchObject({ totalProfit: 610_000, paybackMonths: 29, paybackEstimated: true });
    });

    it("warns beyond 36 months", () => {
      // profit 20,000 a month → 240,000; remaining 1,260,000 / 20,000 = 63 → 75
      const r = analyseForecast(rows(200_000, 180_000), 1_500_000);
      expect(r).toMatchObject({ paybackMonths: 75, paybackEstimated: true });
      expect(codes(r)).toEqual(["payback_beyond_36"]);
      // profit 62,500 a month → 750,000; investment 2,250,000: remaining 1,500,000 / 62,500 = 24 → 36 (no warning);
      // one tenge more: ceil(1,500,001 / 62,500) = 25 → 37
      expect(analyseForecast(rows(262_500, 200_000), 2_250_000)).toMatchObject({ paybackMonths: 36, warnings: [] });
      expect(codes(analyseForecast(rows(262_500, 200_000), 2_250_001))).toEqual(["payback_beyond_36"]);
    });

    it("is null when months 10–12 make no profit on average", () => {
      // +10k × 9, then −10k × 3: cumulative 60,000 < 1,500,000, average of months 10–12 = −10,000
      const r = analyseForecast(rows(100_000, [...Array<number>(9).fill(90_000), 110_000, 110_000, 110_000]), 1_500_000);
      expect(r).toMatchObject({ totalProfit: 60_000, breakEvenMonth: null, paybackMonths: null, paybackEstimated: false });
      expect(codes(r)).toEqual(["payback_beyond_36"]);
    });
  });

  describe("warnings", () => {
    it("incomplete: not months 1..12, or amounts that are not whole tenge", () => {
      const cases: ForecastRow[][] = [
        bakery.slice(0, 11),
        [...bakery.slice(0, 11), { ...bakery[10] }], // month 11 twice, no month 12
        [...bakery.slice(0, 11), { ...bakery[11], month: 13 }],
        [...bakery, { month: 12, revenue: 1, expenses: 1 }],
        bakery.map((r, i) => (i === 4 ? { ...r, revenue: 600_000.5 } : r)),
        bakery.map((r, i) => (i === 4 ? { ...r, expenses: -1 } : r)),
        [],
      ];
      for (const c of cases) expect(codes(analyseForecast(c, 1_500_000))).toContain("incomplete");
    });

    it("an incomplete forecast is still analysed as far as it goes", () => {
      // month 5's revenue 600,000.5 counts as 0: profit −400,000 instead of +200,000 → total 1,650,000 − 600,000
      const r = analyseForecast(bakery.map((x, i) => (i === 4 ? { ...x, revenue: 600_000.5 } : x)), 1_500_000);
      expect(r.totalProfit).toBe(1_050_000);
      expect(r.months[4]).toMatchObject({ revenue: 0, profit: -400_000 });
      expect(analyseForecast(bakery.slice(0, 3), 0).months).toHaveLength(3);
    });

    it("no_revenue (with never_profitable and no payback)", () => {
      expect(codes(analyseForecast(rows(0, 50_000), 1_500_000))).toEqual(["no_revenue", "never_profitable", "payback_beyond_36"]);
    });

    it("expenses_missing: revenue but zero expenses in every month", () => {
      // profit = revenue = 300,000 a month → payback in month 5 (5 × 300,000 = 1,500,000); margin 100%
      const r = analyseForecast(rows(300_000, 0), 1_500_000);
      expect(r.paybackMonths).toBe(5);
      expect(codes(r)).toEqual(["expenses_missing", "margin_implausible"]);
      // one month with expenses is enough
      expect(codes(analyseForecast(rows(300_000, [100_000, ...Array<number>(11).fill(0)]), 0))).not.toContain("expenses_missing");
    });

    it("never_profitable: no month with a profit", () => {
      // profit −50,000 every month
      const r = analyseForecast(rows(100_000, 150_000), 1_500_000);
      expect(r).toMatchObject({ totalProfit: -600_000, breakEvenMonth: null, paybackMonths: null });
      expect(codes(r)).toEqual(["never_profitable", "payback_beyond_36"]);
    });

    it("margin_implausible: total profit above 80% of total revenue", () => {
      // revenue 1,000,000, expenses 200,000 → profit exactly 80%: no warning
      expect(codes(analyseForecast(rows(1_000_000, 200_000), 1_500_000))).toEqual([]);
      // expenses 199,999 → 800,001 / 1,000,000 > 80%
      expect(codes(analyseForecast(rows(1_000_000, 199_999), 1_500_000))).toEqual(["margin_implausible"]);
    });

    it("sudden_jump: revenue more than 5× that of the previous month with revenue", () => {
      // 0, 100k, 0, 500k (= 5× 100k, not more), 2,500,001 (> 5× 500k), then flat
      const revenue = [0, 100_000, 0, 500_000, ...Array<number>(8).fill(2_500_001)];
      const r = analyseForecast(rows(revenue, 2_000_000), 1_500_000);
      expect(r.warnings).toContainEqual({ code: "sudden_jump", months: [5] });
      // The first month with revenue after empty months is no jump.
      expect(codes(analyseForecast(rows([0, 0, 1_000_000, ...Array<number>(9).fill(1_000_000)], 500_000), 0))).not.toContain("sudden_jump");
      // several jumps are listed together
      const twice = analyseForecast(rows([10_000, 60_000, 60_000, 400_000, ...Array<number>(8).fill(400_000)], 100_000), 0);
      expect(twice.warnings).toContainEqual({ code: "sudden_jump", months: [2, 4] });
    });
  });

  it("refuses an investment that is not whole tenge", () => {
    expect(() => analyseForecast(bakery, -1)).toThrow(MoneyError);
    expect(() => analyseForecast(bakery, 0.5)).toThrow(MoneyError);
  });
});
