"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import { FieldGroup, SelectField } from "@/app/[locale]/(public)/register/form-controls";
import type { ActionResult } from "@/lib/auth/action";
import type { CallFormValues, ProgrammeAwardOption } from "@/lib/dal/call-editor";
import { computeAwardAmount } from "@/lib/domain/call-edit";
import { DISTRICTS } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";
import { createCallSchema, updateCallSchema } from "@/lib/validation/editor";
import { collectErrors, errorAt, fieldId, formatTenge, LocalisedFields } from "../programmes/editor-parts";
import { createCallAction, updateCallAction } from "./editor-actions";

type Values = CallFormValues & { awardAmount?: string; callId?: string; version?: string };

type Props = {
  options: { programmes: ProgrammeAwardOption[]; mrp: Record<number, number> };
  initial: CallFormValues;
  /** Editing an existing call (else: a new call, possibly prefilled by "clone"). */
  edit?: { callId: string; version: string; awardAmount: number; programmeName: string; hasAwards: boolean; assignmentsStarted: boolean; awardedTotal: number };
};

/** The call form: create (and clone) or edit. Dates are Asia/Almaty wall time; the server converts and checks every rule again. */
export function CallForm({ options, initial, edit }: Props) {
  const t = useTranslations("AdminEditor");
  const tv = useTranslations("Validation");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Extract<ActionResult<unknown>, { ok: false }> | null>(null);
  const [version, setVersion] = useState(edit?.version);
  const [saved, setSaved] = useState(false);

  const schema = edit ? updateCallSchema : createCallSchema;
  // The edit schema also checks the call's id and version: they ride along in the form's values.
  const defaults: Values = edit ? { ...initial, awardAmount: String(edit.awardAmount), callId: edit.callId, version: edit.version } : initial;
  const {
    register,
    handleSubmit,
    control,
    getValues,
    setValue,
    formState: { errors },
  } = useForm<Values>({
    // The schema's input is the form's values; its output goes to the server as typed values.
    resolver: zodResolver(schema as never) as never,
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });

  const programmeId = useWatch({ control, name: "programmeId" });
  const year = Number(useWatch({ control, name: "year" }));
  const awardAmount = useWatch({ control, name: "awardAmount" });
  const programme = options.programmes.find((p) => p.id === programmeId);
  const computed = programme && Number.isInteger(year) ? computeAwardAmount(programme, year, options.mrp) : null;

  const serverError = (key: string) => (result?.fieldErrors ? result.fieldErrors[key] : undefined);
  const err = (path: string) => errorAt(errors as FieldErrors, path, tv) ?? serverError(fieldId(path)) ?? serverError(path);

  const summary: SummaryError[] = collectErrors(errors as FieldErrors, tv);
  if (summary.length === 0 && result) {
    const fe = Object.entries(result.fieldErrors ?? {});
    if (fe.length > 0) for (const [key, message] of fe) summary.push({ fieldId: fieldId(key), message });
    else summary.push({ message: result.message });
  }

  const submit = () =>
    startTransition(async () => {
      setSaved(false);
      const raw = getValues();
      if (edit) {
        const r = await updateCallAction({ ...raw, awardAmount: raw.awardAmount ?? "", callId: edit.callId, version: version ?? "" });
        if (r.ok) {
          setResult(null);
          setVersion(r.data?.version);
          setSaved(true);
          router.push(`/admin/calls/${edit.callId}?saved=1`);
        } else setResult(r);
      } else {
        const r = await createCallAction(raw);
        if (r.ok && r.data) router.push(`/admin/calls/${r.data.id}?created=1`);
        else if (!r.ok) setResult(r);
      }
    });

  const programmeOptions = options.programmes
    .filter((p) => p.active || p.id === initial.programmeId)
    .map((p) => ({ value: p.id, label: p.name[locale] }));

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)} className="space-y-6" data-testid="call-form">
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
      {saved ? (
        <p role="status" className="text-success-700">
          {t("saved")}
        </p>
      ) : null}

      <FieldGroup title={t("callBasics")}>
        {edit ? (
          <p>
            <span className="font-medium">{t("programme")}: </span>
            {edit.programmeName}
          </p>
        ) : (
          <SelectField id="programmeId" label={t("programme")} placeholder={t("choose")} options={programmeOptions} error={err("programmeId")} {...register("programmeId")} />
        )}
        <Field id="year" label={t("year")} inputMode="numeric" maxLength={4} className="max-w-32" error={err("year")} {...register("year")} />
        <LocalisedFields name="title" label={t("callTitle")} register={register} errors={errors} maxLength={200} />
      </FieldGroup>

      <FieldGroup title={t("dates")}>
        <p className="text-sm text-slate-600">{t("datesHint")}</p>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <Field id="opensAt" type="datetime-local" label={t("opensAt")} error={err("opensAt")} {...register("opensAt")} />
          <Field id="closesAt" type="datetime-local" label={t("closesAt")} error={err("closesAt")} {...register("closesAt")} />
          <Field id="reviewDeadline" type="datetime-local" label={t("reviewDeadline")} error={err("reviewDeadline")} {...register("reviewDeadline")} />
        </div>
      </FieldGroup>

      <FieldGroup title={t("money")}>
        <Field id="budgetCap" label={t("budgetCap")} hint={edit && edit.awardedTotal > 0 ? t("budgetCapAwarded", { awarded: formatTenge(edit.awardedTotal) }) : t("tengeHint")} inputMode="numeric" error={err("budgetCap")} {...register("budgetCap")} />
        <div data-testid="computed-award" className="space-y-1">
          <p className="font-medium">{t("programmeAward")}</p>
          {!programme ? (
            <p className="text-slate-600">{t("chooseProgrammeFirst")}</p>
          ) : computed?.ok ? (
            <p data-testid="computed-award-amount" className="text-lg font-semibold">
              {formatTenge(computed.amount)}
              {programme.awardKind === "mrp" ? <span className="ms-2 text-sm font-normal text-slate-600">{t("mrpFormula", { multiple: programme.awardMrpMultiple ?? 0, mrp: formatTenge(options.mrp[year] ?? 0) })}</span> : null}
            </p>
          ) : computed && computed.code === "mrp_missing" ? (
            <p className="font-medium text-danger-700" data-testid="mrp-missing">
              {t("mrpMissing", { year: Number.isInteger(year) ? year : "?" })}{" "}
              <Link href={`/admin/mrp?year=${Number.isInteger(year) ? year : ""}`}>{t("addMrpLink")}</Link>
            </p>
          ) : (
            <p className="font-medium text-danger-700">{t("refusal.award_not_configured")}</p>
          )}
        </div>
        {edit ? (
          <div className="space-y-2">
            <Field
              id="awardAmount"
              label={t("awardAmount")}
              hint={edit.hasAwards ? t("awardAmountLocked") : t("awardAmountHint")}
              inputMode="numeric"
              error={err("awardAmount")}
              {...register("awardAmount")}
            />
            {computed?.ok && String(computed.amount) !== String(awardAmount ?? "").replace(/\s/g, "") && !edit.hasAwards ? (
              <button type="button" className="min-h-11 text-brand-700 underline" onClick={() => setValue("awardAmount", String(computed.amount), { shouldDirty: true })}>
                {t("useProgrammeAward", { amount: formatTenge(computed.amount) })}
              </button>
            ) : null}
          </div>
        ) : null}
        <Field id="minScore" label={t("minScore")} hint={t("minScoreHint")} inputMode="decimal" className="max-w-40" error={err("minScore")} {...register("minScore")} />
        <Field
          id="reviewersPerApplication"
          label={t("reviewersPerApplication")}
          hint={edit?.assignmentsStarted ? t("reviewersLocked") : t("reviewersHint")}
          inputMode="numeric"
          className="max-w-32"
          error={err("reviewersPerApplication")}
          {...register("reviewersPerApplication")}
        />
      </FieldGroup>

      <FieldGroup title={t("districts")} testId="district-limits">
        <p className="text-sm text-slate-600">{t("districtsHint")}</p>
        <ul className="m-0 list-none space-y-3 p-0">
          {initial.districts.map((d, i) => {
            const name = DISTRICTS.find((x) => x.code === d.code)?.[locale] ?? d.code;
            return (
              <li key={d.code} className="rounded-md border border-slate-200 p-3" data-testid={`district-${d.code}`}>
                <input type="hidden" {...register(`districts.${i}.code`)} />
                <p className="mb-2 font-semibold">{name}</p>
                <div className="grid grid-cols-2 gap-3">
                  <Field
                    id={`districts-${i}-ceiling`}
                    label={t("ceiling")}
                    aria-label={t("ceilingOf", { district: name })}
                    inputMode="numeric"
                    error={err(`districts.${i}.ceiling`)}
                    {...register(`districts.${i}.ceiling`)}
                  />
                  <Field
                    id={`districts-${i}-reservedMinimum`}
                    label={t("reservedMinimum")}
                    aria-label={t("reservedOf", { district: name })}
                    inputMode="numeric"
                    error={err(`districts.${i}.reservedMinimum`)}
                    {...register(`districts.${i}.reservedMinimum`)}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      </FieldGroup>

      <SubmitButton pending={pending} pendingLabel={t("saving")} className="w-full sm:w-auto" data-testid="save-call">
        {edit ? t("saveCall") : t("createCall")}
      </SubmitButton>
    </form>
  );
}
