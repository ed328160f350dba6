"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authAction, authFormAction, type ActionResult } from "@/lib/auth/action";
import { failWithFieldKeys, keptValues, type FormResult, type FormState } from "@/lib/auth/public-action";
import { createStaffAccount, setAccountActive } from "@/lib/dal/accounts";
import { createStaffSchema, userIdSchema } from "@/lib/validation/account";

const create = authFormAction(
  createStaffSchema,
  "user.manage",
  async (input, { viewer }): Promise<void> => {
    // The data layer checks the actor's role again (an admin only).
    const result = await createStaffAccount({ id: viewer.id, role: viewer.role }, input);
    if (!result.ok) return failWithFieldKeys(result.fieldErrors);
    redirect("/admin/users?created=1");
  },
  { name: "createStaffAccount" },
);

/** An admin creates a reviewer or admin account; the person gets a 72-hour link to choose a password. */
export async function createStaffAction(prev: FormState, formData: FormData): Promise<FormResult> {
  const result = await create(prev as Parameters<typeof create>[0], formData);
  // What was typed comes back with a refusal, so that the form is filled in again without JavaScript.
  return result.ok ? result : { ...result, values: keptValues(formData) };
}

const toggle = authAction(
  userIdSchema.extend({ active: z.boolean() }),
  "user.manage",
  async ({ userId, active }, { viewer }): Promise<void> => {
    const result = await setAccountActive({ id: viewer.id, role: viewer.role }, userId, active);
    if (result.ok) return;
    if (result.code === "forbidden") {
      const t = await getTranslations("AdminUsers");
      throw new ActionError("forbidden", t("cannotDeactivateSelf"));
    }
    throw new ActionError(result.code);
  },
  { name: "setAccountActive" },
);

/** Deactivate (ending the person's sessions) or reactivate an account, after the admin confirmed. */
export async function setAccountActiveAction(input: { userId: string; active: boolean }): Promise<ActionResult> {
  return toggle(input);
}
