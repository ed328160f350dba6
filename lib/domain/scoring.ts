/**
 * Scoring of a call's reviews: a review's weighted total, per-application aggregates, the normalisation that
 * removes each reviewer's harshness or leniency, the disagreement flag and the ranking. Pure, Node and browser.
 *
 * Scale: every total, mean, median and normalised score is in the programme's points, 0..scoreOutOf
 * (100 for Бизнес бастау, 10 for Тәуелсіздік ұрпақтары). Values are rounded to 4 decimals, as
 * `reviews.total` is stored (numeric(10,4)), and compared after that rounding.
 */

export type RubricCriterion = { scaleMin: number; scaleMax: number; weight: number };
export type Rubric = { criteria: readonly RubricCriterion[]; scoreOutOf: number };

/** The programme's ranking order (`programmes.tie_break`), same values as `TieBreakKey` in db/schema. */
export type RankKey = 'normalised_score' | 'raw_score' | 'jobs_created' | 'submitted_at';

/** A reviewer's totals are normalised only with at least this many submitted reviews in the call. */
export const MIN_REVIEWS_FOR_NORMALISATION = 5;
/** Default disagreement threshold: max − min of an application's totals above this share of the scale. */
export const DEFAULT_DISAGREEMENT_SHARE = 0.3;
/** Used when a programme gives no ranking order. */
export const DEFAULT_RANK_ORDER: readonly RankKey[] = ['normalised_score', 'submitted_at'];
/** Decimals kept in totals and aggregates (as stored in `reviews.total`). */
export const SCORE_DECIMALS = 4;

export class ScoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringError';
  }
}

const round = (x: number): number => Math.round(x * 10 ** SCORE_DECIMALS) / 10 ** SCORE_DECIMALS;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function assertRubric(rubric: Rubric): void {
  if (!(Number.isFinite(rubric.scoreOutOf) && rubric.scoreOutOf > 0)) throw new ScoringError('scoreOutOf must be > 0');
  if (rubric.criteria.length === 0) throw new ScoringError('a rubric needs at least one criterion');
  rubric.criteria.forEach((c, i) => {
    if (!(Number.isFinite(c.scaleMin) && Number.isFinite(c.scaleMax) && c.scaleMax > c.scaleMin)) {
      throw new ScoringError(`criterion ${i}: scaleMax must be above scaleMin`);
    }
    if (!(Number.isFinite(c.weight) && c.weight > 0)) throw new ScoringError(`criterion ${i}: weight must be > 0`);
  });
}

/**
 * A review's weighted total in the programme's points:
 *   total = scoreOutOf × Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ,  rounded to 4 decimals.
 * Each score is first placed on 0..1 of its own scale, so criteria with different scales mix fairly, and the
 * weights are relative (they need not sum to 100). `scores[i]` belongs to `rubric.criteria[i]`; every
 * criterion must be scored, with a whole number inside its scale.
 * Examples: Бизнес бастау (weights 25/25/20/15/15 on 0..10, out of 100) with 8,6,7,5,9 gives 20 + 15 + 14 + 7.5 + 13.5 = 70;
 * Тәуелсіздік ұрпақтары (nine criteria of weight 1 on 0..10, out of 10) gives the plain mean of the nine.
 */
export function weightedTotal(scores: readonly number[], rubric: Rubric): number {
  assertRubric(rubric);
  if (scores.length !== rubric.criteria.length) {
    throw new ScoringError(`expected ${rubric.criteria.length} scores, got ${scores.length}`);
  }
  let sum = 0;
  let weights = 0;
  rubric.criteria.forEach((c, i) => {
    const s = scores[i];
    if (!Number.isInteger(s) || s < c.scaleMin || s > c.scaleMax) {
      throw new ScoringError(`score ${i} must be a whole number from ${c.scaleMin} to ${c.scaleMax}`);
    }
    sum += (c.weight * (s - c.scaleMin)) / (c.scaleMax - c.scaleMin);
    weights += c.weight;
  });
  return round((sum / weights) * rubric.scoreOutOf);
}

/** The default threshold in points: 30 % of the scale (30 of 100, 3 of 10). */
export function defaultDisagreementThreshold(scoreOutOf: number): number {
  return round(scoreOutOf * DEFAULT_DISAGREEMENT_SHARE);
}

/** A submitted review's total (only submitted reviews count). */
export type ReviewTotal = { applicationId: string; reviewerId: string; total: number };

export type Spread = { count: number; mean: number; sd: number };

/**
 * Count, mean and POPULATION standard deviation (divide by n, not n − 1) of some totals. The population SD is
 * used everywhere in this module, for the reviewer's SD and for the call's SD alike: a reviewer's reviews in
 * the call are all the reviews that reviewer gave, not a sample of them. An empty list gives NaN mean and SD.
 */
export function spread(values: readonly number[]): Spread {
  const count = values.length;
  if (count === 0) return { count, mean: NaN, sd: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / count;
  return { count, mean, sd: Math.sqrt(variance) };
}

/** The median; with an even count, the mean of the two middle values. null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export type ReviewerStats = Spread & {
  /** true when this reviewer's totals are normalised: count ≥ minReviews and SD > 0; otherwise raw is used. */
  normalised: boolean;
};

export type ScoringOptions = {
  scoreOutOf: number;
  /** In points; default 30 % of scoreOutOf. Flag when max − min is strictly above it. */
  disagreementThreshold?: number;
  /** Default MIN_REVIEWS_FOR_NORMALISATION. */
  minReviews?: number;
};

export type CallScoring = {
  /** Mean and population SD of all submitted totals of the call. */
  call: Spread;
  reviewers: Map<string, ReviewerStats>;
  threshold: number;
};

function checkReviews(reviews: readonly ReviewTotal[], scoreOutOf: number): void {
  if (!(Number.isFinite(scoreOutOf) && scoreOutOf > 0)) throw new ScoringError('scoreOutOf must be > 0');
  const seen = new Set<string>();
  for (const r of reviews) {
    if (!Number.isFinite(r.total) || r.total < 0 || r.total > scoreOutOf) {
      throw new ScoringError(`review of ${r.applicationId} by ${r.reviewerId}: total outside 0..${scoreOutOf}`);
    }
    const key = `${r.applicationId}\u0000${r.reviewerId}`;
    if (seen.has(key)) throw new ScoringError(`two reviews of ${r.applicationId} by ${r.reviewerId}`);
    seen.add(key);
  }
}

/**
 * The call-wide statistics the normalisation needs, from all submitted reviews of one call.
 * A reviewer with fewer than `minReviews` reviews or SD 0 is marked `normalised: false` (raw totals are used).
 */
export function callScoring(reviews: readonly ReviewTotal[], options: ScoringOptions): CallScoring {
  checkReviews(reviews, options.scoreOutOf);
  const minReviews = options.minReviews ?? MIN_REVIEWS_FOR_NORMALISATION;
  const byReviewer = new Map<string, number[]>();
  for (const r of reviews) {
    const list = byReviewer.get(r.reviewerId);
    if (list) list.push(r.total);
    else byReviewer.set(r.reviewerId, [r.total]);
  }
  const reviewers = new Map<string, ReviewerStats>();
  for (const [id, totals] of byReviewer) {
    const s = spread(totals);
    reviewers.set(id, { ...s, normalised: s.count >= minReviews && s.sd > 0 });
  }
  const threshold = options.disagreementThreshold ?? defaultDisagreementThreshold(options.scoreOutOf);
  if (!(Number.isFinite(threshold) && threshold >= 0)) throw new ScoringError('disagreementThreshold must be ≥ 0');
  return { call: spread(reviews.map((r) => r.total)), reviewers, threshold };
}

/**
 * One review's normalised value: call mean + call SD × z, z = (total − reviewer's mean) / reviewer's SD, or the
 * raw total (`fallback: true`) when the reviewer is not normalised. Not clamped (the application's score is).
 */
export function normalisedReview(stats: CallScoring, review: ReviewTotal): { value: number; fallback: boolean } {
  const rs = stats.reviewers.get(review.reviewerId);
  if (!rs) throw new ScoringError(`reviewer ${review.reviewerId} has no reviews in these statistics`);
  if (!rs.normalised) return { value: review.total, fallback: true };
  return { value: stats.call.mean + stats.call.sd * ((review.total - rs.mean) / rs.sd), fallback: false };
}

export type ApplicationScore = {
  applicationId: string;
  reviews: number;
  /** Raw scores: mean and median of the weighted totals; null without reviews. */
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min. */
  range: number | null;
  /**
   * The mean of each review's normalised value, clamped to 0..scoreOutOf. A review's normalised value is
   * call mean + call SD × z with z = (total − reviewer's mean) / reviewer's SD (population SDs, see `spread`),
   * or its raw total when its reviewer is not normalised (fewer than minReviews reviews, or SD 0). When all
   * reviewers are normalised this is exactly call mean + call SD × mean z. null without reviews.
   */
  normalised: number | null;
  /** How many of the reviews used the raw total (fallback). */
  rawFallbacks: number;
  /** range strictly above the call's threshold: the admin may add a reviewer. */
  disagreement: boolean;
};

/**
 * Mean, median, count, normalised score and disagreement flag of each application (in the given order).
 * `reviews` are all submitted reviews of the call: the reviewers' and the call's statistics use every one of
 * them, also those of applications not listed.
 */
export function scoreApplications(
  applicationIds: readonly string[],
  reviews: readonly ReviewTotal[],
  options: ScoringOptions,
  /** callScoring(reviews, options), when the caller has it already (it checks and groups every review). */
  stats: CallScoring = callScoring(reviews, options),
): ApplicationScore[] {
  if (new Set(applicationIds).size !== applicationIds.length) throw new ScoringError('an application is listed twice');
  const byApp = new Map<string, ReviewTotal[]>();
  for (const r of reviews) {
    const list = byApp.get(r.applicationId);
    if (list) list.push(r);
    else byApp.set(r.applicationId, [r]);
  }
  return applicationIds.map((applicationId) => {
    const own = byApp.get(applicationId) ?? [];
    if (own.length === 0) {
      return { applicationId, reviews: 0, mean: null, median: null, min: null, max: null, range: null, normalised: null, rawFallbacks: 0, disagreement: false };
    }
    const totals = own.map((r) => r.total);
    let sumNormalised = 0;
    let rawFallbacks = 0;
    for (const r of own) {
      const v = normalisedReview(stats, r);
      sumNormalised += v.value;
      if (v.fallback) rawFallbacks++;
    }
    const min = Math.min(...totals);
    const max = Math.max(...totals);
    const range = round(max - min);
    return {
      applicationId,
      reviews: own.length,
      mean: round(totals.reduce((a, b) => a + b, 0) / own.length),
      median: round(median(totals)!),
      min,
      max,
      range,
      normalised: round(clamp(sumNormalised / own.length, 0, options.scoreOutOf)),
      rawFallbacks,
      disagreement: range > stats.threshold,
    };
  });
}

export type RankedApplication = { id: string; submittedAt: Date; jobsCreated?: number | null };

export type RankingRow = ApplicationScore & {
  submittedAt: Date;
  jobsCreated: number | null;
  /** 1..n by raw mean, then the tie-break; every rank is distinct. */
  rawRank: number;
  /** 1..n by normalised score, then the tie-break; every rank is distinct. */
  normalisedRank: number;
};

export type RankingOptions = ScoringOptions & {
  /** The programme's `tie_break` list; default DEFAULT_RANK_ORDER. */
  order?: readonly RankKey[];
};

/**
 * A rank key as numbers, one per row (NaN for a missing value), and its direction: `desc` puts higher
 * values first; a missing value (no reviews, no jobs figure) comes after any value in either direction.
 */
type KeyColumn = { values: Float64Array; desc: boolean };

function keyColumn(rows: readonly RankingRow[], key: RankKey): KeyColumn {
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const v = key === 'normalised_score' ? r.normalised : key === 'raw_score' ? r.mean : key === 'jobs_created' ? r.jobsCreated : r.submittedAt.getTime();
    values[i] = v === null ? NaN : v;
  }
  return { values, desc: key !== 'submitted_at' };
}

/** The rows' indexes in rank order by `keys`, then by id (code-unit order). */
function rankOrder(rows: readonly RankingRow[], keys: readonly RankKey[]): number[] {
  // Sorting indexes over typed columns: no comparator closure per key and no property reads per comparison
  // (10,000 applications are ranked twice on every ranking page and three times per confirmed proposal).
  const columns = keys.map((k) => keyColumn(rows, k));
  const values = columns.map((c) => c.values);
  const desc = columns.map((c) => c.desc);
  const count = columns.length;
  const ids = rows.map((r) => r.applicationId);
  const index = rows.map((_, i) => i);
  index.sort((i, j) => {
    for (let k = 0; k < count; k++) {
      const col = values[k];
      const x = col[i];
      const y = col[j];
      if (x === y) continue;
      const xMissing = Number.isNaN(x);
      const yMissing = Number.isNaN(y);
      if (xMissing && yMissing) continue;
      if (xMissing) return 1;
      if (yMissing) return -1;
      return desc[k] ? y - x : x - y;
    }
    const a = ids[i];
    const b = ids[j];
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return index;
}

/**
 * The ranking of a call: raw and normalised scores side by side, each with its own rank.
 * - the raw rank orders by raw mean, the normalised rank by normalised score (higher first; applications
 *   without reviews come last);
 * - ties (equal after rounding to 4 decimals) are broken by the remaining keys of the programme's order
 *   (`programmes.tie_break`, e.g. Бизнес бастау: more jobs created, then earlier submission; the other
 *   score is a key too when the order names it), then by earlier submission, then by id (code-unit order):
 *   deterministic, so every rank is distinct;
 * - rows come sorted by the rank of the first score key of the order (normalised unless it names raw_score first).
 */
export function rankApplications(
  applications: readonly RankedApplication[],
  reviews: readonly ReviewTotal[],
  options: RankingOptions,
  /** callScoring(reviews, options), when the caller has it already. */
  stats: CallScoring = callScoring(reviews, options),
): RankingRow[] {
  const order = options.order ?? DEFAULT_RANK_ORDER;
  const scores = scoreApplications(
    applications.map((a) => a.id),
    reviews,
    options,
    stats,
  );
  // Fields written out rather than spread: a spread of 10,000 objects costs several times more.
  const rows: RankingRow[] = scores.map((s, i) => ({
    applicationId: s.applicationId,
    reviews: s.reviews,
    mean: s.mean,
    median: s.median,
    min: s.min,
    max: s.max,
    range: s.range,
    normalised: s.normalised,
    rawFallbacks: s.rawFallbacks,
    disagreement: s.disagreement,
    submittedAt: applications[i].submittedAt,
    jobsCreated: applications[i].jobsCreated ?? null,
    rawRank: 0,
    normalisedRank: 0,
  }));
  const sortBy = (primary: RankKey): RankingRow[] => {
    const keys: RankKey[] = [primary, ...order.filter((k) => k !== primary)];
    if (!keys.includes('submitted_at')) keys.push('submitted_at');
    return rankOrder(rows, keys).map((i) => rows[i]);
  };
  const byRaw = sortBy('raw_score');
  byRaw.forEach((r, i) => (r.rawRank = i + 1));
  const byNormalised = sortBy('normalised_score');
  byNormalised.forEach((r, i) => (r.normalisedRank = i + 1));
  return order.find((k) => k === 'raw_score' || k === 'normalised_score') === 'raw_score' ? byRaw : byNormalised;
}
