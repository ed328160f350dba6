import { z } from "zod";

/** Limits of the reason an admin gives for reopening a submitted review (the reviewer reads it by e-mail). */
export const REOPEN_REASON_MIN = 10;
export const REOPEN_REASON_MAX = 2000;

/** Messages are keys of the `Validation` namespace (the same as the screening reason's). */
const reason = z
  .string({ error: () => "reasonRequired" })
  .trim()
  .min(1, "reasonRequired")
  .min(REOPEN_REASON_MIN, "reasonTooShort")
  .max(REOPEN_REASON_MAX, "reasonTooLong");

export const reopenReasonSchema = z.object({ reason });

/** The reopen dialog's payload: the review and the reason. */
export const reopenReviewSchema = z.object({
  reviewId: z.uuid({ error: () => "invalid" }),
  reason,
});
export type ReopenReviewInput = z.input<typeof reopenReviewSchema>;
