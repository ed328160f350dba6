"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { createCall, updateCall, type CallSaveRefusal } from "@/lib/dal/call-editor";
import { DISTRICT_CODES, districtName, isDistrictCode } from "@/lib/domain/districts";
import { formatMoney } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";
import { createCallSchema, updateCallSchema, type CreateCallInput, type UpdateCallInput } from "@/lib/validation/editor";

/*
 * The call editor's actions (admins only: the permission here, the data layer's own check). Each refusal of
 * the data layer becomes a sentence in the admin's language, tied to the field it concerns.
 */

/** The form lists the districts in DISTRICT_CODES order; its inputs are named by index. */
const districtIndex = (code: string) => (DISTRICT_CODES as readonly string[]).indexOf(code);

async function refusalErrors(refusals: CallSaveRefusal[]): Promise<ActionError> {
  const [t, locale] = await Promise.all([getTranslations("AdminEditor"), getLocale() as Promise<Locale>]);
  const fieldErrors: Record<string, string> = {};
  for (const r of refusals) {
    switch (r.code) {
      case "dates_order":
        fieldErrors.closesAt = t("refusal.dates_order");
        break;
      case "award_amount_locked":
        fieldErrors.awardAmount = t("refusal.award_amount_locked");
        break;
      case "closes_in_past_with_drafts":
        fieldErrors.closesAt = t("refusal.closes_in_past_with_drafts", { drafts: r.drafts });
        break;
      case "budget_below_awarded":
        fieldErrors.budgetCap = t("refusal.budget_below_awarded", { awarded: formatMoney(r.awarded, locale) });
        break;
      case "ceiling_below_awarded":
        fieldErrors[`districts-${districtIndex(r.district)}-ceiling`] = t("refusal.ceiling_below_awarded", {
          district: isDistrictCode(r.district) ? districtName(r.district, locale) : r.district,
          awarded: r.awarded,
        });
        break;
      case "reserved_above_ceiling":
        fieldErrors[`districts-${districtIndex(r.district)}-reservedMinimum`] = t("refusal.reserved_above_ceiling", {
          district: isDistrictCode(r.district) ? districtName(r.district, locale) : r.district,
        });
        break;
      case "reviewers_locked":
        fieldErrors.reviewersPerApplication = t("refusal.reviewers_locked", { current: r.current });
        break;
      case "mrp_missing":
        fieldErrors.year = t("refusal.mrp_missing", { year: r.year });
        break;
      case "award_not_configured":
        fieldErrors.programmeId = t("refusal.award_not_configured");
        break;
    }
  }
  return new ActionError("conflict", Object.values(fieldErrors)[0], fieldErrors);
}

const create = authAction(
  createCallSchema,
  "call.manage",
  async (input, { viewer }): Promise<{ id: string }> => {
    const r = await createCall({ id: viewer.id, role: viewer.role }, input);
    if (r.ok) {
      revalidatePath("/admin/calls");
      return { id: r.id };
    }
    if (r.code === "not_found") throw new ActionError("not_found");
    throw await refusalErrors(r.refusals);
  },
  { name: "createCall" },
);

/** Create a call (also the clone form's submit). */
export async function createCallAction(input: CreateCallInput): Promise<ActionResult<{ id: string }>> {
  return create(input);
}

const update = authAction(
  updateCallSchema,
  "call.manage",
  async (input, { viewer }): Promise<{ version: string }> => {
    const r = await updateCall({ id: viewer.id, role: viewer.role }, input);
    if (r.ok) {
      revalidatePath(`/admin/calls/${input.callId}`);
      return { version: r.version };
    }
    if (r.code === "refused") throw await refusalErrors(r.refusals);
    if (r.code === "not_found") throw new ActionError("not_found");
    throw new ActionError("conflict", (await getTranslations("AdminEditor"))("staleCall"));
  },
  { name: "updateCall" },
);

/** Save an edit of a call (with the version the form was loaded with). */
export async function updateCallAction(input: UpdateCallInput): Promise<ActionResult<{ version: string }>> {
  return update(input);
}
