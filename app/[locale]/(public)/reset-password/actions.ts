"use server";

import { redirect } from "next/navigation";
import { failWithFieldKeys, publicFormAction, type FormResult, type FormState } from "@/lib/auth/public-action";
import { setPasswordWithToken } from "@/lib/dal/accounts";
import { setPasswordSchema } from "@/lib/validation/account";

/**
 * Choose a password through a one-time link: a reset (1 h) or the first password of an account made
 * by an admin (72 h). Every earlier session ends (the session version is bumped); then the sign-in
 * page with a notice. A link that died meanwhile: back to its page, which says why.
 */
function passwordThroughLink(page: "/reset-password" | "/set-password", done: string) {
  return publicFormAction(
    setPasswordSchema,
    async ({ token, password }): Promise<void> => {
      const result = await setPasswordWithToken(token, password);
      if (result.ok) redirect(done);
      if ("fieldErrors" in result) return failWithFieldKeys(result.fieldErrors);
      redirect(`${page}?token=${encodeURIComponent(token)}`);
    },
    { name: page === "/reset-password" ? "resetPassword" : "setFirstPassword" },
  );
}

const reset = passwordThroughLink("/reset-password", "/sign-in?reset=1");
const setFirst = passwordThroughLink("/set-password", "/sign-in?passwordSet=1");

/** The form of /reset-password. */
export async function resetPasswordAction(prev: FormState, formData: FormData): Promise<FormResult> {
  return reset(prev, formData);
}

/** The form of /set-password. */
export async function setFirstPasswordAction(prev: FormState, formData: FormData): Promise<FormResult> {
  return setFirst(prev, formData);
}
