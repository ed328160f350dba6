import { z } from "zod";

/** Limits of the refusal reason the applicant reads (in the e-mail and on the timeline). */
export const SCREENING_REASON_MIN = 10;
export const SCREENING_REASON_MAX = 2000;

/**
 * The screening decision on one application. A refusal needs a reason of 10 to 2,000 characters
 * (after trimming); a pass takes none. Messages are keys of the `Validation` namespace (the screening
 * page adds their texts).
 */
export const screeningDecisionSchema = z.discriminatedUnion(
  "decision",
  [
    // A pass needs no reason (any sent is dropped: nothing the applicant would not see is stored).
    z.object({ decision: z.literal("pass") }),
    z.object({
      decision: z.literal("refuse"),
      reason: z
        .string({ error: () => "reasonRequired" })
        .trim()
        .min(1, "reasonRequired")
        .min(SCREENING_REASON_MIN, "reasonTooShort")
        .max(SCREENING_REASON_MAX, "reasonTooLong"),
    }),
  ],
  { error: () => "decisionRequired" },
);

export type ScreeningDecision = z.output<typeof screeningDecisionSchema>;
export type ScreeningDecisionInput = z.input<typeof screeningDecisionSchema>;

/** The form's payload: the decision plus the application it is about. */
export const screenApplicationSchema = z.intersection(z.object({ applicationId: z.uuid("invalid") }), screeningDecisionSchema);
