import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/EmptyState";
import { Money } from "@/app/_components/Money";
import { Table, type Column } from "@/app/_components/Table";
import { SelectField } from "@/app/[locale]/(public)/register/form-controls";
import { requireRole } from "@/lib/auth/guard";
import { dashboardData, dashboardOptions, type DashboardData } from "@/lib/dal/dashboard";
import { budgetLine, percent, parseDashboardQuery, type AgeGroupRow } from "@/lib/domain/dashboard";
import { now } from "@/lib/clock";
import { calendarDateIn, formatDate } from "@/lib/domain/datetime";
import { formatMoney } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";
import { BarsChart, CumulativeChart, type Datum } from "./charts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminDashboard");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLORS = { primary: "#1d4ed8", female: "#be123c", male: "#0f766e", unknown: "#64748b", submitted: "#15803d", inProgress: "#b45309", notStarted: "#64748b" };

/** One chart: heading, text summary, the chart, and the same numbers as a table (always visible). */
function ChartSection({ id, title, summary, note, chart, table }: { id: string; title: string; summary: string; note?: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 space-y-3 rounded-lg border border-slate-300 bg-white p-3 sm:p-4" data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold text-balance">
        {title}
      </h2>
      <p className="text-slate-700" data-testid="chart-summary">
        {summary}
      </p>
      {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      <figure className="m-0">{chart}</figure>
      {table}
    </section>
  );
}

/**
 * The admin dashboard (admins only: the guard here, and the data layer checks the actor again): six
 * charts of aggregates for the programme, call and year chosen in a GET form (works without JavaScript;
 * the tables carry every number when the charts cannot be drawn). No personal data is shown, so opening
 * it writes no audit row (lib/dal/dashboard.ts).
 */
export default async function AdminDashboardPage({ searchParams }: Props) {
  const viewer = await requireRole("admin");
  const filters = parseDashboardQuery(await searchParams);
  const actor = { id: viewer.id, role: viewer.role };
  const [t, locale, options, data] = await Promise.all([
    getTranslations("AdminDashboard"),
    getLocale() as Promise<Locale>,
    dashboardOptions(actor),
    dashboardData(actor, filters),
  ]);
  const int = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 0 });
  const n = (v: number) => int.format(v);
  const money = (v: number) => formatMoney(v, locale);
  const programmeName = new Map(options.programmes.map((p) => [p.code, p.name[locale]]));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold" data-testid="page-heading">
          {t("title")}
        </h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
        <p className="max-w-3xl text-sm text-slate-600" data-testid="dashboard-privacy">
          {t("privacyNote")}
        </p>
      </div>

      <form
        method="get"
        action="/admin/dashboard"
        role="search"
        aria-label={t("filters")}
        className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
        data-testid="dashboard-filters"
      >
        <SelectField
          id="programme"
          label={t("programme")}
          defaultValue={filters.programme ?? ""}
          placeholder={t("anyProgramme")}
          options={options.programmes.map((p) => ({ value: p.code, label: p.name[locale] }))}
        />
        <SelectField
          id="call"
          label={t("call")}
          defaultValue={filters.call ?? ""}
          placeholder={t("anyCall")}
          options={options.calls.map((c) => ({ value: c.id, label: `${c.title[locale]} (${c.year})` }))}
        />
        <SelectField id="year" label={t("year")} defaultValue={filters.year !== undefined ? String(filters.year) : ""} placeholder={t("anyYear")} options={options.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClasses("primary", "flex-1 sm:flex-none")} data-testid="dashboard-apply">
            {t("apply")}
          </button>
          <Link href="/admin/dashboard" className={buttonClasses("secondary", "flex-1 sm:flex-none")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      <p className="text-slate-700" data-testid="dashboard-scope" aria-live="polite">
        {t("scope", { count: n(data.calls.length) })}
      </p>

      {data.calls.length === 0 ? (
        <EmptyState title={t("noCallsTitle")} text={t("noCallsText")} data-testid="dashboard-empty" />
      ) : data.funnel.submitted === 0 ? (
        <EmptyState title={t("noApplicationsTitle")} text={t("noApplicationsText")} data-testid="dashboard-empty" />
      ) : (
        <Charts data={data} t={t} locale={locale} n={n} money={money} programmeName={programmeName} />
      )}
    </div>
  );
}

const dayLabel = (day: string, locale: Locale) => formatDate(new Date(`${day}T12:00:00Z`), locale);

type T = Awaited<ReturnType<typeof getTranslations<"AdminDashboard">>>;

function Charts({
  data,
  t,
  locale,
  n,
  money,
  programmeName,
}: {
  data: DashboardData;
  t: T;
  locale: Locale;
  n: (v: number) => string;
  money: (v: number) => string;
  programmeName: Map<string, string>;
}) {
  // 1. Per programme and per district.
  type Named = { key: string; label: string; count: number };
  const programmes: Named[] = data.perProgramme.map((p) => ({ key: p.code, label: p.name[locale], count: p.count }));
  const districts: Named[] = data.perDistrict.map((d) => ({ key: d.code, label: d.name[locale], count: d.count }));
  const topDistrict = districts.reduce((best, d) => (d.count > best.count ? d : best), districts[0]);
  const namedColumns = (first: string, count: string): Column<Named>[] => [
    { key: "name", header: first, cell: (r) => r.label, rowHeader: true },
    { key: "count", header: count, cell: (r) => n(r.count), align: "end" },
  ];
  const withTotal = (rows: Named[]): Named[] => [...rows, { key: "total", label: t("total"), count: rows.reduce((s, r) => s + r.count, 0) }];

  // 2. The funnel.
  const f = data.funnel;
  type Stage = { key: "submitted" | "eligible" | "reviewed" | "awarded"; label: string; count: number };
  const stages: Stage[] = (["submitted", "eligible", "reviewed", "awarded"] as const).map((k) => ({ key: k, label: t(`funnel.${k}`), count: f[k] }));

  // 3. Budget.
  const b = data.budget;
  type Day = { day: string; label: string; awarded: number; cumulative: number };
  const days: Day[] = b.series.map((p) => ({ ...p, label: dayLabel(p.day, locale) }));

  // 4. Jobs.
  type Jobs = { key: string; label: string; awards: number; jobs: number };
  const jobs: Jobs[] = data.jobs.map((j) => ({ key: j.code, label: j.name[locale], awards: j.awards, jobs: j.jobs }));
  const jobsTotal = jobs.reduce((s, j) => ({ awards: s.awards + j.awards, jobs: s.jobs + j.jobs }), { awards: 0, jobs: 0 });
  const topJobs = jobs.reduce((best, j) => (j.jobs > best.jobs ? j : best), jobs[0]);

  // 5. Ages.
  const ages = data.ages;
  const largest = ages.reduce((best, a) => (a.total > best.total ? a : best), ages[0]);
  const sexTotals = ages.reduce((s, a) => ({ female: s.female + a.female, male: s.male + a.male, unknown: s.unknown + a.unknown }), { female: 0, male: 0, unknown: 0 });
  const sexSeries = [
    { key: "female", name: t("ages.female"), color: COLORS.female },
    { key: "male", name: t("ages.male"), color: COLORS.male },
    ...(sexTotals.unknown > 0 ? [{ key: "unknown", name: t("ages.unknown"), color: COLORS.unknown }] : []),
  ];
  type AgeLine = AgeGroupRow & { key: string; label: string };
  const ageLines: AgeLine[] = [
    ...ages.map((a) => ({ ...a, key: a.group, label: t(`ages.groups.${a.group}`) })),
    { group: "unknown" as const, key: "total", label: t("total"), ...sexTotals, total: sexTotals.female + sexTotals.male + sexTotals.unknown },
  ];

  // 6. Reviews.
  type ReviewLine = { key: string; label: string; short: string; submitted: number; inProgress: number; notStarted: number };
  const reviewLines: ReviewLine[] = data.reviews.map((r) => {
    const call = data.calls.find((c) => c.id === r.callId)!;
    return { key: r.callId, label: r.title[locale], short: `${programmeName.get(call.programmeCode) ?? ""} ${r.year}`, submitted: r.submitted, inProgress: r.inProgress, notStarted: r.notStarted };
  });
  const reviewTotal = reviewLines.reduce((s, r) => ({ submitted: s.submitted + r.submitted, inProgress: s.inProgress + r.inProgress, notStarted: s.notStarted + r.notStarted }), {
    submitted: 0,
    inProgress: 0,
    notStarted: 0,
  });
  const assignments = reviewTotal.submitted + reviewTotal.inProgress + reviewTotal.notStarted;

  const bars = (rows: { label: string }[], pick: (i: number) => Record<string, number>): Datum[] => rows.map((r, i) => ({ label: r.label, ...pick(i) }));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartSection
        id="programmes"
        title={t("programmes.title")}
        summary={t("programmes.summary", { total: n(f.submitted), list: programmes.map((p) => `${p.label}: ${n(p.count)}`).join(", ") })}
        chart={<BarsChart testId="svg-programmes" horizontal categoryWidth={130} data={bars(programmes, (i) => ({ count: programmes[i].count }))} series={[{ key: "count", name: t("programmes.colApplications"), color: COLORS.primary }]} />}
        table={
          <Table id="table-programmes" caption={t("programmes.title")} captionHidden columns={namedColumns(t("programmes.colProgramme"), t("programmes.colApplications"))} rows={withTotal(programmes)} rowKey={(r) => r.key} />
        }
      />

      <ChartSection
        id="districts"
        title={t("districts.title")}
        summary={t("districts.summary", { district: topDistrict.label, count: n(topDistrict.count), none: n(districts.filter((d) => d.count === 0).length) })}
        chart={<BarsChart testId="svg-districts" horizontal categoryWidth={130} data={bars(districts, (i) => ({ count: districts[i].count }))} series={[{ key: "count", name: t("districts.colApplications"), color: COLORS.primary }]} />}
        table={
          <Table id="table-districts" caption={t("districts.title")} captionHidden columns={namedColumns(t("districts.colDistrict"), t("districts.colApplications"))} rows={withTotal(districts)} rowKey={(r) => r.key} />
        }
      />

      <ChartSection
        id="funnel"
        title={t("funnel.title")}
        summary={t("funnel.summary", { submitted: n(f.submitted), eligible: n(f.eligible), reviewed: n(f.reviewed), awarded: n(f.awarded), awardedPct: n(percent(f.awarded, f.submitted) ?? 0) })}
        chart={<BarsChart testId="svg-funnel" horizontal categoryWidth={130} data={bars(stages, (i) => ({ count: stages[i].count }))} series={[{ key: "count", name: t("funnel.colApplications"), color: COLORS.primary }]} />}
        table={
          <Table
            id="table-funnel"
            caption={t("funnel.title")} captionHidden
            columns={[
              { key: "stage", header: t("funnel.colStage"), cell: (r: Stage) => r.label, rowHeader: true },
              { key: "count", header: t("funnel.colApplications"), cell: (r: Stage) => n(r.count), align: "end" },
              { key: "share", header: t("funnel.colShare"), cell: (r: Stage) => t("funnel.share", { pct: n(percent(r.count, f.submitted) ?? 0) }), align: "end" },
            ]}
            rows={stages}
            rowKey={(r) => r.key}
          />
        }
      />

      <ChartSection
        id="budget"
        title={t("budget.title")}
        summary={t("budget.summary", { awarded: money(b.awarded), cap: money(b.cap), pct: n(percent(b.awarded, b.cap) ?? 0), left: money(b.cap - b.awarded) })}
        chart={
          days.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-400 p-4 text-slate-700" data-testid="chart-empty">
              {t("budget.empty", { cap: money(b.cap) })}
            </p>
          ) : (
            <CumulativeChart
              testId="svg-budget"
              points={budgetLine(b.series, calendarDateIn(now())).map((d) => ({ label: dayLabel(d.day, locale), cumulative: d.cumulative, text: money(d.cumulative) }))}
              cap={b.cap}
              capText={`${t("budget.cap")}: ${money(b.cap)}`}
              seriesName={t("budget.series")}
              axisLabel={t("budget.axis")}
              numberLocale={locale === "en" ? "en" : "ru"}
            />
          )
        }
        table={
          days.length === 0 ? null : (
            <Table
              id="table-budget"
              layout="stack"
              caption={t("budget.title")}
              captionHidden
              columns={[
                { key: "day", header: t("budget.colDay"), cell: (r: Day) => r.label, rowHeader: true },
                { key: "awarded", header: t("budget.colDayAmount"), cell: (r: Day) => <Money amount={r.awarded} />, align: "end" },
                { key: "cumulative", header: t("budget.colCumulative"), cell: (r: Day) => <Money amount={r.cumulative} />, align: "end" },
              ]}
              rows={days}
              rowKey={(r) => r.day}
            />
          )
        }
      />

      <ChartSection
        id="jobs"
        title={t("jobs.title")}
        summary={
          jobsTotal.awards === 0
            ? t("jobs.empty")
            : t("jobs.summary", { awards: n(jobsTotal.awards), jobs: n(jobsTotal.jobs), district: topJobs.label, districtJobs: n(topJobs.jobs) })
        }
        chart={
          jobsTotal.awards === 0 ? null : (
            <BarsChart testId="svg-jobs" horizontal categoryWidth={130} data={bars(jobs, (i) => ({ jobs: jobs[i].jobs }))} series={[{ key: "jobs", name: t("jobs.colJobs"), color: COLORS.submitted }]} />
          )
        }
        table={
          jobsTotal.awards === 0 ? null : (
            <Table
              id="table-jobs"
              caption={t("jobs.title")} captionHidden
              columns={[
                { key: "district", header: t("jobs.colDistrict"), cell: (r: Jobs) => r.label, rowHeader: true },
                { key: "awards", header: t("jobs.colAwards"), cell: (r: Jobs) => n(r.awards), align: "end" },
                { key: "jobs", header: t("jobs.colJobs"), cell: (r: Jobs) => n(r.jobs), align: "end" },
              ]}
              rows={[...jobs, { key: "total", label: t("total"), ...jobsTotal }]}
              rowKey={(r) => r.key}
            />
          )
        }
      />

      <ChartSection
        id="ages"
        title={t("ages.title")}
        note={t("ages.note")}
        summary={t("ages.summary", { group: t(`ages.groups.${largest.group}`), count: n(largest.total), female: n(sexTotals.female), male: n(sexTotals.male) })}
        chart={<BarsChart testId="svg-ages" horizontal stacked categoryWidth={110} data={ages.map((a) => ({ label: t(`ages.groups.${a.group}`), female: a.female, male: a.male, unknown: a.unknown }))} series={sexSeries} />}
        table={
          <Table
            id="table-ages"
            caption={t("ages.title")} captionHidden
            columns={[
              { key: "group", header: t("ages.colAge"), cell: (r: AgeLine) => r.label, rowHeader: true },
              { key: "female", header: t("ages.female"), cell: (r: AgeLine) => n(r.female), align: "end" },
              { key: "male", header: t("ages.male"), cell: (r: AgeLine) => n(r.male), align: "end" },
              ...(sexTotals.unknown > 0 ? [{ key: "unknown", header: t("ages.unknown"), cell: (r: AgeLine) => n(r.unknown), align: "end" as const }] : []),
              { key: "total", header: t("total"), cell: (r: AgeLine) => n(r.total), align: "end" },
            ]}
            rows={ageLines}
            rowKey={(r) => r.key}
          />
        }
      />

      <ChartSection
        id="reviews"
        title={t("reviews.title")}
        summary={
          assignments === 0
            ? t("reviews.empty")
            : t("reviews.summary", {
                submitted: n(reviewTotal.submitted),
                total: n(assignments),
                pct: n(percent(reviewTotal.submitted, assignments) ?? 0),
                inProgress: n(reviewTotal.inProgress),
                notStarted: n(reviewTotal.notStarted),
              })
        }
        chart={
          assignments === 0 ? null : (
            <BarsChart
              testId="svg-reviews"
              horizontal
              stacked
              categoryWidth={130}
              data={reviewLines.map((r) => ({ label: r.short, submitted: r.submitted, inProgress: r.inProgress, notStarted: r.notStarted }))}
              series={[
                { key: "submitted", name: t("reviews.submitted"), color: COLORS.submitted },
                { key: "inProgress", name: t("reviews.inProgress"), color: COLORS.inProgress },
                { key: "notStarted", name: t("reviews.notStarted"), color: COLORS.notStarted },
              ]}
            />
          )
        }
        table={
          assignments === 0 ? null : (
            <Table
              id="table-reviews"
              caption={t("reviews.title")} captionHidden
              columns={[
                { key: "call", header: t("reviews.colCall"), cell: (r: ReviewLine) => r.label, rowHeader: true },
                { key: "submitted", header: t("reviews.submitted"), cell: (r: ReviewLine) => n(r.submitted), align: "end" },
                { key: "inProgress", header: t("reviews.inProgress"), cell: (r: ReviewLine) => n(r.inProgress), align: "end" },
                { key: "notStarted", header: t("reviews.notStarted"), cell: (r: ReviewLine) => n(r.notStarted), align: "end" },
              ]}
              rows={reviewLines.length > 1 ? [...reviewLines, { key: "total", label: t("total"), short: "", ...reviewTotal }] : reviewLines}
              rowKey={(r) => r.key}
            />
          )
        }
      />
    </div>
  );
}
