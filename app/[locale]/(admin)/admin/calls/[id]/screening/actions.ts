"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { screenApplication } from "@/lib/dal/screening";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { screenApplicationSchema } from "@/lib/validation/screening";

const screen = authAction(
  screenApplicationSchema,
  "screening.decide",
  async (input, { viewer }): Promise<{ status: ApplicationStatus }> => {
    const { applicationId, ...decision } = input;
    // The data layer checks the actor's role again, locks the row and writes the audit and the e-mail.
    const result = await screenApplication({ id: viewer.id, role: viewer.role }, applicationId, decision);
    if (result.ok) return { status: result.status };
    if (result.code === "invalid") {
      const tv = await getTranslations("Validation");
      const keys = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, [v]]));
      throw new ActionError("invalid", undefined, translateFieldErrors(tv, keys));
    }
    const t = await getTranslations("AdminScreening");
    if (result.code === "conflict") throw new ActionError("conflict", t("alreadyScreened"));
    if (result.code === "invalid_transition") throw new ActionError("conflict", t("notSubmitted"));
    throw new ActionError("not_found");
  },
  { name: "screenApplication" },
);

/** Pass a submitted application, or refuse it with a reason the applicant will read. Admins only. */
export async function screenApplicationAction(
  input: { applicationId: string; decision: "pass" } | { applicationId: string; decision: "refuse"; reason: string },
): Promise<ActionResult<{ status: ApplicationStatus }>> {
  return screen(input);
}
