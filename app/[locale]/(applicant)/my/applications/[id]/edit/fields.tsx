"use client";

import "@/app/_components/zod-client";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { FormField, FormSection } from "@/lib/validation/application";
import { analyseForecast } from "@/lib/domain/forecast";
import { DEFAULT_MAX_LENGTH } from "@/lib/validation/application";
import {
  budgetTotal,
  emptyBudgetRow,
  emptyPlanRow,
  fieldDomId,
  forecastRows,
  formatTenge,
  lineAmount,
  parseWhole,
  type FormValues,
} from "@/lib/wizard/form";

export type Locale = "kk" | "ru" | "en";
export type Option = { code: string; name: string };

/** Errors to show at a field: `path` (within the section) → message, already translated. */
export type ErrorLookup = (section: string, path: string) => string | undefined;

const inputClass = (error?: string) =>
  [
    "w-full min-w-0 rounded-md border bg-white px-3 py-2.5 text-base text-slate-900 shadow-xs focus-visible:border-brand-700",
    error ? "border-2 border-danger-600" : "border-slate-400",
  ].join(" ");

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm font-medium text-danger-700">
      {message}
    </p>
  ) : null;
}

function Counter({ id, name, max }: { id: string; name: string; max: number }) {
  const t = useTranslations("Wizard");
  const value = useWatch({ name }) as unknown;
  const length = typeof value === "string" ? value.length : 0;
  return (
    <p id={id} className={`text-right text-sm ${length > max ? "font-semibold text-danger-700" : "text-slate-600"}`} data-testid="char-counter">
      {t("counter", { count: length, max })}
    </p>
  );
}

type FieldProps = { section: FormSection; field: FormField; locale: Locale; options: Option[]; awardAmount: number; errorAt: ErrorLookup };

/** One field of a programme's form section, rendered by its type (the section definitions are data). */
export function SectionField(props: FieldProps) {
  switch (props.field.type) {
    case "budget":
      return <BudgetField {...props} />;
    case "forecast":
      return <ForecastField {...props} />;
    case "monthly_plan":
      return <PlanField {...props} />;
    default:
      return <SimpleField {...props} />;
  }
}

function SimpleField({ section, field, locale, options, errorAt }: FieldProps) {
  const t = useTranslations("Wizard");
  const { register } = useFormContext<FormValues>();
  const name = `${section.key}.${field.key}`;
  const id = fieldDomId(section.key, field.key);
  const error = errorAt(section.key, field.key);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const isText = field.type === "text" || field.type === "textarea";
  const max = field.maxLength ?? (field.type === "textarea" ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.text);
  const counterId = `${id}-counter`;
  const describedBy = [hintId, error ? errorId : undefined, isText ? counterId : undefined].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": field.required || undefined,
    className: inputClass(error),
  } as const;
  return (
    <div className="flex flex-col gap-1" data-field={name}>
      <label htmlFor={id} className="font-medium text-slate-900">
        {field.label[locale]}
        {field.required ? <span className="text-slate-600"> ({t("required")})</span> : null}
      </label>
      {field.hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {field.hint[locale]}
        </p>
      ) : null}
      <ErrorText id={errorId} message={error} />
      {field.type === "textarea" ? (
        <textarea {...common} rows={6} maxLength={max} {...register(name)} />
      ) : field.type === "text" ? (
        <input {...common} type="text" maxLength={max} autoComplete="off" {...register(name)} />
      ) : field.type === "select" ? (
        <select {...common} {...register(name)}>
          <option value="">{t("choose")}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type="text" inputMode="numeric" autoComplete="off" maxLength={20} {...register(name)} />
      )}
      {isText ? <Counter id={counterId} name={name} max={max} /> : null}
    </div>
  );
}

function BudgetField({ section, field, locale, awardAmount, errorAt }: FieldProps) {
  const t = useTranslations("Wizard");
  const { control, register, getValues, setValue } = useFormContext<FormValues>();
  const name = `${section.key}.${field.key}`;
  const { fields, append, remove } = useFieldArray({ control, name: name as never });
  const rows = (useWatch({ control, name }) as unknown as { item: string; quantity: string; unitPrice: string }[] | undefined) ?? [];
  const total = budgetTotal(rows);
  const difference = total - awardAmount;
  const id = fieldDomId(section.key, field.key);
  const wholeError = errorAt(section.key, field.key);

  const recompute = (i: number) => {
    const row = getValues(`${name}.${i}` as never) as { quantity?: unknown; unitPrice?: unknown } | undefined;
    const amount = lineAmount(row?.quantity, row?.unitPrice);
    setValue(`${name}.${i}.amount` as never, amount as never, { shouldDirty: true });
  };

  return (
    <fieldset id={id} tabIndex={-1} className="space-y-4" aria-describedby={wholeError ? `${id}-error` : undefined}>
      <legend className="font-medium text-slate-900">{field.label[locale]}</legend>
      <ErrorText id={`${id}-error`} message={wholeError} />
      <ol className="m-0 list-none space-y-4 p-0">
        {fields.map((f, i) => {
          const cell = (key: string) => {
            const cid = fieldDomId(section.key, `${field.key}.${i}.${key}`);
            const err = errorAt(section.key, `${field.key}.${i}.${key}`);
            return { cid, err };
          };
          const item = cell("item");
          const qty = cell("quantity");
          const price = cell("unitPrice");
          const amount = lineAmount(rows[i]?.quantity, rows[i]?.unitPrice);
          return (
            <li key={f.id} className="rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="budget-line">
              <fieldset className="m-0 space-y-3 border-0 p-0">
                <legend className="font-semibold">{t("budgetLine", { n: i + 1 })}</legend>
                <div className="flex flex-col gap-1">
                  <label htmlFor={item.cid} className="font-medium">
                    {t("budgetItem")}
                  </label>
                  <ErrorText id={`${item.cid}-error`} message={item.err} />
                  <input
                    id={item.cid}
                    type="text"
                    maxLength={DEFAULT_MAX_LENGTH.budgetItem}
                    aria-invalid={item.err ? true : undefined}
                    aria-describedby={[item.err ? `${item.cid}-error` : "", `${item.cid}-counter`].join(" ").trim()}
                    className={inputClass(item.err)}
                    {...register(`${name}.${i}.item` as never)}
                  />
                  <Counter id={`${item.cid}-counter`} name={`${name}.${i}.item`} max={DEFAULT_MAX_LENGTH.budgetItem} />
                </div>
                <div className="grid grid-cols-2 gap-3">
                  <div className="flex min-w-0 flex-col gap-1">
                    <label htmlFor={qty.cid} className="font-medium">
                      {t("budgetQuantity")}
                    </label>
                    <ErrorText id={`${qty.cid}-error`} message={qty.err} />
                    <input
                      id={qty.cid}
                      type="text"
                      inputMode="numeric"
                      maxLength={10}
                      aria-invalid={qty.err ? true : undefined}
                      aria-describedby={qty.err ? `${qty.cid}-error` : undefined}
                      className={inputClass(qty.err)}
                      {...register(`${name}.${i}.quantity` as never, { onChange: () => recompute(i) })}
                    />
                  </div>
                  <div className="flex min-w-0 flex-col gap-1">
                    <label htmlFor={price.cid} className="font-medium">
                      {t("budgetUnitPrice")}
                    </label>
                    <ErrorText id={`${price.cid}-error`} message={price.err} />
                    <input
                      id={price.cid}
                      type="text"
                      inputMode="numeric"
                      maxLength={15}
                      aria-invalid={price.err ? true : undefined}
                      aria-describedby={price.err ? `${price.cid}-error` : undefined}
                      className={inputClass(price.err)}
                      {...register(`${name}.${i}.unitPrice` as never, { onChange: () => recompute(i) })}
                    />
                  </div>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="m-0" data-testid="budget-line-amount">
                    {t("budgetLineTotal")}: <strong>{amount !== undefined ? formatTenge(amount, locale) : "—"}</strong>
                  </p>
                  {fields.length > 1 ? (
                    <button type="button" className="min-h-11 px-2 text-danger-700 underline" onClick={() => remove(i)} data-testid="budget-remove">
                      {t("budgetRemove", { n: i + 1 })}
                    </button>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="min-h-11 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-800"
        onClick={() => append(emptyBudgetRow() as never)}
        data-testid="budget-add"
      >
        {t("budgetAdd")}
      </button>
      <div aria-live="polite" className="space-y-1 rounded-md border border-slate-300 bg-white p-3" data-testid="budget-total" data-award={awardAmount}>
        <p className="m-0">
          {t("budgetTotal")}: <strong data-testid="budget-total-amount">{formatTenge(total, locale)}</strong> · {t("budgetAward")}:{" "}
          <strong>{formatTenge(awardAmount, locale)}</strong>
        </p>
        <p className={`m-0 font-medium ${difference === 0 ? "text-success-700" : "text-danger-700"}`} data-testid="budget-balance" data-difference={difference}>
          {difference === 0
            ? t("budgetMatches")
            : difference < 0
              ? t("budgetShort", { amount: formatTenge(-difference, locale) })
              : t("budgetOver", { amount: formatTenge(difference, locale) })}
        </p>
      </div>
    </fieldset>
  );
}

function ForecastField({ section, field, locale, awardAmount, errorAt }: FieldProps) {
  const t = useTranslations("Wizard");
  const tf = useTranslations("Forecast");
  const { control, register } = useFormContext<FormValues>();
  const name = `${section.key}.${field.key}`;
  const rows = (useWatch({ control, name }) as unknown as { month: number; revenue: string; expenses: string }[] | undefined) ?? [];
  const own = parseWhole(useWatch({ control, name: "cofinancing.ownContribution" })) ?? 0;
  const investment = awardAmount + own;
  const analysis = analyseForecast(forecastRows(rows), investment);
  const id = fieldDomId(section.key, field.key);
  const wholeError = errorAt(section.key, field.key);
  const money = (n: number) => formatTenge(n, locale);

  return (
    <fieldset id={id} tabIndex={-1} className="space-y-4">
      <legend className="font-medium text-slate-900">{field.label[locale]}</legend>
      <p className="text-sm text-slate-600">{t("forecastHint")}</p>
      <ErrorText id={`${id}-error`} message={wholeError} />
      <div className="overflow-x-auto">
        <table className="w-full table-fixed border-collapse text-sm">
          <colgroup>
            <col className="w-7" />
            <col />
            <col />
            <col className="w-[4.5rem]" />
          </colgroup>
          <thead>
            <tr className="text-left">
              <th scope="col" className="p-1">
                {tf("month")}
              </th>
              <th scope="col" className="p-1">
                {tf("revenue")}
              </th>
              <th scope="col" className="p-1">
                {tf("expenses")}
              </th>
              <th scope="col" className="p-1 text-right">
                {tf("profit")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const rid = fieldDomId(section.key, `${field.key}.${i}.revenue`);
              const eid = fieldDomId(section.key, `${field.key}.${i}.expenses`);
              const rErr = errorAt(section.key, `${field.key}.${i}.revenue`);
              const eErr = errorAt(section.key, `${field.key}.${i}.expenses`);
              const m = analysis.months.find((x) => x.month === r.month);
              const filled = parseWhole(r.revenue) !== undefined && parseWhole(r.expenses) !== undefined;
              return (
                <tr key={r.month} className="border-t border-slate-200" data-testid="forecast-row">
                  <th scope="row" className="p-1 font-semibold">
                    {r.month}
                  </th>
                  <td className="px-0.5 py-1">
                    <input
                      id={rid}
                      type="text"
                      inputMode="numeric"
                      maxLength={15}
                      aria-label={t("forecastRevenueLabel", { month: r.month })}
                      aria-invalid={rErr ? true : undefined}
                      title={rErr}
                      className={inputClass(rErr) + " px-1.5 tabular-nums"}
                      {...register(`${name}.${i}.revenue` as never)}
                    />
                  </td>
                  <td className="px-0.5 py-1">
                    <input
                      id={eid}
                      type="text"
                      inputMode="numeric"
                      maxLength={15}
                      aria-label={t("forecastExpensesLabel", { month: r.month })}
                      aria-invalid={eErr ? true : undefined}
                      title={eErr}
                      className={inputClass(eErr) + " px-1.5 tabular-nums"}
                      {...register(`${name}.${i}.expenses` as never)}
                    />
                  </td>
                  <td className={`py-1 pl-0.5 text-right text-xs tabular-nums break-words ${m && m.profit < 0 ? "text-danger-700" : ""}`} data-testid="forecast-profit">
                    {filled && m ? money(m.profit) : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div aria-live="polite" className="space-y-2 rounded-md border border-slate-300 bg-white p-3" data-testid="forecast-results">
        <dl className="m-0 grid grid-cols-1 gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("forecastTotalProfit")}</dt>
            <dd className="m-0 font-semibold" data-testid="forecast-total-profit">
              {money(analysis.totalProfit)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("forecastInvestment")}</dt>
            <dd className="m-0 font-semibold">{money(investment)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{tf("breakEvenMonth")}</dt>
            <dd className="m-0 font-semibold" data-testid="forecast-break-even">
              {analysis.breakEvenMonth ?? t("forecastNone")}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{tf("paybackMonths")}</dt>
            <dd className="m-0 font-semibold" data-testid="forecast-payback">
              {analysis.paybackMonths === null
                ? t("forecastNone")
                : analysis.paybackEstimated
                  ? `${analysis.paybackMonths} (${tf("estimated")})`
                  : analysis.paybackMonths}
            </dd>
          </div>
        </dl>
        {analysis.warnings.length > 0 ? (
          <div className="rounded-md border-l-4 border-sun-400 bg-amber-50 p-3" data-testid="forecast-warnings">
            <p className="m-0 font-semibold">{t("forecastWarningsTitle")}</p>
            <ul className="m-0 list-disc pl-5">
              {analysis.warnings.map((w) => (
                <li key={w.code} data-warning={w.code}>
                  {w.code === "sudden_jump" ? tf("sudden_jump", { months: w.months.join(", ") }) : tf(w.code)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

function PlanField({ section, field, locale, errorAt }: FieldProps) {
  const t = useTranslations("Wizard");
  const { control, register } = useFormContext<FormValues>();
  const name = `${section.key}.${field.key}`;
  const { fields, append, remove } = useFieldArray({ control, name: name as never });
  const id = fieldDomId(section.key, field.key);
  const wholeError = errorAt(section.key, field.key);
  const first = field.min ?? 1;
  const last = field.max ?? 12;
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH.planActivity;
  return (
    <fieldset id={id} tabIndex={-1} className="space-y-4">
      <legend className="font-medium text-slate-900">{field.label[locale]}</legend>
      <ErrorText id={`${id}-error`} message={wholeError} />
      <ol className="m-0 list-none space-y-4 p-0">
        {fields.map((f, i) => {
          const mid = fieldDomId(section.key, `${field.key}.${i}.month`);
          const aid = fieldDomId(section.key, `${field.key}.${i}.activity`);
          const mErr = errorAt(section.key, `${field.key}.${i}.month`);
          const aErr = errorAt(section.key, `${field.key}.${i}.activity`);
          return (
            <li key={f.id} className="rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="plan-row">
              <fieldset className="m-0 space-y-3 border-0 p-0">
                <legend className="font-semibold">{t("planRow", { n: i + 1 })}</legend>
                <div className="flex flex-col gap-1">
                  <label htmlFor={mid} className="font-medium">
                    {t("planMonth")}
                  </label>
                  <ErrorText id={`${mid}-error`} message={mErr} />
                  <select id={mid} aria-invalid={mErr ? true : undefined} className={inputClass(mErr)} {...register(`${name}.${i}.month` as never)}>
                    <option value="">{t("choose")}</option>
                    {Array.from({ length: last - first + 1 }, (_, k) => first + k).map((m) => (
                      <option key={m} value={String(m)}>
                        {m}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={aid} className="font-medium">
                    {t("planActivity")}
                  </label>
                  <ErrorText id={`${aid}-error`} message={aErr} />
                  <textarea
                    id={aid}
                    rows={3}
                    maxLength={max}
                    aria-invalid={aErr ? true : undefined}
                    aria-describedby={`${aid}-counter`}
                    className={inputClass(aErr)}
                    {...register(`${name}.${i}.activity` as never)}
                  />
                  <Counter id={`${aid}-counter`} name={`${name}.${i}.activity`} max={max} />
                </div>
                {fields.length > 1 ? (
                  <button type="button" className="min-h-11 px-2 text-danger-700 underline" onClick={() => remove(i)}>
                    {t("planRemove", { n: i + 1 })}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="min-h-11 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-800"
        onClick={() => append(emptyPlanRow() as never)}
      >
        {t("planAdd")}
      </button>
    </fieldset>
  );
}



