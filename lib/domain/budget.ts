/** The grant budget of an application: what the grant buys, line by line. Pure, Node and browser. */
import { assertWholeTenge } from './money';

export type BudgetLine = { item: string; quantity: number; unitPrice: number; amount: number };

export type BudgetLineIssueCode = 'item_missing' | 'quantity_invalid' | 'price_invalid' | 'amount_mismatch';
export type BudgetLineIssue = { index: number; code: BudgetLineIssueCode };

export type BudgetCheck = {
  /** Sum of the lines' amounts as written (amounts that are not whole tenge count as 0). */
  total: number;
  /** total − award: negative when the lines fall short, positive when they exceed it. */
  difference: number;
  lineIssues: BudgetLineIssue[];
  /** More than MAX_BUDGET_LINES lines. */
  tooManyLines: boolean;
  /** No line issue, not too many lines, and the total equals the award exactly. */
  ok: boolean;
};

export const MAX_BUDGET_LINES = 50;
export const MAX_BUDGET_QUANTITY = 10_000;

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export const isBudgetQuantity = (v: unknown): v is number => isWhole(v) && v >= 1 && v <= MAX_BUDGET_QUANTITY;

/** A unit price is whole tenge, at least 1 and at most the award (one item cannot cost more than the grant). */
export const isBudgetUnitPrice = (v: unknown, awardAmount: number): v is number => isWhole(v) && v >= 1 && v <= awardAmount;

/**
 * Checks the lines against the award. A line may have several issues; `amount_mismatch` is reported only
 * when quantity and unit price are themselves valid (otherwise the product means nothing).
 */
export function checkBudget(lines: readonly BudgetLine[], awardAmount: number): BudgetCheck {
  assertWholeTenge(awardAmount, 'awardAmount');
  const lineIssues: BudgetLineIssue[] = [];
  let total = 0;
  lines.forEach((line, index) => {
    if (typeof line.item !== 'string' || line.item.trim() === '') lineIssues.push({ index, code: 'item_missing' });
    const quantityOk = isBudgetQuantity(line.quantity);
    const priceOk = isBudgetUnitPrice(line.unitPrice, awardAmount);
    if (!quantityOk) lineIssues.push({ index, code: 'quantity_invalid' });
    if (!priceOk) lineIssues.push({ index, code: 'price_invalid' });
    if (quantityOk && priceOk && line.amount !== line.quantity * line.unitPrice) {
      lineIssues.push({ index, code: 'amount_mismatch' });
    }
    if (isWhole(line.amount)) total += line.amount;
  });
  const tooManyLines = lines.length > MAX_BUDGET_LINES;
  return {
    total,
    difference: total - awardAmount,
    lineIssues,
    tooManyLines,
    ok: lineIssues.length === 0 && !tooManyLines && total === awardAmount,
  };
}
