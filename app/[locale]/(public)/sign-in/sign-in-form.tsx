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
import { validationMessage } from "@/lib/i18n/validation";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { signInAction, type SignInState } from "./actions";

const FIELD_IDS = { email: "email", password: "password" } as const;

/**
 * Checked in the browser with the same zod schema as on the server (react-hook-form), then sent to
 * the server action. Without JavaScript the form posts to the action directly and the page comes
 * back with the errors and the e-mail kept.
 */
export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations("SignIn");
  const tv = useTranslations("Validation");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null);

  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "", next: next ?? undefined },
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus (it links to each field), not the first invalid field.
    shouldFocusError: false,
  });

  // A refused sign-in empties the password; the e-mail stays as typed.
  useEffect(() => {
    if (state && !state.ok) resetField("password");
  }, [state, resetField]);

  const clientError = (key: keyof typeof FIELD_IDS): string | undefined => {
    const message = errors[key]?.message;
    return message ? validationMessage(tv, message) : undefined;
  };
  const fieldError = (key: keyof typeof FIELD_IDS): string | undefined =>
    clientError(key) ?? state?.fieldErrors?.[key];

  const summary: SummaryError[] = [];
  for (const key of Object.keys(FIELD_IDS) as (keyof typeof FIELD_IDS)[]) {
    const message = fieldError(key);
    if (message) summary.push({ fieldId: FIELD_IDS[key], message });
  }
  if (summary.length === 0 && state && !state.ok) {
    summary.push({ fieldId: FIELD_IDS.email, message: state.message });
  }

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
      data-testid="sign-in-form"
    >
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        id={FIELD_IDS.email}
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        defaultValue={state?.email ?? ""}
        error={fieldError("email")}
        {...register("email")}
      />
      <Field
        id={FIELD_IDS.password}
        type="password"
        label={t("password")}
        autoComplete="current-password"
        error={fieldError("password")}
        {...register("password")}
      />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
