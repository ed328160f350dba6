"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import { Notice } from "@/app/_components/Notice";
import { SelectField } from "@/app/[locale]/(public)/register/form-controls";
import { pastWinnersAction, type PastWinnersFormState } from "./actions";

type Option = { value: string; label: string };

/**
 * Step 1: programme, year and the CSV file → the server checks it and shows the preview (counts and
 * each bad line). Step 2: the admin confirms; the valid IINs go back and are checked again before
 * the import. Then the counts of what was added.
 */
export function PastWinnersImportForm({ programmes, defaultYear, maxYear }: { programmes: Option[]; defaultYear: number; maxYear: number }) {
  const t = useTranslations("PastWinners");
  const [state, formAction, pending] = useActionState<PastWinnersFormState, FormData>(pastWinnersAction, null);
  const data = state?.ok ? state.data : undefined;
  const preview = data?.stage === "preview" ? data : undefined;
  const imported = data?.stage === "imported" ? data : undefined;
  const failure = state && !state.ok ? state : undefined;
  const fieldErrors = failure?.fieldErrors ?? {};

  const summary: SummaryError[] = [];
  for (const key of ["programmeId", "year", "file"] as const) {
    const message = fieldErrors[key];
    if (message) summary.push({ fieldId: key, message });
  }
  if (summary.length === 0 && failure) summary.push({ message: failure.message });

  const values = state?.values;
  return (
    <div className="space-y-8">
      {imported ? (
        <div data-testid="past-winners-imported">
          <Notice tone="success">
            {t("imported", { programme: imported.programmeName, year: imported.year, inserted: imported.inserted, existing: imported.alreadyListed })}
          </Notice>
        </div>
      ) : null}

      <section aria-labelledby="upload-title" className="space-y-4">
        <h2 id="upload-title" className="text-xl font-semibold">
          {t("uploadTitle")}
        </h2>
        <form action={formAction} noValidate className="space-y-5" data-testid="past-winners-upload">
          <ErrorSummary title={t("errorSummaryTitle")} errors={summary} />
          <input type="hidden" name="intent" value="preview" />
          <SelectField
            id="programmeId"
            label={t("programme")}
            placeholder={t("chooseProgramme")}
            options={programmes}
            defaultValue={preview?.programmeId ?? values?.programmeId ?? ""}
            error={fieldErrors.programmeId}
            required
          />
          <Field
            id="year"
            type="number"
            inputMode="numeric"
            min={2000}
            max={maxYear}
            label={t("year")}
            defaultValue={values?.year || String(defaultYear)}
            error={fieldErrors.year}
            required
            className="sm:max-w-40"
          />
          <Field id="file" type="file" accept=".csv,.txt,text/csv,text/plain" label={t("file")} hint={t("fileHint")} error={fieldErrors.file} required />
          <SubmitButton pending={pending} pendingLabel={t("checking")} variant={preview ? "secondary" : "primary"} className="w-full sm:w-auto">
            {t("check")}
          </SubmitButton>
        </form>
      </section>

      {preview ? (
        <section aria-labelledby="preview-title" className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="past-winners-preview">
          <h2 id="preview-title" className="text-xl font-semibold">
            {t("previewTitle", { programme: preview.programmeName, year: preview.year })}
          </h2>
          <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 sm:max-w-md">
            {(
              [
                ["countLines", preview.dataLines, "lines"],
                ["countValid", preview.valid, "valid"],
                ["countNew", preview.newCount, "new"],
                ["countExisting", preview.existingCount, "existing"],
                ["countErrors", preview.errorCount, "errors"],
              ] as const
            ).map(([key, n, id]) => (
              <div key={key} className="contents">
                <dt>{t(key)}</dt>
                <dd className="text-end font-semibold tabular-nums" data-testid={`past-winners-count-${id}`}>
                  {n}
                </dd>
              </div>
            ))}
          </dl>
          {preview.errors.length > 0 ? (
            <div className="space-y-2">
              <h3 className="font-semibold">{t("errorsTitle")}</h3>
              <ul className="list-disc space-y-1 ps-6 text-danger-700" data-testid="past-winners-errors">
                {preview.errors.map((e) => (
                  <li key={e.line}>{t("errorLine", { line: e.line, reason: t(`reasons.${e.reason}`) })}</li>
                ))}
              </ul>
              {preview.errorCount > preview.errors.length ? <p>{t("moreErrors", { count: preview.errorCount - preview.errors.length })}</p> : null}
            </div>
          ) : null}
          {preview.valid === 0 ? (
            <p className="font-medium text-danger-700">{t("errors.noValid")}</p>
          ) : preview.newCount === 0 ? (
            <p className="font-medium">{t("nothingNew")}</p>
          ) : (
            <form action={formAction} data-testid="past-winners-confirm">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="programmeId" value={preview.programmeId} />
              <input type="hidden" name="year" value={String(preview.year)} />
              <input type="hidden" name="iins" value={preview.iins} />
              <SubmitButton pending={pending} pendingLabel={t("importing")} className="w-full sm:w-auto">
                {t("confirm")}
              </SubmitButton>
            </form>
          )}
        </section>
      ) : null}
    </div>
  );
}
