import { getLocale, getTranslations } from "next-intl/server";
import { Money } from "@/app/_components/Money";
import { Table } from "@/app/_components/Table";
import type { ApplicationView } from "@/lib/dal/my-applications";
import { analyseForecast } from "@/lib/domain/forecast";
import type { Locale } from "@/lib/i18n/routing";
import type { FormField } from "@/lib/validation/application";

export const fmt = (n: number, locale: Locale, digits = 0) => new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: digits }).format(n);
const asNumber = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const asRows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null) : []);
/** What the read-only content needs: the applicant's own view and the reviewer's blind view both give it. */
export type ContentSource = Pick<ApplicationView, "sections" | "content" | "directions"> & { call: Pick<ApplicationView["call"], "awardAmount"> };

const isBlank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** One answer, read-only, as the field's type shows it. */
async function FieldValue({ field, value, view, sectionTitle, idPrefix }: { field: FormField; value: unknown; view: ContentSource; sectionTitle: string; idPrefix: string }) {
  const [t, tf, locale] = await Promise.all([getTranslations("ApplicationView"), getTranslations("Forecast"), getLocale() as Promise<Locale>]);
  if (isBlank(value)) return <span className="text-slate-600 italic">{t("notFilled")}</span>;
  switch (field.type) {
    case "money": {
      const n = asNumber(value);
      return n === null ? <span>{String(value)}</span> : <Money amount={n} locale={locale} />;
    }
    case "number":
    case "integer": {
      const n = asNumber(value);
      return <span className="tabular-nums">{n === null ? String(value) : fmt(n, locale)}</span>;
    }
    case "select": {
      const d = view.directions.find((x) => x.code === value);
      return <span>{d ? d.name[locale] : String(value)}</span>;
    }
    case "budget": {
      const rows = asRows(value);
      const total = rows.reduce((s, r) => s + (asNumber(r.amount) ?? 0), 0);
      return (
        <Table
          id={`${idPrefix}-budget`}
          caption={t("budgetCaption", { section: sectionTitle })}
          captionHidden
          layout="stack"
          rows={[...rows.map((r, i) => ({ i, r })), { i: -1, r: { item: t("total"), amount: total } }]}
          rowKey={(x) => String(x.i)}
          columns={[
            { key: "item", header: t("item"), rowHeader: true, cell: (x) => String(x.r.item ?? "") },
            { key: "q", header: t("quantity"), align: "end", cell: (x) => (asNumber(x.r.quantity) === null ? "" : fmt(asNumber(x.r.quantity)!, locale)) },
            { key: "p", header: t("unitPrice"), align: "end", cell: (x) => (asNumber(x.r.unitPrice) === null ? "" : <Money amount={asNumber(x.r.unitPrice)!} locale={locale} />) },
            { key: "a", header: t("amount"), align: "end", cell: (x) => (asNumber(x.r.amount) === null ? "" : <Money amount={asNumber(x.r.amount)!} locale={locale} />) },
          ]}
        />
      );
    }
    case "monthly_plan": {
      const rows = asRows(value);
      return (
        <Table
          id={`${idPrefix}-plan`}
          caption={t("planCaption", { section: sectionTitle })}
          captionHidden
          layout="stack"
          rows={rows.map((r, i) => ({ i, r }))}
          rowKey={(x) => String(x.i)}
          columns={[
            { key: "m", header: tf("month"), rowHeader: true, cell: (x) => String(x.r.month ?? "") },
            { key: "a", header: t("activity"), cell: (x) => <span className="whitespace-pre-wrap">{String(x.r.activity ?? "")}</span> },
          ]}
        />
      );
    }
    case "forecast": {
      const rows = asRows(value).map((r) => ({ month: asNumber(r.month) ?? 0, revenue: asNumber(r.revenue) ?? 0, expenses: asNumber(r.expenses) ?? 0 }));
      const analysis = analyseForecast(rows, view.call.awardAmount);
      return (
        <div className="space-y-2">
          <Table
            id={`${idPrefix}-forecast`}
            caption={t("forecastCaption", { section: sectionTitle })}
            captionHidden
            layout="scroll"
            rows={analysis.months}
            rowKey={(m) => String(m.month)}
            columns={[
              { key: "m", header: tf("month"), rowHeader: true, cell: (m) => String(m.month) },
              { key: "r", header: tf("revenue"), align: "end", cell: (m) => <Money amount={m.revenue} locale={locale} /> },
              { key: "e", header: tf("expenses"), align: "end", cell: (m) => <Money amount={m.expenses} locale={locale} /> },
              { key: "p", header: tf("profit"), align: "end", cell: (m) => (m.profit < 0 ? <span>−<Money amount={-m.profit} locale={locale} /></span> : <Money amount={m.profit} locale={locale} />) },
            ]}
          />
          <dl className="m-0 grid gap-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">{tf("breakEvenMonth")}</dt>
              <dd className="m-0 font-semibold">{analysis.breakEvenMonth ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{tf("paybackMonths")}</dt>
              <dd className="m-0 font-semibold">
                {analysis.paybackMonths ?? "—"}
                {analysis.paybackEstimated ? ` (${tf("estimated")})` : null}
              </dd>
            </div>
          </dl>
        </div>
      );
    }
    default:
      return <span className="whitespace-pre-wrap break-words">{typeof value === "string" ? value : JSON.stringify(value)}</span>;
  }
}

/** The application's answers, section by section, read-only. */
export async function ApplicationContent({ view }: { view: ContentSource }) {
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6" data-testid="application-content">
      {view.sections.map((section) => {
        const answers = (view.content[section.key] ?? {}) as Record<string, unknown>;
        const title = section.title[locale];
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="break-inside-avoid-page space-y-3 rounded-lg border border-slate-300 bg-white p-4 print:border-0 print:p-0">
            <h3 id={`section-${section.key}`} className="text-lg font-semibold">
              {title}
            </h3>
            <dl className="m-0 space-y-3">
              {section.fields.map((field) => (
                <div key={field.key} className="min-w-0">
                  <dt className="text-sm font-semibold text-slate-700">{field.label[locale]}</dt>
                  <dd className="m-0 mt-1 min-w-0 text-slate-900">
                    <FieldValue field={field} value={answers[field.key]} view={view} sectionTitle={title} idPrefix={`${section.key}-${field.key}`} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

