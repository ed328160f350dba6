"use server";

import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { archiveCall, awardApplication, confirmProposal, publishResults, revokeAward, type AwardResult, type WaitlistRow } from "@/lib/dal/awards";
import { districtName, isDistrictCode } from "@/lib/domain/districts";
import { formatMoney } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";
import { awardCallSchema, confirmProposalSchema, promoteSchema, revokeAwardSchema, type RevokeAwardInput } from "@/lib/validation/awards";

/*
 * The awards page's actions (admins only: the permission here, the data layer's own check). Each data-layer
 * refusal becomes a result in words; the money in a refusal is formatted here, on the server.
 */

const NS = "AdminAwardActions";

/** The best waitlisted application the returned money could fund, with the key its "Promote" button posts. */
export type Offer = WaitlistRow & { idempotencyKey: string };

const confirm = authAction(
  confirmProposalSchema,
  "award.decide",
  async ({ callId, order, fingerprint }, { viewer }): Promise<{ awarded: number }> => {
    // The data layer recomputes the proposal, compares fingerprints and awards all of it in one transaction, or none.
    const r = await confirmProposal({ id: viewer.id, role: viewer.role }, callId, order, fingerprint);
    if (r.ok) return { awarded: r.awarded };
    if (r.code === "not_found") throw new ActionError("not_found");
    const t = await getTranslations(NS);
    throw new ActionError("conflict", t(r.code === "stale" ? "stale" : r.code === "empty" ? "errEmpty" : "errArchived"));
  },
  { name: "confirmProposal" },
);

/** "Confirm these N awards" (the proposal's form: callId, order, fingerprint). A stale fingerprint is a conflict. */
export async function confirmProposalAction(formData: FormData): Promise<ActionResult<{ awarded: number }>> {
  return confirm(formData);
}

/** An AwardResult's refusal as an ActionError in the admin's language. */
async function awardRefusal(r: Exclude<AwardResult, { ok: true }>): Promise<ActionError> {
  if (r.code === "not_found") return new ActionError("not_found");
  const [t, locale] = await Promise.all([getTranslations(NS), getLocale() as Promise<Locale>]);
  switch (r.code) {
    case "budget_exhausted":
      return new ActionError("budget_exhausted", t("errBudget", { remaining: formatMoney(r.remaining, locale) }));
    case "district_ceiling":
      return new ActionError("conflict", t("errCeiling", { ceiling: r.ceiling, district: isDistrictCode(r.districtCode) ? districtName(r.districtCode, locale) : r.districtCode }));
    case "not_reviewed":
      return new ActionError("conflict", t("errNotReviewed"));
    case "already_awarded":
      return new ActionError("conflict", t("errAlreadyAwarded"));
    case "archived":
      return new ActionError("conflict", t("errArchived"));
  }
}

const promote = authAction(
  promoteSchema,
  "award.decide",
  async ({ applicationId, idempotencyKey }, { viewer }): Promise<{ repeated: boolean }> => {
    // One transaction in the data layer: the budget and the district's ceiling by conditional updates, the
    // award, the status, the audit and the e-mail. The same key twice writes nothing new.
    const r = await awardApplication({ id: viewer.id, role: viewer.role }, applicationId, idempotencyKey);
    if (r.ok) return { repeated: r.repeated };
    throw await awardRefusal(r);
  },
  { name: "awardApplication" },
);

/** "Award" / "Promote" one application (applicationId and the idempotency key rendered with the button). */
export async function promoteAction(formData: FormData): Promise<ActionResult<{ repeated: boolean }>> {
  return promote(formData);
}

/** The data layer's own reason check (it runs after this action's) names its messages differently. */
const DAL_REASON_KEYS: Record<string, string> = { awardReasonTooShort: "reasonTooShort", awardReasonTooLong: "reasonTooLong" };

const revoke = authAction(
  revokeAwardSchema,
  "award.decide",
  async ({ awardId, reason }, { viewer }): Promise<{ next: Offer | null }> => {
    const r = await revokeAward({ id: viewer.id, role: viewer.role }, awardId, reason);
    // The offer's key is made here, once: a double click or a retry of its "Promote" posts the same key.
    if (r.ok) return { next: r.next ? { ...r.next, idempotencyKey: randomUUID() } : null };
    if (r.code === "not_found") throw new ActionError("not_found");
    if (r.code === "invalid") {
      const tv = await getTranslations("Validation");
      const key = r.fieldErrors.reason ? (DAL_REASON_KEYS[r.fieldErrors.reason] ?? r.fieldErrors.reason) : undefined;
      const message = key && tv.has(key as never) ? tv(key as never) : tv("invalid");
      throw new ActionError("invalid", message, { reason: message });
    }
    const t = await getTranslations(NS);
    throw new ActionError("conflict", t(r.code === "not_active" ? "errNotActive" : "errArchived"));
  },
  { name: "revokeAward" },
);

/** Revoke an active award with a reason; the money returns to the budget and the next application is offered. */
export async function revokeAwardAction(input: RevokeAwardInput): Promise<ActionResult<{ next: Offer | null }>> {
  return revoke(input);
}

const PUBLISH_REFUSALS = { already_published: "errAlreadyPublished", archived: "errArchived", reviews_missing: "errReviewsMissing" } as const;

const publish = authAction(
  awardCallSchema,
  "results.publish",
  async ({ callId }, { viewer }): Promise<{ awarded: number; waitlisted: number; notAwarded: number }> => {
    const r = await publishResults({ id: viewer.id, role: viewer.role }, callId);
    if (r.ok) return { awarded: r.awarded, waitlisted: r.waitlisted, notAwarded: r.notAwarded };
    if (r.code === "not_found") throw new ActionError("not_found");
    const t = await getTranslations(NS);
    throw new ActionError("conflict", t(PUBLISH_REFUSALS[r.code]));
  },
  { name: "publishResults" },
);

/** Publish the call's results: applicants see their decision and receive an e-mail. */
export async function publishResultsAction(formData: FormData): Promise<ActionResult<{ awarded: number; waitlisted: number; notAwarded: number }>> {
  return publish(formData);
}

const ARCHIVE_REFUSALS = { not_published: "errNotPublished", already_archived: "errAlreadyArchived" } as const;

const archive = authAction(
  awardCallSchema,
  "call.manage",
  async ({ callId }, { viewer }): Promise<void> => {
    const r = await archiveCall({ id: viewer.id, role: viewer.role }, callId);
    if (r.ok) return;
    if (r.code === "not_found") throw new ActionError("not_found");
    const t = await getTranslations(NS);
    throw new ActionError("conflict", t(ARCHIVE_REFUSALS[r.code]));
  },
  { name: "archiveCall" },
);

/** Archive the call after publication: no more awards, revocations or promotions. */
export async function archiveCallAction(formData: FormData): Promise<ActionResult> {
  return archive(formData);
}
