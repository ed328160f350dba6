"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import { parseIin } from "@/lib/domain/iin";
import { validationMessage } from "@/lib/i18n/validation";
import type { FormState } from "@/lib/auth/public-action";
import {
  ADULT_AGE,
  GUARDIAN_RELATIONS,
  MIN_REGISTRATION_AGE,
  ageFromIin,
  registrationSchema,
  type Registration,
  type RegistrationInput,
} from "@/lib/validation/registration";
import { registerAction } from "./actions";
import { CheckboxField, FieldGroup, SelectField } from "./form-controls";

/** The fields in the order they appear: the error summary lists them in this order. */
const FIELDS = [
  "email",
  "password",
  "passwordConfirm",
  "surname",
  "givenName",
  "patronymic",
  "iin",
  "phone",
  "district",
  "language",
  "guardianName",
  "guardianIin",
  "guardianRelation",
  "consent",
  "guardianConsent",
] as const;
type FieldName = (typeof FIELDS)[number];
const GUARDIAN_FIELDS: readonly FieldName[] = ["guardianName", "guardianIin", "guardianRelation", "guardianConsent"];

type Option = { value: string; label: string };

function normaliseIin(v: string | undefined): string {
  return (v ?? "").replace(/\s+/g, "");
}

/** "2001-02-03" → "03.02.2001": the same in every browser (Chromium lacks Kazakh date data). */
function dottedDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/**
 * The applicant's registration. Checked in the browser with the server's zod schema (the browser's
 * clock only decides whether the legal representative's section is shown: the server decides again),
 * then sent to the server action. Every typed value stays on any error, except the passwords.
 * Without JavaScript the form posts to the action and comes back filled in from `state.values`.
 */
export function RegisterForm({
  districts,
  languages,
  defaultLanguage,
  consentText,
}: {
  districts: Option[];
  languages: Option[];
  defaultLanguage: string;
  /** The consent's paragraphs, in the page's language (rendered by the server: the text is long). */
  consentText: string[];
}) {
  const t = useTranslations("Register");
  const tv = useTranslations("Validation");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<FormState, FormData>(registerAction, null);
  const kept = (state && !state.ok ? state.values : undefined) ?? {};
  const keptValue = (name: FieldName, fallback = ""): string => kept[name] ?? fallback;

  const schema = useMemo(() => registrationSchema(new Date()), []);
  const defaults: RegistrationInput = {
    email: keptValue("email"),
    password: "",
    passwordConfirm: "",
    surname: keptValue("surname"),
    givenName: keptValue("givenName"),
    patronymic: keptValue("patronymic"),
    iin: keptValue("iin"),
    phone: keptValue("phone"),
    district: keptValue("district") as RegistrationInput["district"],
    language: keptValue("language", defaultLanguage) as RegistrationInput["language"],
    consent: kept.consent === "on",
    guardianName: keptValue("guardianName"),
    guardianIin: keptValue("guardianIin"),
    guardianRelation: keptValue("guardianRelation"),
    guardianConsent: kept.guardianConsent === "on",
  };
  const {
    register,
    control,
    handleSubmit,
    resetField,
    formState: { errors },
  } = useForm<RegistrationInput, unknown, Registration>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus (it links to each field), not the first invalid field.
    shouldFocusError: false,
    shouldUnregister: false,
  });

  // A refused registration empties the passwords; everything else stays as typed.
  useEffect(() => {
    if (state && !state.ok) {
      resetField("password");
      resetField("passwordConfirm");
    }
  }, [state, resetField]);

  const iin = normaliseIin(useWatch({ control, name: "iin" }) ?? defaults.iin);
  const parsedIin = iin.length === 12 ? parseIin(iin) : null;
  const age = parsedIin?.ok ? ageFromIin(iin, new Date()) : null;
  const serverFieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const minor =
    (age !== null && age >= MIN_REGISTRATION_AGE && age < ADULT_AGE) ||
    GUARDIAN_FIELDS.some((f) => serverFieldErrors[f] !== undefined);

  const clientError = (key: FieldName): string | undefined => {
    const message = (errors as Record<string, { message?: string } | undefined>)[key]?.message;
    return message ? validationMessage(tv, message) : undefined;
  };
  const fieldError = (key: FieldName): string | undefined => {
    if (!minor && GUARDIAN_FIELDS.includes(key)) return undefined;
    return clientError(key) ?? serverFieldErrors[key];
  };

  const summary: SummaryError[] = [];
  for (const key of FIELDS) {
    const message = fieldError(key);
    if (message) summary.push({ fieldId: key, message });
  }
  if (summary.length === 0 && state && !state.ok) summary.push({ message: state.message });

  const relationOptions = GUARDIAN_RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }));

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
      className="space-y-6"
      data-testid="register-form"
    >
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />

      <FieldGroup title={t("sectionAccount")}>
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
          defaultValue={defaults.email}
          error={fieldError("email")}
          {...register("email")}
        />
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
      </FieldGroup>

      <FieldGroup title={t("sectionPerson")}>
        <Field
          id="surname"
          label={t("surname")}
          autoComplete="family-name"
          maxLength={100}
          defaultValue={defaults.surname}
          error={fieldError("surname")}
          {...register("surname")}
        />
        <Field
          id="givenName"
          label={t("givenName")}
          autoComplete="given-name"
          maxLength={100}
          defaultValue={defaults.givenName}
          error={fieldError("givenName")}
          {...register("givenName")}
        />
        <Field
          id="patronymic"
          label={t("patronymic")}
          hint={t("patronymicHint")}
          autoComplete="additional-name"
          maxLength={100}
          defaultValue={defaults.patronymic ?? ""}
          error={fieldError("patronymic")}
          {...register("patronymic")}
        />
        <div className="space-y-1">
          <Field
            id="iin"
            label={t("iin")}
            hint={t("iinHint")}
            autoComplete="off"
            inputMode="numeric"
            maxLength={20}
            spellCheck={false}
            defaultValue={defaults.iin}
            error={fieldError("iin")}
            {...register("iin")}
          />
          <p aria-live="polite" className="min-h-5 text-sm text-slate-700" data-testid="iin-derived">
            {parsedIin?.ok && age !== null ? t("iinDerived", { date: dottedDate(parsedIin.birthDate), age }) : ""}
          </p>
        </div>
        <Field
          id="phone"
          type="tel"
          label={t("phone")}
          hint={t("phoneHint")}
          autoComplete="tel"
          inputMode="tel"
          maxLength={30}
          defaultValue={defaults.phone}
          error={fieldError("phone")}
          {...register("phone")}
        />
        <SelectField
          id="district"
          label={t("district")}
          hint={t("districtHint")}
          placeholder={t("choose")}
          options={districts}
          defaultValue={defaults.district}
          error={fieldError("district")}
          {...register("district")}
        />
        <SelectField
          id="language"
          label={t("language")}
          hint={t("languageHint")}
          options={languages}
          defaultValue={defaults.language}
          error={fieldError("language")}
          {...register("language")}
        />
      </FieldGroup>

      {minor ? (
        <FieldGroup title={t("sectionGuardian")} testId="guardian-section">
          <p className="text-slate-700">{t("guardianIntro")}</p>
          <Field
            id="guardianName"
            label={t("guardianName")}
            autoComplete="off"
            maxLength={200}
            defaultValue={defaults.guardianName}
            error={fieldError("guardianName")}
            {...register("guardianName")}
          />
          <Field
            id="guardianIin"
            label={t("guardianIin")}
            hint={t("guardianIinHint")}
            autoComplete="off"
            inputMode="numeric"
            maxLength={20}
            spellCheck={false}
            defaultValue={defaults.guardianIin}
            error={fieldError("guardianIin")}
            {...register("guardianIin")}
          />
          <SelectField
            id="guardianRelation"
            label={t("guardianRelation")}
            placeholder={t("choose")}
            options={relationOptions}
            defaultValue={defaults.guardianRelation}
            error={fieldError("guardianRelation")}
            {...register("guardianRelation")}
          />
        </FieldGroup>
      ) : null}

      <FieldGroup title={t("sectionConsent")} testId="consent-section">
        <div id="consent-text" className="max-h-80 space-y-2 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800" tabIndex={0} role="region" aria-label={t("sectionConsent")}>
          {consentText.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
        <CheckboxField
          id="consent"
          label={t("consentCheckbox")}
          defaultChecked={defaults.consent === true}
          error={fieldError("consent")}
          {...register("consent")}
        />
        {minor ? (
          <CheckboxField
            id="guardianConsent"
            label={t("guardianConsentCheckbox")}
            defaultChecked={defaults.guardianConsent === true}
            error={fieldError("guardianConsent")}
            {...register("guardianConsent")}
          />
        ) : null}
      </FieldGroup>

      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
