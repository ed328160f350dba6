"use server";

import { getLocale } from "next-intl/server";
import { failRateLimited, publicFormAction, type FormResult, type FormState } from "@/lib/auth/public-action";
import { requestPasswordReset } from "@/lib/dal/accounts";
import { isLocale } from "@/lib/i18n/routing";
import { emailOnlySchema } from "@/lib/validation/account";

const request = publicFormAction(
  emailOnlySchema,
  async ({ email }): Promise<void> => {
    const locale = await getLocale();
    // The e-mail goes in the account's language; this one is only for an account without one.
    const result = await requestPasswordReset(email, isLocale(locale) ? locale : "kk");
    // The same answer whether or not the address has an account; only the throttle differs.
    if (!result.ok) return failRateLimited(result.retryAt);
  },
  { name: "requestPasswordReset" },
);

/** "Send me a link" (the form of /forgot-password). */
export async function requestPasswordResetAction(prev: FormState, formData: FormData): Promise<FormResult> {
  return request(prev, formData);
}
