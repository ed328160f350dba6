"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import type { ActionResult } from "@/lib/auth/action";
import type { FormState } from "@/lib/auth/public-action";
import { ProblemNotice } from "../register/form-controls";
import { confirmEmailAction, resendVerificationAction } from "./actions";

/** The "Confirm my e-mail" button of a verification link's page (a POST; works without JavaScript). */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("VerifyEmail");
  const [state, action, pending] = useActionState<FormState, FormData>(confirmEmailAction, null);
  return (
    <form action={action} className="space-y-4" data-testid="verify-email-form">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? (
        <ProblemNotice live testId="verify-email-error">
          {state.fieldErrors?.token ?? state.message}
        </ProblemNotice>
      ) : null}
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full sm:w-auto">
        {t("confirm")}
      </SubmitButton>
    </form>
  );
}

/** "Send the link again", for a signed-in person whose address is not confirmed yet. */
export function ResendVerificationForm() {
  const t = useTranslations("AccountNotices");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(resendVerificationAction, null);

  // Confirmed in the meantime (another tab): show the page as it now is.
  useEffect(() => {
    if (state && !state.ok && state.code === "conflict") router.refresh();
  }, [state, router]);

  return (
    <form action={action} className="space-y-3" data-testid="resend-verification-form">
      <SubmitButton variant="secondary" pending={pending} pendingLabel={t("resending")} data-testid="resend-verification">
        {t("resend")}
      </SubmitButton>
      <div aria-live="polite">
        {state?.ok ? (
          <p className="font-medium text-success-700" data-testid="resend-verification-result">
            {t("resent")}
          </p>
        ) : state ? (
          <ProblemNotice testId="resend-verification-result">{state.message}</ProblemNotice>
        ) : null}
      </div>
    </form>
  );
}
