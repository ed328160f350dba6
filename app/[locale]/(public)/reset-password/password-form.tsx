"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import type { FormState } from "@/lib/auth/public-action";
import { validationMessage } from "@/lib/i18n/validation";
import { setPasswordSchema } from "@/lib/validation/account";
import { resetPasswordAction, setFirstPasswordAction } from "./actions";

type Input = { token: string; password: string; passwordConfirm: string };
const FIELDS = ["password", "passwordConfirm"] as const;

/** A new password and its repetition, through a one-time link (`purpose`: reset or first password). */
export function PasswordForm({ token, purpose }: { token: string; purpose: "reset" | "set" }) {
  const t = useTranslations("PasswordLink");
  const tv = useTranslations("Validation");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    purpose === "reset" ? resetPasswordAction : setFirstPasswordAction,
    null,
  );
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Input, unknown, Input>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: "", passwordConfirm: "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus (it links to each field), not the first invalid field.
    shouldFocusError: false,
  });

  // A refused password is typed again.
  useEffect(() => {
    if (state && !state.ok) reset({ token, password: "", passwordConfirm: "" }, { keepErrors: true });
  }, [state, reset, token]);

  const fieldError = (key: (typeof FIELDS)[number]): string | undefined => {
    const m = errors[key]?.message;
    return m ? validationMessage(tv, m) : state && !state.ok ? state.fieldErrors?.[key] : undefined;
  };
  const summary: SummaryError[] = [];
  for (const key of FIELDS) {
    const message = fieldError(key);
    if (message) summary.push({ fieldId: key, message });
  }
  const tokenError = errors.token?.message ? validationMessage(tv, errors.token.message) : state && !state.ok ? state.fieldErrors?.token : undefined;
  if (tokenError) summary.push({ message: tokenError });
  if (summary.length === 0 && state && !state.ok) summary.push({ message: state.message });

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
      data-testid="password-form"
    >
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
      <input type="hidden" value={token} {...register("token")} />
      <Field
        id="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        maxLength={256}
        error={fieldError("password")}
        {...register("password")}
      />
      <Field
        id="passwordConfirm"
        type="password"
        label={t("passwordConfirm")}
        autoComplete="new-password"
        maxLength={256}
        error={fieldError("passwordConfirm")}
        {...register("passwordConfirm")}
      />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full sm:w-auto">
        {purpose === "reset" ? t("resetSubmit") : t("setSubmit")}
      </SubmitButton>
    </form>
  );
}
