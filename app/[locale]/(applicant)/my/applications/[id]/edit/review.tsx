"use client";

import { useTranslations } from "next-intl";
import type { FormField, FormSection } from "@/lib/validation/application";
import { analyseForecast } from "@/lib/domain/forecast";
import { budgetTotal, forecastRows, formatTenge, lineAmount, parseWhole, type FormValues } from "@/lib/wizard/form";
import type { AttachmentItem } from "./attachments";
import type { Locale, Option } from "./fields";

type Props = {
  sections: FormSection[];
  values: FormValues;
  locale: Locale;
  options: Option[];
  awardAmount: number;
  attachments: AttachmentItem[];
  onEdit: (step: string) => void;
};

/** Every section as written, with the budget and forecast results, before submitting. */
export function ReviewSummary({ sections, values, locale, options, awardAmount, attachments, onEdit }: Props) {
  const t = useTranslations("Wizard");
  return (
    <div className="space-y-4" data-testid="review-summary">
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`review-${s.key}`} className="space-y-2 border-b border-slate-200 pb-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`review-${s.key}`} className="text-lg font-semibold">
              {s.title[locale]}
            </h3>
            <a
              href={`?step=${s.key}`}
              className="inline-flex min-h-11 items-center text-brand-700 underline"
              onClick={(e) => {
                e.preventDefault();
                onEdit(s.key);
              }}
            >
              {t("edit")}
              <span className="sr-only"> — {s.title[locale]}</span>
            </a>
          </div>
          <dl className="m-0 space-y-2">
            {s.fields.map((f) => (
              <div key={f.key}>
                <dt className="text-sm text-slate-600">{f.label[locale]}</dt>
                <dd className="m-0 whitespace-pre-wrap break-words">
                  <Value field={f} value={values[s.key]?.[f.key]} values={values} locale={locale} options={options} awardAmount={awardAmount} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="review-attachments" className="space-y-2">
        <h3 id="review-attachments" className="text-lg font-semibold">
          {t("stepAttachments")}
        </h3>
        {attachments.length ? (
          <ul className="m-0 list-disc pl-5">
            {attachments.map((a) => (
              <li key={a.id}>{a.fileName}</li>
            ))}
          </ul>
        ) : (
          <p className="m-0 text-slate-600">{t("attachmentsNone")}</p>
        )}
      </section>
    </div>
  );
}

function Value({ field, value, values, locale, options, awardAmount }: { field: FormField; value: unknown; values: FormValues; locale: Locale; options: Option[]; awardAmount: number }) {
  const t = useTranslations("Wizard");
  const tf = useTranslations("Forecast");
  const empty = <span className="text-slate-500">{t("notFilled")}</span>;
  const money = (n: number) => formatTenge(n, locale);
  switch (field.type) {
    case "budget": {
      const rows = (Array.isArray(value) ? value : []) as { item?: string; quantity?: unknown; unitPrice?: unknown }[];
      const filled = rows.filter((r) => (r.item ?? "").trim() !== "" || parseWhole(r.quantity) !== undefined);
      if (!filled.length) return empty;
      return (
        <>
          <ul className="m-0 list-disc pl-5">
            {filled.map((r, i) => {
              const a = lineAmount(r.quantity, r.unitPrice);
              return (
                <li key={i}>
                  {r.item || "—"}: {String(r.quantity ?? "")} × {parseWhole(r.unitPrice) !== undefined ? money(parseWhole(r.unitPrice)!) : "—"} = {a !== undefined ? money(a) : "—"}
                </li>
              );
            })}
          </ul>
          <p className="m-0 font-semibold" data-testid="review-budget-total">
            {t("budgetTotal")}: {money(budgetTotal(rows as never))} / {money(awardAmount)}
          </p>
        </>
      );
    }
    case "forecast": {
      const rows = forecastRows(Array.isArray(value) ? (value as never) : []);
      const own = parseWhole(values.cofinancing?.ownContribution) ?? 0;
      const a = analyseForecast(rows, awardAmount + own);
      return (
        <span className="block space-y-1" data-testid="review-forecast">
          <span className="block">
            {tf("revenue")}: {money(a.totalRevenue)} · {tf("expenses")}: {money(a.totalExpenses)} · {tf("profit")}: {money(a.totalProfit)}
          </span>
          <span className="block">
            {tf("breakEvenMonth")}: {a.breakEvenMonth ?? t("forecastNone")} · {tf("paybackMonths")}:{" "}
            {a.paybackMonths === null ? t("forecastNone") : `${a.paybackMonths}${a.paybackEstimated ? ` (${tf("estimated")})` : ""}`}
          </span>
          {a.warnings.length ? (
            <span className="block text-slate-700">
              {t("forecastWarningsTitle")} {a.warnings.map((w) => (w.code === "sudden_jump" ? tf("sudden_jump", { months: w.months.join(", ") }) : tf(w.code))).join(" ")}
            </span>
          ) : null}
        </span>
      );
    }
    case "monthly_plan": {
      const rows = (Array.isArray(value) ? value : []) as { month?: unknown; activity?: string }[];
      const filled = rows.filter((r) => (r.activity ?? "").trim() !== "");
      if (!filled.length) return empty;
      return (
        <ul className="m-0 list-disc pl-5">
          {filled.map((r, i) => (
            <li key={i}>
              {t("planMonth")} {String(r.month || "—")}: {r.activity}
            </li>
          ))}
        </ul>
      );
    }
    case "select": {
      const o = options.find((x) => x.code === value);
      return o ? <>{o.name}</> : empty;
    }
    case "money": {
      const n = parseWhole(value);
      return n !== undefined ? <>{money(n)}</> : empty;
    }
    default: {
      const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
      return s ? <>{s}</> : empty;
    }
  }
}
