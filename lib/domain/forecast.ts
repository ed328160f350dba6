/**
 * The 12-month financial forecast of a business plan: profit, break-even, payback and warnings for the
 * applicant and the commission. A warning is advice, never a refusal. Pure, Node and browser.
 */
import { assertWholeTenge } from './money';

export type ForecastRow = { month: number; revenue: number; expenses: number };
export type ForecastMonth = ForecastRow & { profit: number; cumulative: number };

export type ForecastWarning =
  | { code: 'incomplete' }
  | { code: 'no_revenue' }
  | { code: 'expenses_missing' }
  | { code: 'never_profitable' }
  | { code: 'payback_beyond_36' }
  | { code: 'margin_implausible' }
  /** Months whose revenue is more than 5× that of the previous month with revenue. */
  | { code: 'sudden_jump'; months: number[] };

export type ForecastWarningCode = ForecastWarning['code'];

export type ForecastAnalysis = {
  months: ForecastMonth[];
  totalRevenue: number;
  totalExpenses: number;
  totalProfit: number;
  /** First month whose profit is ≥ 0 with every later month ≥ 0 too; null if none. */
  breakEvenMonth: number | null;
  /**
   * First month where cumulative profit ≥ the investment. If that is not within the forecast, an estimate
   * from the average profit of months 10–12: 12 + ceil(remaining / average); null when that average ≤ 0.
   */
  paybackMonths: number | null;
  /** true when paybackMonths is the estimate beyond month 12. */
  paybackEstimated: boolean;
  warnings: ForecastWarning[];
};

export const FORECAST_MONTHS = 12;
const PAYBACK_LIMIT = 36;
const JUMP_FACTOR = 5;

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isMonth = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= FORECAST_MONTHS;

/**
 * Analyses the forecast. A forecast that is not exactly months 1..12 with whole, non-negative tenge is
 * `incomplete`; it is still analysed as far as it goes: rows with a month outside 1..12 or a repeated
 * month are dropped, and amounts that are not whole tenge count as 0.
 */
export function analyseForecast(rows: readonly ForecastRow[], investment: number): ForecastAnalysis {
  assertWholeTenge(investment, 'investment');
  let complete = rows.length === FORECAST_MONTHS;
  const byMonth = new Map<number, ForecastRow>();
  for (const row of rows) {
    if (!isMonth(row.month) || byMonth.has(row.month)) {
      complete = false;
      continue;
    }
    if (!isWhole(row.revenue) || !isWhole(row.expenses)) complete = false;
    byMonth.set(row.month, {
      month: row.month,
      revenue: isWhole(row.revenue) ? row.revenue : 0,
      expenses: isWhole(row.expenses) ? row.expenses : 0,
    });
  }
  if (byMonth.size !== FORECAST_MONTHS) complete = false;

  let cumulative = 0;
  const months: ForecastMonth[] = [...byMonth.values()]
    .sort((a, b) => a.month - b.month)
    .map((r) => {
      const profit = r.revenue - r.expenses;
      cumulative += profit;
      return { ...r, profit, cumulative };
    });

  const totalRevenue = months.reduce((s, m) => s + m.revenue, 0);
  const totalExpenses = months.reduce((s, m) => s + m.expenses, 0);
  const totalProfit = totalRevenue - totalExpenses;

  // Break-even: the start of the final run of months with profit ≥ 0.
  let breakEvenMonth: number | null = null;
  for (let i = months.length - 1; i >= 0 && months[i].profit >= 0; i--) breakEvenMonth = months[i].month;

  let paybackMonths = months.find((m) => m.cumulative >= investment)?.month ?? null;
  let paybackEstimated = false;
  if (paybackMonths === null) {
    const tail = months.filter((m) => m.month >= 10);
    const tailProfit = tail.reduce((s, m) => s + m.profit, 0);
    if (tail.length > 0 && tailProfit > 0) {
      // remaining / (tailProfit / n), kept in integers so that exact quotients stay exact.
      paybackMonths = FORECAST_MONTHS + Math.ceil(((investment - totalProfit) * tail.length) / tailProfit);
      paybackEstimated = true;
    }
  }

  const warnings: ForecastWarning[] = [];
  if (!complete) warnings.push({ code: 'incomplete' });
  if (totalRevenue === 0) warnings.push({ code: 'no_revenue' });
  if (totalRevenue > 0 && totalExpenses === 0) warnings.push({ code: 'expenses_missing' });
  if (!months.some((m) => m.profit > 0)) warnings.push({ code: 'never_profitable' });
  if (paybackMonths === null || paybackMonths > PAYBACK_LIMIT) warnings.push({ code: 'payback_beyond_36' });
  // Profit above 80% of revenue (profit / revenue > 4/5, compared in integers).
  if (totalRevenue > 0 && totalProfit * 5 > totalRevenue * 4) warnings.push({ code: 'margin_implausible' });
  const jumps: number[] = [];
  let previous = 0; // revenue of the latest month with revenue
  for (const m of months) {
    if (previous > 0 && m.revenue > JUMP_FACTOR * previous) jumps.push(m.month);
    if (m.revenue > 0) previous = m.revenue;
  }
  if (jumps.length > 0) warnings.push({ code: 'sudden_jump', months: jumps });

  return { months, totalRevenue, totalExpenses, totalProfit, breakEvenMonth, paybackMonths, paybackEstimated, warnings };
}
