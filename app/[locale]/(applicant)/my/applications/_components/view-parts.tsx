import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { Table } from "@/app/_components/Table";
import type { FormField } from "@/lib/validation/application";
import type { ApplicationView } from "@/lib/dal/my-applications";
import { analyseForecast } from "@/lib/domain/forecast";
import { formatMoney } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";

const fmt = (n: number, locale: Locale, digits = 0) => new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: digits }).format(n);
const asNumber = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const asRows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null) : []);
const isBlank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** One answer, read-only, as the field's type shows it. */
async function FieldValue({ field, value, view, sectionTitle, idPrefix }: { field: FormField; value: unknown; view: ApplicationView; sectionTitle: string; idPrefix: string }) {
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
export async function ApplicationContent({ view }: { view: ApplicationView }) {
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

/** The status history with dates in Almaty time. */
export async function Timeline({ view }: { view: ApplicationView }) {
  const t = await getTranslations("ApplicationView");
  return (
    <ol className="m-0 list-none space-y-3 border-s-2 border-brand-600 p-0 ps-4" data-testid="timeline">
      {view.timeline.map((item, i) => (
        <li key={`${item.event}-${i}`} data-testid="timeline-item" data-event={item.event} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -start-[1.4rem] h-3 w-3 rounded-full bg-brand-700 print:hidden" />
          <span className="block font-semibold">{t(`timeline.${item.event}`)}</span>
          <span className="block text-slate-700">
            <DateTime value={item.at} withZone />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The decision (screening refusal at once; award, waitlist, refusal once results are published). */
export async function DecisionBlock({ view }: { view: ApplicationView }) {
  const [t, locale] = await Promise.all([getTranslations("ApplicationView"), getLocale() as Promise<Locale>]);
  const d = view.decision;
  let body: ReactNode;
  if (!d) body = <p>{t("decisionPending")}</p>;
  else if (d.kind === "ineligible")
    body = (
      <>
        <p className="font-semibold">{t("decisionIneligible")}</p>
        {d.reason ? <p className="whitespace-pre-wrap">{t("decisionReason", { reason: d.reason })}</p> : null}
      </>
    );
  else if (d.kind === "awarded")
    body = (
      <p className="font-semibold">
        {d.amount !== null
          ? t("decisionAwarded", { amount: formatMoney(d.amount, locale) })
          : t("decisionAwardedNoAmount")}
      </p>
    );
  else if (d.kind === "waitlisted") body = <p className="font-semibold">{t("decisionWaitlisted")}</p>;
  else if (d.kind === "not_awarded") body = <p className="font-semibold">{t("decisionNotAwarded")}</p>;
  else
    body = (
      <>
        <p className="font-semibold">{t("decisionRevoked")}</p>
        {d.reason ? <p className="whitespace-pre-wrap">{t("decisionReason", { reason: d.reason })}</p> : null}
      </>
    );
  return (
    <div className="space-y-2" data-testid="decision" data-kind={d?.kind ?? "pending"}>
      {body}
    </div>
  );
}

/** Per-criterion feedback of the submitted reviews (anonymous), once results are published. */
export async function FeedbackBlock({ view }: { view: ApplicationView }) {
  const f = view.feedback;
  if (!f) return null;
  const [t, locale] = await Promise.all([getTranslations("ApplicationView"), getLocale() as Promise<Locale>]);
  return (
    <section aria-labelledby="feedback-title" className="space-y-3" data-testid="feedback">
      <h2 id="feedback-title" className="text-2xl font-semibold">
        {t("feedbackTitle")}
      </h2>
      <p className="text-slate-700">{t("feedbackIntro", { count: f.reviews })}</p>
      {f.total !== null ? <p className="font-semibold">{t("feedbackTotal", { total: fmt(f.total, locale, 2), outOf: f.scoreOutOf })}</p> : null}
      <Table
        id="feedback-table"
        caption={t("feedbackCaption")}
        captionHidden
        layout="stack"
        rows={f.criteria}
        rowKey={(c) => c.code}
        columns={[
          { key: "c", header: t("criterion"), rowHeader: true, cell: (c) => c.name[locale] },
          {
            key: "s",
            header: t("averageScore"),
            align: "end",
            cell: (c) => (c.average === null ? t("notScored") : t("scoreOf", { score: fmt(c.average, locale, 1), max: c.scaleMax })),
          },
          {
            key: "k",
            header: t("comments"),
            cell: (c) =>
              c.comments.length ? (
                <ul className="m-0 list-disc ps-5">
                  {c.comments.map((x, i) => (
                    <li key={i} className="whitespace-pre-wrap">
                      {x}
                    </li>
                  ))}
                </ul>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {f.comments.length ? (
        <div className="space-y-1">
          <h3 className="text-lg font-semibold">{t("generalComments")}</h3>
          <ul className="m-0 list-disc space-y-1 ps-5">
            {f.comments.map((c, i) => (
              <li key={i} className="whitespace-pre-wrap">
                {c}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
