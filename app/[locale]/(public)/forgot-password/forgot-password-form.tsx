"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import { Notice } from "@/app/_components/Notice";
import type { FormState } from "@/lib/auth/public-action";
import { validationMessage } from "@/lib/i18n/validation";
import { emailOnlySchema } from "@/lib/validation/account";
import { requestPasswordResetAction } from "./actions";

type Input = { email: string };

/** "Send me a link": one answer for every address (the throttle's message aside). */
export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const tv = useTranslations("Validation");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<FormState, FormData>(requestPasswordResetAction, null);
  const keptEmail = state && !state.ok ? (state.values?.email ?? "") : "";
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Input, unknown, Input>({
    resolver: zodResolver(emailOnlySchema),
    defaultValues: { email: keptEmail },
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus (it links to each field), not the first invalid field.
    shouldFocusError: false,
  });

  const emailError = errors.email?.message
    ? validationMessage(tv, errors.email.message)
    : state && !state.ok
      ? state.fieldErrors?.email
      : undefined;
  const summary: SummaryError[] = [];
  if (emailError) summary.push({ fieldId: "email", message: emailError });
  else if (state && !state.ok) summary.push({ fieldId: "email", message: state.message });

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={(event) =>
        void handleSubmit(() => {
          const form = formRef.current;
          if (form) startTransition(() => formAction(new FormData(form)));
        })(event)
      }
      className="space-y-5"
      data-testid="forgot-password-form"
    >
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
      {state?.ok ? (
        <div data-testid="forgot-password-sent">
          <Notice tone="success">{t("sent")}</Notice>
        </div>
      ) : null}
      <Field
        id="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={254}
        defaultValue={keptEmail}
        error={emailError}
        {...register("email")}
      />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
