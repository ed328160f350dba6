"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { saveReview, type SaveReviewResult } from "@/lib/dal/reviews";
import { reviewInputSchema, type ReviewInput } from "@/lib/validation/review";

export type SavedReview = { version: number; savedAt: string; total?: number };

/** The data layer's refusal → the action's coded failure, in the viewer's language. */
async function settle(r: SaveReviewResult): Promise<SavedReview> {
  if (r.ok) return { version: r.version, savedAt: r.savedAt.toISOString(), ...(r.total !== undefined ? { total: r.total } : {}) };
  if (r.code === "not_found") {
    const t = await getTranslations("Scoring");
    throw new ActionError("not_found", t("notFound"));
  }
  if (r.code === "invalid") {
    const tv = await getTranslations("Validation");
    const fieldErrors: Record<string, string> = {};
    for (const [field, key] of Object.entries(r.issues)) fieldErrors[field] = tv.has(key as never) ? tv(key as never) : tv("invalid");
    throw new ActionError("invalid", Object.values(fieldErrors)[0], fieldErrors);
  }
  const t = await getTranslations("Scoring");
  throw new ActionError("conflict", t(r.code));
}

const draft = authAction(
  reviewInputSchema,
  "review.score_assigned",
  async (input, { viewer }) => settle(await saveReview({ id: viewer.id, role: viewer.role }, input, "draft")),
  { name: "saveReviewDraft" },
);

const submit = authAction(
  reviewInputSchema,
  "review.score_assigned",
  async (input, { viewer }) => settle(await saveReview({ id: viewer.id, role: viewer.role }, input, "submit")),
  { name: "submitReview" },
);

/**
 * Autosave of the scoring form. The data layer checks that the assignment is the viewer's, active and
 * free of conflicts, the version, and the rubric's scales; a refusal changes nothing.
 */
export async function saveReviewDraftAction(input: ReviewInput): Promise<ActionResult<SavedReview>> {
  return draft(input);
}

/** Submit the review: every criterion scored and an overall comment; then it is locked. */
export async function submitReviewAction(input: ReviewInput): Promise<ActionResult<SavedReview>> {
  return submit(input);
}
