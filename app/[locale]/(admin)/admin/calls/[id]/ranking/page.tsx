import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/app/_components/Badge";
import { EmptyState } from "@/app/_components/EmptyState";
import { Pagination } from "@/app/_components/Pagination";
import { Table, type Column } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { callRanking, type RankingEntry } from "@/lib/dal/ranking";
import { districtName } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string | string[]; page?: string | string[] }> };

/** ?page=N as a whole number; anything else is page 1 (the data layer gives the last page past the end). */
function pageParam(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminRanking");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * The ranking of one call (admins only: the layout's guard, this page's, and the data layer's check):
 * raw and normalised scores side by side with both ranks, disagreements flagged, the method explained;
 * sorted by the normalised rank, or by the raw rank with ?sort=raw; 50 rows a page (?page=N). The
 * ranking is computed over the whole call; only the page's rows are fetched in full and rendered.
 */
export default async function RankingPage({ params, searchParams }: Props) {
  const viewer = await requireRole("admin");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const sortRaw = sp.sort === "raw";
  const [t, locale, ranking] = await Promise.all([
    getTranslations("AdminRanking"),
    getLocale() as Promise<Locale>,
    callRanking({ id: viewer.id, role: viewer.role }, id, { sort: sortRaw ? "raw" : "normalised", page: pageParam(sp.page) }),
  ]);
  if (!ranking) notFound();
  const { call } = ranking;
  const callTitle = locale === "kk" ? call.titleKk : locale === "ru" ? call.titleRu : call.titleEn;
  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 2 });
  const num = (x: number | null) => (x === null ? "—" : nf.format(x));
  const { rows, page, pageCount, pageSize, total } = ranking;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + rows.length;
  const pageHref = (p: number) => {
    const query = new URLSearchParams();
    if (sortRaw) query.set("sort", "raw");
    if (p > 1) query.set("page", String(p));
    const qs = query.toString();
    return `/admin/calls/${call.id}/ranking${qs ? `?${qs}` : ""}`;
  };
  const order = [...call.order, ...(call.order.includes("submitted_at") ? [] : (["submitted_at"] as const))]
    .map((k) => t(`orderKeys.${k}`))
    .join(", ");
  const threshold = nf.format(ranking.threshold);

  const columns: Column<RankingEntry>[] = [
    { key: "norm-rank", header: t("colNormRank"), cell: (r) => <span data-testid="normalised-rank">{r.normalisedRank}</span>, align: "end" },
    { key: "raw-rank", header: t("colRawRank"), cell: (r) => <span data-testid="raw-rank">{r.rawRank}</span>, align: "end" },
    {
      key: "app",
      header: t("colApplication"),
      rowHeader: true,
      cell: (r) => (
        <span className="block min-w-48">
          <span className="block font-mono text-sm" data-testid="reference">
            {r.reference}
          </span>
          <span className="block font-normal">{r.title}</span>
        </span>
      ),
    },
    { key: "district", header: t("colDistrict"), cell: (r) => districtName(r.districtCode, locale) },
    { key: "reviews", header: t("colReviews"), cell: (r) => <span data-testid="review-count">{r.reviews}</span>, align: "end" },
    { key: "raw", header: t("colRaw"), cell: (r) => <span data-testid="raw-score">{num(r.mean)}</span>, align: "end" },
    { key: "median", header: t("colMedian"), cell: (r) => num(r.median), align: "end" },
    { key: "range", header: t("colRange"), cell: (r) => (r.min === null ? "—" : `${nf.format(r.min)}–${nf.format(r.max!)}`), align: "end", className: "whitespace-nowrap" },
    { key: "normalised", header: t("colNormalised"), cell: (r) => <span data-testid="normalised-score">{num(r.normalised)}</span>, align: "end" },
    {
      key: "flags",
      header: t("colFlags"),
      cell: (r) => (
        <span className="flex flex-wrap gap-1">
          {r.disagreement ? (
            <Badge tone="warning" data-testid="disagreement">
              {t("disagreement", { threshold })}
            </Badge>
          ) : null}
          {r.rawFallbacks > 0 ? <Badge tone="neutral">{t("fallbacks", { count: r.rawFallbacks })}</Badge> : null}
        </span>
      ),
    },
  ];

  const figures: [string, string, string][] = [
    [t("callMean"), num(ranking.callMean), "call-mean"],
    [t("callSd"), num(ranking.callSd), "call-sd"],
    [t("threshold"), t("thresholdValue", { threshold, outOf: call.scoreOutOf }), "threshold"],
    [t("reviewsCounted"), String(ranking.reviewsCounted), "reviews-counted"],
    [t("fallbackReviewers", { min: ranking.minReviews }), `${ranking.fallbackReviewers} / ${ranking.reviewers}`, "fallback-reviewers"],
  ];
  const sortLink = (raw: boolean, label: string) => (
    <Link
      href={raw ? `/admin/calls/${call.id}/ranking?sort=raw` : `/admin/calls/${call.id}/ranking`}
      aria-current={raw === sortRaw ? "page" : undefined}
      className={`inline-block rounded-md border px-3 py-2 font-medium ${raw === sortRaw ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
      data-testid={raw ? "sort-raw" : "sort-normalised"}
    >
      {label}
    </Link>
  );

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href={`/admin/calls/${call.id}`} className="inline-block py-2 font-medium" data-testid="back-to-call">
          ← {t("back")}
        </Link>
        <h1 className="text-3xl font-bold" data-testid="area-heading">
          {t("title")}
        </h1>
        <p className="text-lg text-slate-700">{callTitle}</p>
      </header>

      <dl className="m-0 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="ranking-figures">
        {figures.map(([label, value, key]) => (
          <div key={key} className="rounded-lg border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="m-0 text-lg font-semibold tabular-nums" data-testid={`figure-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="method-title" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="method-title" className="text-xl font-semibold">
          {t("methodTitle")}
        </h2>
        <p className="max-w-prose text-slate-800" data-testid="ranking-method">
          {t("method", { outOf: call.scoreOutOf, min: ranking.minReviews, order })}
        </p>
      </section>

      <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("sortLabel")}:</span>
        {sortLink(false, t("sortNormalised"))}
        {sortLink(true, t("sortRaw"))}
      </nav>

      {total === 0 ? (
        <EmptyState
          title={t("empty")}
          text={t("emptyText")}
          action={{ href: `/admin/calls/${call.id}/screening`, label: t("emptyAction"), "data-testid": "ranking-empty-screening" }}
          data-testid="ranking-empty"
        />
      ) : ranking.reviewsCounted === 0 ? (
        <EmptyState
          title={t("noScoresTitle")}
          text={t("noScoresText")}
          action={{ href: `/admin/calls/${call.id}/progress`, label: t("noScoresProgress"), "data-testid": "ranking-no-scores-progress" }}
          secondaryAction={{ href: `/admin/calls/${call.id}/assignments`, label: t("noScoresAssign"), "data-testid": "ranking-no-scores-assign" }}
          data-testid="ranking-no-scores"
        />
      ) : null}

      {total > 0 ? (
        <div className="space-y-4">
          <p className="font-medium" data-testid="ranking-range" data-from={from} data-to={to} data-total={total} data-page={page}>
            {t("showing", { from, to, total })}
          </p>
          <Table
            id="ranking"
            caption={t("caption", { count: total })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            empty={t("empty")}
          />
          <Pagination
            label={t("pagination")}
            page={page}
            pageCount={pageCount}
            href={pageHref}
            labels={{ previous: t("previousPage"), next: t("nextPage"), page: (p) => t("pageLabel", { page: p }) }}
            data-testid="ranking-pages"
          />
        </div>
      ) : null}
    </div>
  );
}
