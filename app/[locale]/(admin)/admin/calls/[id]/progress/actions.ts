"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { reopenReview } from "@/lib/dal/review-admin";
import { reopenReviewSchema, type ReopenReviewInput } from "@/lib/validation/review-admin";

const REFUSALS = { not_submitted: "errNotSubmitted", application_decided: "errDecided", assignment_inactive: "errInactive" } as const;

const reopen = authAction(
  reopenReviewSchema,
  "review.reopen",
  async ({ reviewId, reason }, { viewer }): Promise<void> => {
    // The data layer checks the admin again, locks the rows and writes the review, the audit and the e-mail together.
    const r = await reopenReview({ id: viewer.id, role: viewer.role }, reviewId, reason);
    if (r.ok) return;
    if (r.code === "not_found") throw new ActionError("not_found");
    if (r.code === "invalid") {
      const tv = await getTranslations("Validation");
      const key = r.fieldErrors.reason;
      const message = tv.has(key as never) ? tv(key as never) : tv("invalid");
      throw new ActionError("invalid", message, { reason: message });
    }
    const t = await getTranslations("AdminReopen");
    throw new ActionError("conflict", t(REFUSALS[r.code]));
  },
  { name: "reopenReview" },
);

/** Send a submitted review back to its reviewer as a draft, with the reason they will read. Admins only. */
export async function reopenReviewAction(input: ReopenReviewInput): Promise<ActionResult> {
  return reopen(input);
}
