import { describe, expect, it } from 'vitest';
import { MoneyError, assertWholeTenge, awardAmountFor, formatMoney, grantsCovered } from './money';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('kk and ru: U+00A0 between groups and before ₸', () => {
    expect(formatMoney(1_500_000, 'kk')).toBe('1\u00a0500\u00a0000\u00a0₸');
    expect(formatMoney(1_500_000, 'ru')).toBe('1\u00a0500\u00a0000\u00a0\u20b8');
    expect(formatMoney(1_730_000, 'ru')).toBe(`1${NBSP}730${NBSP}000${NBSP}₸`);
  });

  it('en: ₸ first, comma groups', () => {
    expect(formatMoney(1_500_000, 'en')).toBe('\u20b81,500,000');
    expect(formatMoney(136_500_000, 'en')).toBe('₸136,500,000');
  });

  it('small, zero and negative amounts', () => {
    expect(formatMoney(999, 'ru')).toBe(`999${NBSP}₸`);
    expect(formatMoney(0, 'kk')).toBe(`0${NBSP}₸`);
    expect(formatMoney(-0, 'kk')).toBe(`0${NBSP}₸`);
    expect(formatMoney(0, 'en')).toBe('₸0');
    expect(formatMoney(-1_500_000, 'en')).toBe('-₸1,500,000');
  });

  it('is stable across calls (cached formatters)', () => {
    expect(formatMoney(1_500_000, 'kk')).toBe(formatMoney(1_500_000, 'kk'));
  });

  it('rejects fractions and non-finite numbers', () => {
    for (const bad of [0.5, 1_500_000.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => formatMoney(bad, 'ru')).toThrow(MoneyError);
    }
  });
});

describe('awardAmountFor', () => {
  const mrp = { 2025: 3_932, 2026: 4_325 };

  it('MRP-based: 400 MRP × 4,325 = 1,730,000 ₸ (2026), × 3,932 = 1,572,800 ₸ (2025)', () => {
    expect(awardAmountFor({ awardKind: 'mrp', awardMrpMultiple: 400 }, 2026, mrp)).toBe(1_730_000);
    expect(awardAmountFor({ awardKind: 'mrp', awardMrpMultiple: 400 }, 2025, mrp)).toBe(1_572_800);
  });

  it('fixed: the configured amount, whatever the year', () => {
    expect(awardAmountFor({ awardKind: 'fixed', awardAmount: 1_500_000 }, 2026, {})).toBe(1_500_000);
    expect(awardAmountFor({ awardKind: 'fixed', awardAmount: 3_000_000, awardMrpMultiple: 400 }, 1999, mrp)).toBe(
      3_000_000,
    );
  });

  it('throws a typed mrp_missing error with the year', () => {
    let caught: unknown;
    try {
      awardAmountFor({ awardKind: 'mrp', awardMrpMultiple: 400 }, 2027, mrp);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MoneyError);
    expect(caught).toMatchObject({ code: 'mrp_missing', year: 2027, name: 'MoneyError' });
  });

  it('treats a non-positive or fractional MRP as missing', () => {
    expect(() => awardAmountFor({ awardKind: 'mrp', awardMrpMultiple: 400 }, 2026, { 2026: 0 })).toThrow(
      expect.objectContaining({ code: 'mrp_missing' }),
    );
    expect(() => awardAmountFor({ awardKind: 'mrp', awardMrpMultiple: 400 }, 2026, { 2026: 4325.5 })).toThrow(
      expect.objectContaining({ code: 'mrp_missing' }),
    );
  });

  it('throws award_not_configured for missing, zero, negative or fractional terms', () => {
    const bad = [
      { awardKind: 'fixed' as const },
      { awardKind: 'fixed' as const, awardAmount: null },
      { awardKind: 'fixed' as const, awardAmount: 0 },
      { awardKind: 'fixed' as const, awardAmount: -1 },
      { awardKind: 'fixed' as const, awardAmount: 1_500_000.5 },
      { awardKind: 'mrp' as const },
      { awardKind: 'mrp' as const, awardMrpMultiple: null, awardAmount: 1_500_000 },
      { awardKind: 'mrp' as const, awardMrpMultiple: 0 },
      { awardKind: 'mrp' as const, awardMrpMultiple: 400.5 },
    ];
    for (const programme of bad) {
      expect(() => awardAmountFor(programme, 2026, mrp)).toThrow(
        expect.objectContaining({ code: 'award_not_configured' }),
      );
    }
  });
});

describe('grantsCovered', () => {
  it('floors what is left over the award', () => {
    expect(grantsCovered(136_500_000, 0, 1_500_000)).toBe(91);
    expect(grantsCovered(136_500_000, 1_500_000, 1_500_000)).toBe(90);
    expect(grantsCovered(136_499_999, 0, 1_500_000)).toBe(90);
    expect(grantsCovered(15_000_000, 14_000_000, 1_000_000)).toBe(1);
    expect(grantsCovered(15_000_000, 14_000_001, 1_000_000)).toBe(0);
  });

  it('is 0 when the budget is spent or overspent', () => {
    expect(grantsCovered(15_000_000, 15_000_000, 1_000_000)).toBe(0);
    expect(grantsCovered(15_000_000, 16_000_000, 1_000_000)).toBe(0);
    expect(grantsCovered(0, 0, 1_000_000)).toBe(0);
  });

  it('returns integers and rejects non-integers, negatives and a zero award', () => {
    expect(Number.isInteger(grantsCovered(10_000_000, 333, 1_730_000))).toBe(true);
    const bad: [number, number, number][] = [
      [1.5, 0, 1],
      [10, -1, 1],
      [-10, 0, 1],
      [10, 0.5, 1],
      [10, 0, 0],
      [10, 0, -1],
      [10, 0, 2.5],
      [Number.NaN, 0, 1],
    ];
    for (const [cap, spent, amount] of bad) {
      expect(() => grantsCovered(cap, spent, amount)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    }
  });
});

describe('assertWholeTenge', () => {
  it('accepts whole non-negative tenge, rejects the rest', () => {
    expect(() => assertWholeTenge(0)).not.toThrow();
    expect(() => assertWholeTenge(1_730_000)).not.toThrow();
    expect(() => assertWholeTenge(-1)).toThrow(MoneyError);
    expect(() => assertWholeTenge(0.1)).toThrow(MoneyError);
  });
});
