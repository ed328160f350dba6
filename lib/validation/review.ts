import { z } from "zod";

/**
 * The scoring form of one assigned application: a whole-number score and a comment per rubric criterion,
 * and an overall comment. The same rules in the browser (the form) and on the server (the action and
 * lib/dal/reviews.ts, which knows the rubric). Messages are keys of the `Validation` namespace.
 */
export const CRITERION_COMMENT_MAX = 2000;
export const OVERALL_COMMENT_MAX = 5000;
/** A submitted review explains itself: the overall comment goes to the commission's protocol. */
export const OVERALL_COMMENT_MIN = 20;

/** What the form sends, before the rubric is known: shape and lengths only. */
export const reviewInputSchema = z.object({
  assignmentId: z.uuid("invalid"),
  /** The review's version the form last saw (0 before the first save). */
  version: z.number("invalid").int("invalid").min(0, "invalid"),
  comment: z.string("invalid").max(OVERALL_COMMENT_MAX, "reviewCommentTooLong"),
  scores: z.record(z.uuid("invalid"), z.number("invalid").int("reviewScoreWhole").nullable()),
  comments: z.record(z.uuid("invalid"), z.string("invalid").max(CRITERION_COMMENT_MAX, "reviewCommentTooLong")),
});

export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** A criterion as the form and the checks need it. */
export type ScoredCriterion = { id: string; scaleMin: number; scaleMax: number };

/** Form field names: `scores.<criterionId>`, `comments.<criterionId>`, `comment`. */
export const scoreField = (criterionId: string) => `scores.${criterionId}`;
export const criterionCommentField = (criterionId: string) => `comments.${criterionId}`;

/**
 * The rubric's rules, as field → Validation key. A draft may leave criteria unscored; a score given must be
 * a whole number inside its criterion's scale, and scores for criteria outside the rubric are refused.
 * Submitting needs every criterion scored and an overall comment of at least OVERALL_COMMENT_MIN characters.
 */
export function reviewIssues(
  input: Pick<ReviewInput, "scores" | "comments" | "comment">,
  criteria: readonly ScoredCriterion[],
  mode: "draft" | "submit",
): Record<string, string> {
  const issues: Record<string, string> = {};
  const known = new Set(criteria.map((c) => c.id));
  for (const id of [...Object.keys(input.scores), ...Object.keys(input.comments)]) {
    if (!known.has(id)) issues.form = "reviewUnknownCriterion";
  }
  for (const c of criteria) {
    const s = input.scores[c.id];
    if (s === undefined || s === null) {
      if (mode === "submit") issues[scoreField(c.id)] = "reviewScoreRequired";
    } else if (!Number.isInteger(s)) {
      issues[scoreField(c.id)] = "reviewScoreWhole";
    } else if (s < c.scaleMin || s > c.scaleMax) {
      issues[scoreField(c.id)] = "reviewScoreRange";
    }
    const note = input.comments[c.id];
    if (note !== undefined && note.length > CRITERION_COMMENT_MAX) issues[criterionCommentField(c.id)] = "reviewCommentTooLong";
  }
  if (input.comment.length > OVERALL_COMMENT_MAX) issues.comment = "reviewCommentTooLong";
  else if (mode === "submit" && input.comment.trim().length < OVERALL_COMMENT_MIN) issues.comment = "reviewOverallRequired";
  return issues;
}

/** The scores in the rubric's order, for lib/domain/scoring.ts (every criterion scored: after reviewIssues passed). */
export function orderedScores(scores: ReviewInput["scores"], criteria: readonly ScoredCriterion[]): number[] {
  return criteria.map((c) => {
    const s = scores[c.id];
    if (s === undefined || s === null) throw new Error(`criterion ${c.id} is not scored`);
    return s;
  });
}
