import { describe, expect, it } from "vitest";
import { orderedScores, OVERALL_COMMENT_MIN, reviewInputSchema, reviewIssues, type ReviewInput } from "./review";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const criteria = [
  { id: A, scaleMin: 0, scaleMax: 10 },
  { id: B, scaleMin: 1, scaleMax: 5 },
];
const input = (o: Partial<ReviewInput>): ReviewInput => ({ assignmentId: A, version: 0, comment: "", scores: {}, comments: {}, ...o });
const longComment = "x".repeat(OVERALL_COMMENT_MIN);

describe("reviewIssues", () => {
  it("a draft may leave criteria unscored and the overall comment empty", () => {
    expect(reviewIssues(input({ scores: { [A]: 7, [B]: null } }), criteria, "draft")).toEqual({});
  });

  it("a score outside its own criterion's scale is refused, in a draft too", () => {
    expect(reviewIssues(input({ scores: { [A]: 11 } }), criteria, "draft")).toEqual({ [`scores.${A}`]: "reviewScoreRange" });
    expect(reviewIssues(input({ scores: { [B]: 0 } }), criteria, "draft")).toEqual({ [`scores.${B}`]: "reviewScoreRange" });
    expect(reviewIssues(input({ scores: { [A]: -1 } }), criteria, "draft")).toEqual({ [`scores.${A}`]: "reviewScoreRange" });
    expect(reviewIssues(input({ scores: { [A]: 0, [B]: 1 } }), criteria, "draft")).toEqual({});
    expect(reviewIssues(input({ scores: { [A]: 10, [B]: 5 } }), criteria, "draft")).toEqual({});
  });

  it("a fractional score is refused", () => {
    expect(reviewIssues(input({ scores: { [A]: 7.5 } }), criteria, "draft")).toEqual({ [`scores.${A}`]: "reviewScoreWhole" });
  });

  it("a criterion that is not in the rubric is refused", () => {
    const other = "00000000-0000-4000-8000-0000000000ff";
    expect(reviewIssues(input({ scores: { [other]: 3 } }), criteria, "draft")).toEqual({ form: "reviewUnknownCriterion" });
    expect(reviewIssues(input({ comments: { [other]: "x" } }), criteria, "draft")).toEqual({ form: "reviewUnknownCriterion" });
  });

  it("submitting needs every criterion scored and an overall comment of the minimum length", () => {
    expect(reviewIssues(input({ scores: { [A]: 5 }, comment: "short" }), criteria, "submit")).toEqual({
      [`scores.${B}`]: "reviewScoreRequired",
      comment: "reviewOverallRequired",
    });
    expect(reviewIssues(input({ scores: { [A]: 5, [B]: 3 }, comment: ` ${"x".repeat(OVERALL_COMMENT_MIN - 1)} ` }), criteria, "submit")).toEqual({ comment: "reviewOverallRequired" });
    expect(reviewIssues(input({ scores: { [A]: 5, [B]: 3 }, comment: longComment }), criteria, "submit")).toEqual({});
  });
});

describe("reviewInputSchema", () => {
  it("accepts the form's payload and refuses hostile shapes", () => {
    expect(reviewInputSchema.safeParse(input({ scores: { [A]: 5, [B]: null }, comments: { [A]: "ok" } })).success).toBe(true);
    expect(reviewInputSchema.safeParse({ ...input({}), assignmentId: "../../etc" }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ ...input({}), version: -1 }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ ...input({}), scores: { "not-a-uuid": 5 } }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ ...input({}), scores: { [A]: "5" } }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ ...input({}), comment: "x".repeat(5001) }).success).toBe(false);
  });
});

describe("orderedScores", () => {
  it("gives the scores in the rubric's order, and refuses a gap", () => {
    expect(orderedScores({ [B]: 2, [A]: 9 }, criteria)).toEqual([9, 2]);
    expect(() => orderedScores({ [A]: 9 }, criteria)).toThrow();
  });
});
