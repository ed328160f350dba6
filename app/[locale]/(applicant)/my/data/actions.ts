"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authAction } from "@/lib/auth/action";
import { signOut } from "@/lib/auth/config";
import { deleteMyAccount } from "@/lib/dal/my-data";

const deleteAccount = authAction(
  z.object({}),
  "profile.edit_own",
  async (_input, { viewer }) => {
    const result = await deleteMyAccount({ id: viewer.id, role: "applicant" });
    if (!result.ok) throw new ActionError("conflict", (await getTranslations("MyData"))("mustKeep"));
  },
  { name: "deleteMyAccount" },
);

/**
 * Withdraw consent and delete my account: anonymised at once when nothing must be kept (the DAL
 * decides again, whatever the page showed), then this browser is signed out too. Otherwise the
 * coded failure, shown in the dialog.
 */
export async function deleteMyAccountAction(formData: FormData) {
  const result = await deleteAccount(formData);
  if (!result.ok) return result;
  await signOut({ redirectTo: "/account-deleted" });
  return result;
}
