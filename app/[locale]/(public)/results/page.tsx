import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/EmptyState";
import { Money } from "@/app/_components/Money";
import { Table, type Column } from "@/app/_components/Table";
import { formatDate } from "@/lib/domain/datetime";
import { publicResults, type ResultFigures } from "@/lib/dal/public-results";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicResults");
  return { title: t("metaTitle"), description: t("lead") };
}

type Line = ResultFigures & { key: string; label: string };

const fmtInt = (n: number, locale: Locale) => new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 0 }).format(n);

/**
 * The public results (no sign-in): per published call, the applications received, grants awarded,
 * amount awarded and jobs planned by district, small districts merged into "other districts"
 * (lib/dal/public-results.ts), with the call's total; and the same as open-data CSV.
 */
export default async function PublicResultsPage() {
  const [t, locale, results] = await Promise.all([getTranslations("PublicResults"), getLocale() as Promise<Locale>, publicResults()]);

  const columns: Column<Line>[] = [
    { key: "district", header: t("district"), cell: (l) => l.label, rowHeader: true },
    { key: "received", header: t("received"), cell: (l) => fmtInt(l.received, locale), align: "end" },
    { key: "awarded", header: t("awarded"), cell: (l) => fmtInt(l.awarded, locale), align: "end" },
    { key: "amount", header: t("amountAwarded"), cell: (l) => <Money amount={l.amountAwarded} />, align: "end" },
    { key: "jobs", header: t("jobsPlanned"), cell: (l) => fmtInt(l.jobsPlanned, locale), align: "end" },
  ];

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-balance">{t("title")}</h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("lead")}</p>
        <p className="max-w-2xl text-slate-700" data-testid="results-privacy">
          {t("privacyNote")}
        </p>
        <div className="space-y-1">
          <a
            href={`/api/results.csv?lang=${locale}`}
            download
            className={buttonClasses("secondary")}
            data-testid="results-csv"
            aria-describedby="results-csv-hint"
          >
            {t("downloadCsv")}
          </a>
          <p id="results-csv-hint" className="text-sm text-slate-600">
            {t("downloadHint")}
          </p>
        </div>
      </header>

      {results.length === 0 ? (
        <EmptyState title={t("emptyTitle")} text={t("emptyText")} action={{ href: "/", label: t("emptyAction") }} data-testid="results-empty" />
      ) : (
        results.map((r) => {
          const lines: Line[] = [
            ...r.rows.map((row) => ({ ...row, key: row.district?.code ?? "other", label: row.district ? row.district.name[locale] : t("otherDistricts") })),
            ...(r.rows.length > 0 ? [{ ...r.total, key: "total", label: t("total") }] : []),
          ];
          const id = `results-${r.call.id}`;
          return (
            <section key={r.call.id} aria-labelledby={`${id}-title`} className="space-y-3" data-testid="results-call">
              <div className="space-y-1">
                <h2 id={`${id}-title`} className="text-2xl font-semibold text-balance">
                  {r.call.title[locale]}
                </h2>
                <p className="text-slate-700">
                  {r.programme.name[locale]} · {t("published", { date: formatDate(r.call.resultsPublishedAt, locale) })}
                </p>
              </div>
              <Table
                id={id}
                caption={r.call.title[locale]}
                captionHidden
                layout="stack"
                columns={columns}
                rows={lines}
                rowKey={(l) => l.key}
                empty={t("noneReceived")}
              />
            </section>
          );
        })
      )}
    </div>
  );
}
