/** Money: whole tenge (KZT) as JavaScript integers. Pure, Node and browser. */
import type { Locale } from './datetime';

export type MoneyErrorCode = 'invalid_amount' | 'mrp_missing' | 'award_not_configured';

export class MoneyError extends Error {
  readonly code: MoneyErrorCode;
  /** The year whose MRP is missing, for `mrp_missing`. */
  readonly year: number | undefined;

  constructor(code: MoneyErrorCode, message: string, year?: number) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
    this.year = year;
  }
}

/** Throws MoneyError('invalid_amount') unless `value` is a safe integer ≥ 0. */
export function assertWholeTenge(value: number, what = 'amount'): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MoneyError('invalid_amount', `${what} must be a whole, non-negative number of tenge, got ${value}`);
  }
}

const formatters = new Map<Locale, Intl.NumberFormat>();

/**
 * kk/ru → "1 500 000 ₸" (U+00A0 between groups and before ₸); en → "₸1,500,000".
 * Accepts any safe integer (negative too, e.g. an overspent balance); rejects fractions.
 */
export function formatMoney(amount: number, locale: Locale): string {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError('invalid_amount', `amount must be whole tenge, got ${amount}`);
  }
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(`${locale}-KZ`, {
      style: 'currency',
      currency: 'KZT',
      maximumFractionDigits: 0,
      currencyDisplay: 'narrowSymbol',
    });
    formatters.set(locale, f);
  }
  return f.format(amount === 0 ? 0 : amount); // no "-0 ₸"
}

export interface AwardTerms {
  awardKind: 'fixed' | 'mrp';
  awardAmount?: number | null;
  awardMrpMultiple?: number | null;
}

function positiveInteger(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * The amount of one grant: a fixed amount, or a whole number of MRP times the year's MRP
 * (400 × 4,325 = 1,730,000 ₸ for 2026). Throws MoneyError: `award_not_configured` when the
 * programme's amount/multiple is missing or not a positive integer, `mrp_missing` when
 * `mrpByYear` has no positive integer MRP for `year`.
 */
export function awardAmountFor(
  programme: AwardTerms,
  year: number,
  mrpByYear: Readonly<Record<number, number>>,
): number {
  if (programme.awardKind === 'fixed') {
    if (!positiveInteger(programme.awardAmount)) {
      throw new MoneyError('award_not_configured', 'fixed award needs a positive whole amount of tenge');
    }
    return programme.awardAmount;
  }
  if (!positiveInteger(programme.awardMrpMultiple)) {
    throw new MoneyError('award_not_configured', 'MRP award needs a positive whole number of MRP');
  }
  const mrp = mrpByYear[year];
  if (!positiveInteger(mrp)) {
    throw new MoneyError('mrp_missing', `no MRP configured for ${year}`, year);
  }
  const amount = programme.awardMrpMultiple * mrp;
  assertWholeTenge(amount, 'award amount');
  return amount;
}

/** How many more grants of `awardAmount` fit in what is left of the budget cap (0 if none). */
export function grantsCovered(budgetCap: number, awardedTotal: number, awardAmount: number): number {
  assertWholeTenge(budgetCap, 'budgetCap');
  assertWholeTenge(awardedTotal, 'awardedTotal');
  assertWholeTenge(awardAmount, 'awardAmount');
  if (awardAmount === 0) throw new MoneyError('invalid_amount', 'awardAmount must be positive, got 0');
  const remaining = budgetCap - awardedTotal;
  return remaining <= 0 ? 0 : Math.floor(remaining / awardAmount);
}
