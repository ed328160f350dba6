import { describe, expect, it } from "vitest";
import { checkBudget, MAX_BUDGET_LINES, type BudgetLine } from "./budget";
import { MoneyError } from "./money";

const AWARD = 1_500_000;

// 1 × 900,000 + 2 × 150,000 + 10 × 30,000 = 900,000 + 300,000 + 300,000 = 1,500,000
const LINES: BudgetLine[] = [
  { item: "Кондитерлік пеш", quantity: 1, unitPrice: 900_000, amount: 900_000 },
  { item: "Миксер", quantity: 2, unitPrice: 150_000, amount: 300_000 },
  { item: "Ұн, 50 кг", quantity: 10, unitPrice: 30_000, amount: 300_000 },
];

describe("checkBudget", () => {
  it("accepts lines that sum exactly to the award", () => {
    expect(checkBudget(LINES, AWARD)).toEqual({ total: 1_500_000, difference: 0, lineIssues: [], tooManyLines: false, ok: true });
  });

  it("reports a total below or above the award as the difference", () => {
    // 1,500,000 − 300,000 (the last line dropped) = 1,200,000 → −300,000
    expect(checkBudget(LINES.slice(0, 2), AWARD)).toMatchObject({ total: 1_200_000, difference: -300_000, lineIssues: [], ok: false });
    // + 1 × 1,000 = 1,501,000 → +1,000
    const over = [...LINES, { item: "Қалып", quantity: 1, unitPrice: 1_000, amount: 1_000 }];
    expect(checkBudget(over, AWARD)).toMatchObject({ total: 1_501_000, difference: 1_000, ok: false });
  });

  it("flags a missing item", () => {
    const lines = [{ ...LINES[0], item: "  " }, LINES[1], LINES[2]];
    expect(checkBudget(lines, AWARD)).toMatchObject({ lineIssues: [{ index: 0, code: "item_missing" }], ok: false, total: AWARD });
  });

  it("needs a whole quantity from 1 to 10,000", () => {
    for (const quantity of [0, -1, 1.5, 10_001, Number.NaN]) {
      const r = checkBudget([{ item: "x", quantity, unitPrice: 10, amount: 10 }], 10);
      expect(r.lineIssues, String(quantity)).toEqual([{ index: 0, code: "quantity_invalid" }]);
    }
    expect(checkBudget([{ item: "x", quantity: 10_000, unitPrice: 150, amount: 1_500_000 }], AWARD).ok).toBe(true);
  });

  it("needs a whole unit price from 1 tenge to the award", () => {
    for (const unitPrice of [0, -5, 99.5, AWARD + 1]) {
      const r = checkBudget([{ item: "x", quantity: 1, unitPrice, amount: unitPrice }], AWARD);
      expect(r.lineIssues, String(unitPrice)).toEqual([{ index: 0, code: "price_invalid" }]);
    }
    expect(checkBudget([{ item: "x", quantity: 1, unitPrice: AWARD, amount: AWARD }], AWARD).ok).toBe(true);
  });

  it("needs amount = quantity × unit price", () => {
    // 2 × 150,000 = 300,000, not 299,999
    const lines = [LINES[0], { ...LINES[1], amount: 299_999 }, LINES[2]];
    expect(checkBudget(lines, AWARD)).toMatchObject({
      total: 1_499_999,
      difference: -1,
      lineIssues: [{ index: 1, code: "amount_mismatch" }],
      ok: false,
    });
  });

  it("reports several issues of several lines, and no mismatch where quantity or price is invalid", () => {
    const lines = [
      { item: "", quantity: 0, unitPrice: 0, amount: 5 },
      LINES[1],
      { item: "Ұн", quantity: 3, unitPrice: 30_000, amount: 1 },
    ];
    expect(checkBudget(lines, AWARD).lineIssues).toEqual([
      { index: 0, code: "item_missing" },
      { index: 0, code: "quantity_invalid" },
      { index: 0, code: "price_invalid" },
      { index: 2, code: "amount_mismatch" },
    ]);
  });

  it("accepts at most 50 lines", () => {
    // 50 × 30,000 = 1,500,000
    const fifty = Array.from({ length: MAX_BUDGET_LINES }, (_, i) => ({ item: `Item ${i + 1}`, quantity: 1, unitPrice: 30_000, amount: 30_000 }));
    expect(checkBudget(fifty, AWARD)).toMatchObject({ ok: true, tooManyLines: false });
    // 51 lines (total 1,500,001) are too many, whatever the total.
    const fiftyOne = [...fifty, { item: "Extra", quantity: 1, unitPrice: 1, amount: 1 }];
    expect(checkBudget(fiftyOne, AWARD)).toMatchObject({ ok: false, tooManyLines: true, lineIssues: [] });
  });

  it("an empty budget is not ok", () => {
    expect(checkBudget([], AWARD)).toEqual({ total: 0, difference: -AWARD, lineIssues: [], tooManyLines: false, ok: false });
  });

  it("refuses an award that is not whole tenge", () => {
    expect(() => checkBudget(LINES, 1.5)).toThrow(MoneyError);
  });
});
