/**
 * Review progress of a call, as the admin follows it: what each application still needs and how far each
 * reviewer has got. Pure (the counts come from lib/dal/review-progress.ts; the disagreement flag from
 * lib/domain/scoring.ts, the same rule the ranking uses).
 */

/** What an application needs from the admin, most urgent first. */
export const APPLICATION_WORK = ['needs_reviewer', 'disagreement', 'awaiting_reviews', 'complete'] as const;
export type ApplicationWork = (typeof APPLICATION_WORK)[number];

export type ApplicationCounts = {
  /** Active assignments (status `assigned`). */
  active: number;
  /** Submitted reviews of active assignments. */
  submitted: number;
  /** The call's reviewers per application. */
  k: number;
  /** max − min of the submitted totals above the call's threshold (scoring.ts). */
  disagreement: boolean;
};

/**
 * - `needs_reviewer`: fewer active reviewers than k (someone declined, was removed or never assigned): add one;
 * - `disagreement`: the submitted totals are too far apart: add a reviewer or reopen a review;
 * - `awaiting_reviews`: reviewers are in place, fewer than k or than the active ones have submitted;
 * - `complete`: k (or more) reviews submitted and no disagreement.
 */
export function applicationWork(a: ApplicationCounts): ApplicationWork {
  if (a.active < a.k) return 'needs_reviewer';
  if (a.disagreement) return 'disagreement';
  if (a.submitted < Math.max(a.k, a.active)) return 'awaiting_reviews';
  return 'complete';
}

const WORK_RANK: Record<ApplicationWork, number> = { needs_reviewer: 0, disagreement: 1, awaiting_reviews: 2, complete: 3 };

/**
 * The admin's work first: by `applicationWork` (needs a reviewer, disagreement, awaiting reviews, complete),
 * then fewer submitted reviews first, then by reference (stable, readable). Returns a new array.
 */
export function sortByWork<T extends ApplicationCounts & { reference: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      WORK_RANK[applicationWork(a)] - WORK_RANK[applicationWork(b)] ||
      a.submitted - b.submitted ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
}

export type ReviewerCounts = {
  /** Active assignments. */
  active: number;
  /** Active assignments whose review is a draft. */
  draft: number;
  /** Active assignments whose review is submitted. */
  submitted: number;
  /** Assignments the reviewer declined. */
  declined: number;
};

/** Active assignments whose review has not been started. */
export function notStarted(r: ReviewerCounts): number {
  return Math.max(0, r.active - r.draft - r.submitted);
}

/** Share of the active assignments with a submitted review, 0..1; null without active assignments. */
export function shareDone(r: Pick<ReviewerCounts, 'active' | 'submitted'>): number | null {
  if (r.active <= 0) return null;
  return Math.min(1, r.submitted / r.active);
}

/**
 * Reviewers with the most unfinished reviews first, then the lowest share done (none active last), then by
 * name in the given locale. Returns a new array.
 */
export function sortReviewersByWork<T extends ReviewerCounts & { name: string }>(rows: readonly T[], locale = 'kk'): T[] {
  const collator = new Intl.Collator(locale);
  const left = (r: T) => r.active - r.submitted;
  return [...rows].sort((a, b) => left(b) - left(a) || (shareDone(a) ?? 2) - (shareDone(b) ?? 2) || collator.compare(a.name, b.name));
}
