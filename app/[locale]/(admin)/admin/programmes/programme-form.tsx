"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import { CheckboxField, FieldGroup, SelectField } from "@/app/[locale]/(public)/register/form-controls";
import type { ActionResult } from "@/lib/auth/action";
import type { ProgrammeFormValues } from "@/lib/dal/programme-editor";
import type { Locale } from "@/lib/i18n/routing";
import { ADDABLE_FIELD_TYPES, createProgrammeSchema, TIE_BREAK_KEYS, updateProgrammeSchema } from "@/lib/validation/editor";
import { createProgrammeAction, updateProgrammeAction } from "./actions";
import { collectErrors, errorAt, fieldId, ItemControls, LocalisedFields } from "./editor-parts";

type L = { kk: string; ru: string; en: string };
type FieldValues = { key: string; type: string; label: L; hint: L; required: boolean; maxLength: string; min: number | null; max: number | null; optionsFrom: "directions" | null };
type Values = {
  code?: string;
  name: L;
  description: L;
  eligibility: { minAge: string; maxAge: string; guardianConsentBelow: string; excludePastWinners: boolean; individualsOnly: boolean; requiresTrainingCertificate: boolean };
  awardKind: "fixed" | "mrp";
  awardAmount: string;
  awardMrpMultiple: string;
  directions: { code: string; name: L }[];
  tieBreak: string[];
  scoreOutOf: string;
  active: boolean;
  criteria: { code: string; name: L; description: L; scaleMin: string; scaleMax: string; weight: string }[];
  formSections: { key: string; title: L; fields: FieldValues[] }[];
};

const EMPTY: L = { kk: "", ru: "", en: "" };
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

type Props = {
  initial: ProgrammeFormValues;
  /** Editing an existing programme (else: a new one). */
  edit?: { programmeId: string; version: string; code: string; applicationsExist: boolean; reviewsExist: boolean };
};

/** The programme form: texts in three languages, eligibility, award, directions, tie-break order, rubric and form sections. */
export function ProgrammeForm({ initial, edit }: Props) {
  const t = useTranslations("AdminEditor");
  const tv = useTranslations("Validation");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [version, setVersion] = useState(edit?.version);
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setValue,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver((edit ? updateProgrammeSchema : createProgrammeSchema) as never) as never,
    // The edit schema also checks the programme's id and version: they ride along in the form's values.
    defaultValues: (edit ? { ...initial, programmeId: edit.programmeId, version: edit.version } : { code: "", ...initial }) as Values,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const directions = useFieldArray({ control, name: "directions" });
  const criteria = useFieldArray({ control, name: "criteria" });
  const sections = useFieldArray({ control, name: "formSections" });
  const awardKind = useWatch({ control, name: "awardKind" });
  const tieBreak = useWatch({ control, name: "tieBreak" }) ?? [];
  const criteriaNames = useWatch({ control, name: "criteria" }) ?? [];

  // Tie-break: every key, the chosen ones first in their order; the form's value is the chosen ones.
  const [order, setOrder] = useState<string[]>(() => [...(initial.tieBreak as string[]), ...TIE_BREAK_KEYS.filter((k) => !(initial.tieBreak as string[]).includes(k))]);
  const chosen = new Set(tieBreak);
  const applyTieBreak = (nextOrder: string[], nextChosen: Set<string>) => {
    setOrder(nextOrder);
    setValue("tieBreak", nextOrder.filter((k) => nextChosen.has(k)), { shouldDirty: true, shouldValidate: false });
  };
  const moveTie = (from: number, to: number) => {
    const next = [...order];
    const [k] = next.splice(from, 1);
    next.splice(to, 0, k);
    applyTieBreak(next, chosen);
  };

  const server = failure?.fieldErrors ?? {};
  const summary: SummaryError[] = collectErrors(errors as FieldErrors, tv);
  if (summary.length === 0 && failure) {
    const entries = Object.entries(server);
    // The lists' refusals point at the list; a single field's (the code) at the field.
    const LISTS = new Set(["criteria", "formSections", "directions"]);
    if (entries.length > 0) for (const [k, m] of entries) summary.push({ fieldId: LISTS.has(k) ? `${k}-group` : fieldId(k), message: m });
    else summary.push({ message: failure.message });
  }
  const err = (path: string) => errorAt(errors as FieldErrors, path, tv) ?? server[path];

  const submit = () =>
    startTransition(async () => {
      setSaved(false);
      const raw = getValues();
      if (edit) {
        const r = await updateProgrammeAction({ ...raw, programmeId: edit.programmeId, version: version ?? "" } as never);
        if (r.ok) {
          setFailure(null);
          setVersion(r.data?.version);
          setSaved(true);
          router.refresh();
        } else setFailure(r);
      } else {
        const r = await createProgrammeAction(raw as never);
        if (r.ok && r.data) router.push(`/admin/programmes/${r.data.id}?created=1`);
        else if (!r.ok) setFailure(r);
      }
    });

  const tieLabel = (k: string) => t(`tieBreak.${k as (typeof TIE_BREAK_KEYS)[number]}`);

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)} className="space-y-6" data-testid="programme-form">
      <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
      {saved ? (
        <p role="status" className="font-medium text-success-700" data-testid="programme-saved">
          {t("saved")}
        </p>
      ) : null}

      <FieldGroup title={t("programmeBasics")}>
        {edit ? (
          <p>
            <span className="font-medium">{t("code")}: </span>
            <code>{edit.code}</code>
          </p>
        ) : (
          <Field id="code" label={t("code")} hint={t("codeHint")} maxLength={40} autoComplete="off" spellCheck={false} error={err("code")} {...register("code")} />
        )}
        <LocalisedFields name="name" label={t("programmeName")} register={register} errors={errors} maxLength={200} />
        <LocalisedFields name="description" label={t("description")} register={register} errors={errors} multiline maxLength={4000} />
        <Field id="scoreOutOf" label={t("scoreOutOf")} hint={t("scoreOutOfHint")} inputMode="numeric" className="max-w-32" error={err("scoreOutOf")} {...register("scoreOutOf")} />
        <CheckboxField id="active" label={t("active")} {...register("active")} />
      </FieldGroup>

      <FieldGroup title={t("eligibility")}>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field id="eligibility-minAge" label={t("minAge")} inputMode="numeric" error={err("eligibility.minAge")} {...register("eligibility.minAge")} />
          <Field id="eligibility-maxAge" label={t("maxAge")} inputMode="numeric" error={err("eligibility.maxAge")} {...register("eligibility.maxAge")} />
          <Field id="eligibility-guardianConsentBelow" label={t("guardianConsentBelow")} hint={t("optional")} inputMode="numeric" error={err("eligibility.guardianConsentBelow")} {...register("eligibility.guardianConsentBelow")} />
        </div>
        <CheckboxField id="eligibility-excludePastWinners" label={t("excludePastWinners")} {...register("eligibility.excludePastWinners")} />
        <CheckboxField id="eligibility-individualsOnly" label={t("individualsOnly")} {...register("eligibility.individualsOnly")} />
        <CheckboxField id="eligibility-requiresTrainingCertificate" label={t("requiresTrainingCertificate")} {...register("eligibility.requiresTrainingCertificate")} />
      </FieldGroup>

      <FieldGroup title={t("award")}>
        <p className="text-sm text-slate-600">{t("awardProgrammeHint")}</p>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6" role="radiogroup" aria-label={t("awardKind")}>
          {(["fixed", "mrp"] as const).map((k) => (
            <label key={k} htmlFor={`awardKind-${k}`} className="flex min-h-11 items-center gap-3">
              <input id={`awardKind-${k}`} type="radio" value={k} className="size-5 accent-brand-700" {...register("awardKind")} />
              {t(`awardKindOption.${k}`)}
            </label>
          ))}
        </div>
        {awardKind === "mrp" ? (
          <Field id="awardMrpMultiple" label={t("awardMrpMultiple")} inputMode="numeric" className="max-w-40" error={err("awardMrpMultiple")} {...register("awardMrpMultiple")} />
        ) : (
          <Field id="awardAmount" label={t("awardAmountFixed")} hint={t("tengeHint")} inputMode="numeric" className="max-w-60" error={err("awardAmount")} {...register("awardAmount")} />
        )}
      </FieldGroup>

      <FieldGroup title={t("directions")} testId="directions">
        <div id="directions-group" tabIndex={-1} className="space-y-3">
          <p className="text-sm text-slate-600">{edit?.applicationsExist ? t("directionsLocked") : t("directionsHint")}</p>
          {server.directions ? <p className="font-medium text-danger-700">{server.directions}</p> : null}
          {directions.fields.map((d, i) => (
            <div key={d.id} className="space-y-3 rounded-md border border-slate-200 p-3">
              <Field id={`directions-${i}-code`} label={t("code")} maxLength={40} className="max-w-60" error={err(`directions.${i}.code`)} {...register(`directions.${i}.code`)} />
              <LocalisedFields name={`directions.${i}.name`} label={t("directionName")} register={register} errors={errors} maxLength={200} />
              <ItemControls index={i} count={directions.fields.length} itemLabel={t("directionN", { n: i + 1 })} onMove={directions.move} onRemove={() => directions.remove(i)} />
            </div>
          ))}
          <button type="button" className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-800" onClick={() => directions.append({ code: "", name: { ...EMPTY } })}>
            {t("addDirection")}
          </button>
        </div>
      </FieldGroup>

      <FieldGroup title={t("tieBreakTitle")} testId="tie-break">
        <p className="text-sm text-slate-600">{t("tieBreakHint")}</p>
        {err("tieBreak") ? <p className="font-medium text-danger-700">{err("tieBreak")}</p> : null}
        <ol id="tieBreak" tabIndex={-1} className="m-0 list-none space-y-2 p-0">
          {order.map((k, i) => (
            <li key={k} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-2" data-testid={`tie-${k}`}>
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  className="size-5 accent-brand-700"
                  checked={chosen.has(k)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(k);
                    else next.delete(k);
                    applyTieBreak(order, next);
                  }}
                />
                <span>
                  {chosen.has(k) ? `${order.filter((x) => chosen.has(x)).indexOf(k) + 1}. ` : ""}
                  {tieLabel(k)}
                </span>
              </label>
              <ItemControls index={i} count={order.length} itemLabel={tieLabel(k)} onMove={moveTie} />
            </li>
          ))}
        </ol>
      </FieldGroup>

      <FieldGroup title={t("rubric")} testId="rubric">
        <div id="criteria-group" tabIndex={-1} className="space-y-3">
          <p className="text-sm text-slate-600">{edit?.reviewsExist ? t("rubricLocked") : t("rubricHint")}</p>
          {server.criteria ? <p className="font-medium text-danger-700" data-testid="rubric-refusal">{server.criteria}</p> : null}
          {criteria.fields.map((c, i) => {
            const label = criteriaNames[i]?.name?.[locale] || t("criterionN", { n: i + 1 });
            return (
              <div key={c.id} className="space-y-3 rounded-md border border-slate-200 p-3" data-testid={`criterion-${i}`}>
                <p className="font-semibold">{t("criterionN", { n: i + 1 })}</p>
                <Field id={`criteria-${i}-code`} label={t("code")} maxLength={40} className="max-w-60" error={err(`criteria.${i}.code`)} {...register(`criteria.${i}.code`)} />
                <LocalisedFields name={`criteria.${i}.name`} label={t("criterionName")} register={register} errors={errors} maxLength={200} />
                <LocalisedFields name={`criteria.${i}.description`} label={t("description")} register={register} errors={errors} multiline maxLength={2000} />
                <div className="grid grid-cols-3 gap-3">
                  <Field id={`criteria-${i}-scaleMin`} label={t("scaleMin")} inputMode="numeric" error={err(`criteria.${i}.scaleMin`)} {...register(`criteria.${i}.scaleMin`)} />
                  <Field id={`criteria-${i}-scaleMax`} label={t("scaleMax")} inputMode="numeric" error={err(`criteria.${i}.scaleMax`)} {...register(`criteria.${i}.scaleMax`)} />
                  <Field id={`criteria-${i}-weight`} label={t("weight")} inputMode="decimal" error={err(`criteria.${i}.weight`)} {...register(`criteria.${i}.weight`)} />
                </div>
                <ItemControls index={i} count={criteria.fields.length} itemLabel={label} onMove={criteria.move} onRemove={() => criteria.remove(i)} testId={`criterion-${i}-controls`} />
              </div>
            );
          })}
          <button
            type="button"
            className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-800"
            onClick={() => criteria.append({ code: "", name: { ...EMPTY }, description: { ...EMPTY }, scaleMin: "0", scaleMax: "10", weight: "1" })}
            data-testid="add-criterion"
          >
            {t("addCriterion")}
          </button>
        </div>
      </FieldGroup>

      <FieldGroup title={t("formSections")} testId="form-sections">
        <div id="formSections-group" tabIndex={-1} className="space-y-3">
          <p className="text-sm text-slate-600">{edit?.applicationsExist ? t("formLocked") : t("formHint")}</p>
          {server.formSections ? <p className="font-medium text-danger-700">{server.formSections}</p> : null}
          {sections.fields.map((s, i) => (
            <div key={s.id} className="space-y-3 rounded-md border border-slate-300 p-3" data-testid={`section-${i}`}>
              <p className="font-semibold">{t("sectionN", { n: i + 1 })}</p>
              <Field id={`formSections-${i}-key`} label={t("key")} maxLength={60} className="max-w-60" error={err(`formSections.${i}.key`)} {...register(`formSections.${i}.key`)} />
              <LocalisedFields name={`formSections.${i}.title`} label={t("sectionTitle")} register={register} errors={errors} maxLength={300} />
              <SectionFields sectionIndex={i} control={control} register={register} errors={errors} />
              <ItemControls index={i} count={sections.fields.length} itemLabel={t("sectionN", { n: i + 1 })} onMove={sections.move} onRemove={() => sections.remove(i)} />
            </div>
          ))}
          <button
            type="button"
            className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-800"
            onClick={() => sections.append({ key: "", title: { ...EMPTY }, fields: [newField()] })}
          >
            {t("addSection")}
          </button>
        </div>
      </FieldGroup>

      <SubmitButton pending={pending} pendingLabel={t("saving")} className="w-full sm:w-auto" data-testid="save-programme">
        {edit ? t("saveProgramme") : t("createProgramme")}
      </SubmitButton>
    </form>
  );
}

function newField(): FieldValues {
  return { key: "", type: "text", label: { ...EMPTY }, hint: { ...EMPTY }, required: false, maxLength: "", min: null, max: null, optionsFrom: null };
}

/** The fields of one form section: labels, hints, required, maximum length, order; add or remove (structure). */
function SectionFields({ sectionIndex, control, register, errors }: { sectionIndex: number; control: Control<Values>; register: UseFormRegister<Values>; errors: FieldErrors<Values> }) {
  const t = useTranslations("AdminEditor");
  const tv = useTranslations("Validation");
  const fields = useFieldArray({ control, name: `formSections.${sectionIndex}.fields` });
  const types = useWatch({ control, name: `formSections.${sectionIndex}.fields` }) ?? [];
  const base = `formSections.${sectionIndex}.fields`;
  return (
    <div className="space-y-3">
      {fields.fields.map((f, j) => {
        const path = `${base}.${j}`;
        const id = fieldId(path);
        const type = types[j]?.type ?? "text";
        const addable = (ADDABLE_FIELD_TYPES as readonly string[]).includes(type);
        return (
          <div key={f.id} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid={`field-${sectionIndex}-${j}`}>
            <p className="font-semibold">{t("fieldN", { n: j + 1 })}</p>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Field id={`${id}-key`} label={t("key")} maxLength={60} error={errorAt(errors as FieldErrors, `${path}.key`, tv)} {...register(`formSections.${sectionIndex}.fields.${j}.key`)} />
              {addable ? (
                <SelectField
                  id={`${id}-type`}
                  label={t("fieldType")}
                  options={ADDABLE_FIELD_TYPES.map((v) => ({ value: v, label: t(`fieldTypes.${v}`) }))}
                  {...register(`formSections.${sectionIndex}.fields.${j}.type`)}
                />
              ) : (
                <p>
                  <span className="font-medium">{t("fieldType")}: </span>
                  {t(`fieldTypes.${type as "text"}`)}
                </p>
              )}
            </div>
            <LocalisedFields name={`${path}.label`} label={t("fieldLabel")} register={register} errors={errors} maxLength={300} />
            <LocalisedFields name={`${path}.hint`} label={t("fieldHint")} register={register} errors={errors} maxLength={1000} />
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <CheckboxField id={`${id}-required`} label={t("required")} {...register(`formSections.${sectionIndex}.fields.${j}.required`)} />
              <Field id={`${id}-maxLength`} label={t("maxLength")} hint={t("optional")} inputMode="numeric" error={errorAt(errors as FieldErrors, `${path}.maxLength`, tv)} {...register(`formSections.${sectionIndex}.fields.${j}.maxLength`)} />
            </div>
            <ItemControls index={j} count={fields.fields.length} itemLabel={t("fieldN", { n: j + 1 })} onMove={fields.move} onRemove={() => fields.remove(j)} />
          </div>
        );
      })}
      <button type="button" className="min-h-11 rounded-md border border-slate-500 px-4 font-semibold" onClick={() => fields.append(newField())}>
        {t("addField")}
      </button>
    </div>
  );
}
