"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import type { ActionResult } from "@/lib/auth/action";
import { mrpSchema } from "@/lib/validation/editor";
import { collectErrors, errorAt } from "../programmes/editor-parts";
import { addMrpAction, updateMrpAction } from "./actions";

type Values = { year: string; amount: string };
type Failure = Extract<ActionResult, { ok: false }>;

function useMrpForm(defaults: Values) {
  return useForm<Values>({ resolver: zodResolver(mrpSchema as never) as never, defaultValues: defaults, mode: "onSubmit", reValidateMode: "onChange", shouldFocusError: false });
}

function summaryOf(errors: FieldErrors, tv: ReturnType<typeof useTranslations<"Validation">>, failure: Failure | null, prefix: string): SummaryError[] {
  const out: SummaryError[] = collectErrors(errors, tv).map((e) => ({ ...e, fieldId: `${prefix}${e.fieldId}` }));
  if (out.length === 0 && failure) out.push({ message: failure.message });
  return out;
}

/** Add a year's MRP. */
export function AddMrpForm({ year }: { year: string }) {
  const t = useTranslations("AdminEditor");
  const tv = useTranslations("Validation");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { register, handleSubmit, getValues, reset, formState: { errors } } = useMrpForm({ year, amount: "" });
  const submit = () =>
    startTransition(async () => {
      const v = getValues();
      const r = await addMrpAction(v);
      if (r.ok) {
        setFailure(null);
        setAdded(v.year);
        reset({ year: "", amount: "" });
        router.refresh();
      } else setFailure(r);
    });
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)} className="space-y-4" data-testid="add-mrp-form">
      <ErrorSummary title={t("errorSummaryTitle")} errors={summaryOf(errors, tv, failure, "mrp-")} />
      {added ? <p role="status" className="text-success-700">{t("mrpAdded", { year: added })}</p> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id="mrp-year" label={t("year")} inputMode="numeric" maxLength={4} error={errorAt(errors, "year", tv) ?? failure?.fieldErrors?.year} {...register("year")} />
        <Field id="mrp-amount" label={t("mrpAmount")} hint={t("tengeHint")} inputMode="numeric" error={errorAt(errors, "amount", tv)} {...register("amount")} />
      </div>
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("addMrp")}
      </SubmitButton>
    </form>
  );
}

/** Change one year's MRP in place. */
export function EditMrpForm({ year, amount }: { year: number; amount: number }) {
  const t = useTranslations("AdminEditor");
  const tv = useTranslations("Validation");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, getValues, formState: { errors } } = useMrpForm({ year: String(year), amount: String(amount) });
  const id = `mrp-${year}-amount`;
  const error = errorAt(errors, "amount", tv) ?? failure?.message;
  const submit = () =>
    startTransition(async () => {
      const r = await updateMrpAction({ year: String(year), amount: getValues("amount"), expected: amount });
      if (r.ok) {
        setFailure(null);
        setSaved(true);
        router.refresh();
      } else setFailure(r);
    });
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)} className="flex flex-wrap items-end gap-2" data-testid={`edit-mrp-${year}`}>
      <input type="hidden" {...register("year")} />
      <Field id={id} label={t("mrpAmountOf", { year })} inputMode="numeric" className="max-w-40" error={error} {...register("amount")} />
      <SubmitButton pending={pending} pendingLabel={t("saving")} variant="secondary">
        {t("save")}
      </SubmitButton>
      {saved && !pending ? (
        <span role="status" className="text-success-700" data-testid={`mrp-saved-${year}`}>
          {t("saved")}
        </span>
      ) : null}
    </form>
  );
}
