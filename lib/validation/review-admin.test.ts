import { describe, expect, it } from "vitest";
import { REOPEN_REASON_MAX, reopenReasonSchema, reopenReviewSchema } from "./review-admin";

const ids = { reviewId: "00000000-0000-4000-8000-000000000002" };
const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("the reopen reason", () => {
  it("is trimmed and needs 10 to 2,000 characters", () => {
    expect(reopenReasonSchema.parse({ reason: "  Бағалар түсініктемесіз қойылған.  " })).toEqual({ reason: "Бағалар түсініктемесіз қойылған." });
    expect(issue(reopenReasonSchema.safeParse({ reason: "   " }))).toBe("reasonRequired");
    expect(issue(reopenReasonSchema.safeParse({}))).toBe("reasonRequired");
    expect(issue(reopenReasonSchema.safeParse({ reason: "Тым қысқа" }))).toBe("reasonTooShort");
    expect(reopenReasonSchema.safeParse({ reason: "1234567890" }).success).toBe(true);
    expect(issue(reopenReasonSchema.safeParse({ reason: "x".repeat(REOPEN_REASON_MAX + 1) }))).toBe("reasonTooLong");
  });

  it("the dialog's payload needs well-formed ids", () => {
    expect(reopenReviewSchema.safeParse({ ...ids, reason: "Please score criterion 3 again." }).success).toBe(true);
    expect(issue(reopenReviewSchema.safeParse({ ...ids, reviewId: "42", reason: "Please score criterion 3 again." }))).toBe("invalid");
  });
});
