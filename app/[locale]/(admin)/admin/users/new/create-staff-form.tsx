"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import { SelectField } from "@/app/[locale]/(public)/register/form-controls";
import type { FormState } from "@/lib/auth/public-action";
import { validationMessage } from "@/lib/i18n/validation";
import { createStaffSchema } from "@/lib/validation/account";
import { createStaffAction } from "../actions";

type Input = z.input<typeof createStaffSchema>;
type Output = z.output<typeof createStaffSchema>;
const FIELDS = ["email", "surname", "givenName", "role", "organisation", "language"] as const;
type FieldName = (typeof FIELDS)[number];
const ROLES = ["reviewer", "admin"] as const;

/** An admin creates a reviewer or admin account (name, e-mail, role, organisation, e-mail language). */
export function CreateStaffForm({ languages, defaultLanguage }: { languages: { value: string; label: string }[]; defaultLanguage: string }) {
  const t = useTranslations("AdminUsers");
  const tc = useTranslations("Common");
  const tv = useTranslations("Validation");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<FormState, FormData>(createStaffAction, null);
  const kept = (state && !state.ok ? state.values : undefined) ?? {};
  const defaults = {
    email: kept.email ?? "",
    surname: kept.surname ?? "",
    givenName: kept.givenName ?? "",
    role: (kept.role ?? "") as Input["role"],
    organisation: kept.organisation ?? "",
    language: (kept.language ?? defaultLanguage) as Input["language"],
  };
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(createStaffSchema),
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus (it links to each field), not the first invalid field.
    shouldFocusError: false,
  });

  const fieldError = (key: FieldName): string | undefined => {
    const m = errors[key]?.message;
    return m ? validationMessage(tv, m) : state && !state.ok ? state.fieldErrors?.[key] : undefined;
  };
  const summary: SummaryError[] = [];
  for (const key of FIELDS) {
    const message = fieldError(key);
    if (message) summary.push({ fieldId: key === "role" ? "role-reviewer" : key, message });
  }
  if (summary.length === 0 && state && !state.ok) summary.push({ message: state.message });
  const roleError = fieldError("role");

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
      data-testid="create-staff-form"
    >
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
      <Field
        id="email"
        type="email"
        label={t("email")}
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={254}
        defaultValue={defaults.email}
        error={fieldError("email")}
        {...register("email")}
      />
      <Field id="surname" label={t("surname")} autoComplete="off" maxLength={100} defaultValue={defaults.surname} error={fieldError("surname")} {...register("surname")} />
      <Field id="givenName" label={t("givenName")} autoComplete="off" maxLength={100} defaultValue={defaults.givenName} error={fieldError("givenName")} {...register("givenName")} />
      <fieldset className="space-y-2" aria-describedby={roleError ? "role-error" : undefined}>
        <legend className="font-medium text-slate-900">{t("role")}</legend>
        {roleError ? (
          <p id="role-error" className="text-sm font-medium text-danger-700">
            {roleError}
          </p>
        ) : null}
        <div className={["flex flex-col gap-2 rounded-md sm:flex-row sm:gap-6", roleError ? "border-2 border-danger-600 p-2" : ""].join(" ")}>
          {ROLES.map((role) => (
            <label key={role} htmlFor={`role-${role}`} className="flex min-h-11 items-center gap-3">
              <input
                id={`role-${role}`}
                type="radio"
                value={role}
                defaultChecked={defaults.role === role}
                aria-invalid={roleError ? true : undefined}
                className="size-5 accent-brand-700"
                {...register("role")}
              />
              {tc(`roles.${role}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        id="organisation"
        label={t("organisation")}
        hint={t("organisationHint")}
        autoComplete="off"
        maxLength={200}
        defaultValue={defaults.organisation}
        error={fieldError("organisation")}
        {...register("organisation")}
      />
      <SelectField id="language" label={t("language")} options={languages} defaultValue={defaults.language} error={fieldError("language")} {...register("language")} />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
