"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { resolveFlag } from "@/lib/dal/conflicts";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { resolveFlagSchema, type ResolveFlagInput } from "@/lib/validation/conflicts";

type Resolved = { status: "confirmed" | "dismissed"; assignmentRemoved: boolean };

const resolve = authAction(
  resolveFlagSchema,
  "conflict.resolve",
  async (input, { viewer }): Promise<Resolved> => {
    // The data layer checks the actor's role again and writes the decision, its audit row and, on
    // confirm, the removal of the pair's assignment in one transaction.
    const result = await resolveFlag({ id: viewer.id, role: viewer.role }, input);
    if (result.ok) return { status: result.status, assignmentRemoved: result.assignmentRemoved };
    if (result.code === "invalid") {
      const tv = await getTranslations("Validation");
      const keys = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, [v]]));
      throw new ActionError("invalid", undefined, translateFieldErrors(tv, keys));
    }
    throw new ActionError("not_found");
  },
  { name: "resolveFlag" },
);

/** Confirm or dismiss one conflict flag with a reason (logged). Admins only. */
export async function resolveFlagAction(input: ResolveFlagInput): Promise<ActionResult<Resolved>> {
  return resolve(input);
}
