/** Where a call is in its life, for the admin's lists. Pure: derived from dates and fields, never stored. */
export const CALL_PHASES = ["upcoming", "open", "closed", "in_review", "archived"] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

export type CallPhaseInput = {
  opensAt: Date;
  closesAt: Date;
  archivedAt: Date | null;
  resultsPublishedAt: Date | null;
  /** Applications past screening whose reviews are not all in (status in_review). */
  inReviewCount: number;
};

/**
 * archived (archivedAt set) → upcoming (before opensAt) → open (opensAt inclusive to closesAt
 * exclusive, as everywhere else) → in review (closed, results not published, some application in
 * review) → closed (every other closed call: waiting for screening, reviewed, or results published).
 */
export function callPhase(call: CallPhaseInput, at: Date): CallPhase {
  if (call.archivedAt) return "archived";
  const t = at.getTime();
  if (t < call.opensAt.getTime()) return "upcoming";
  if (t < call.closesAt.getTime()) return "open";
  if (!call.resultsPublishedAt && call.inReviewCount > 0) return "in_review";
  return "closed";
}
