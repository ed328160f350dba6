import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { PrintButton } from "@/app/_components/PrintButton";
import { buttonClasses } from "@/app/_components/button-styles";
import { requireRole } from "@/lib/auth/guard";
import { callProtocol, type ProtocolRow } from "@/lib/dal/protocol";
import { formatDateTime } from "@/lib/domain/datetime";
import { districtName } from "@/lib/domain/districts";
import { formatMoney } from "@/lib/domain/money";
import { methodNote, protocolTranslators } from "@/lib/export/protocol";
import type { Locale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Protocol");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * The protocol of the commission for one call, laid out for A4 paper (admins only: the layout's guard,
 * this page's, and the data layer's check): the call's facts, the ranking with the decision on every
 * application, the totals, the reviewers' conclusions, then the members of the commission with signature
 * lines and a date line (A4 landscape on paper: app/globals.css).
 * The portal's header and footer and this page's toolbar (print, downloads, order) are not printed.
 * Every opening is in the audit log (`protocol.view`): the protocol names the grantees.
 */
export default async function ProtocolPage({ params, searchParams }: Props) {
  const viewer = await requireRole("admin");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const sortRaw = sp.sort === "raw";
  const [t, tCommon, locale] = await Promise.all([getTranslations("Protocol"), getTranslations("Common"), getLocale() as Promise<Locale>]);
  const protocol = await callProtocol({ id: viewer.id, role: viewer.role }, id, { kind: "view" }, { sort: sortRaw ? "raw" : "normalised" });
  if (!protocol) notFound();
  const { call, rows, totals, members } = protocol;
  const commented = rows.filter((r) => r.comments.length > 0);
  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 2 });
  const num = (x: number | null) => (x === null ? "—" : nf.format(x));
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(sortRaw ? { sort: "raw" } : {}), ...extra }).toString();
  const download = (format: "csv" | "xlsx") => `/api/calls/${call.id}/protocol.${format}?${query({ lang: locale })}`;

  const facts: [string, React.ReactNode, string][] = [
    [t("programme"), call.programmeName[locale], "programme"],
    [t("opensAt"), <DateTime key="o" value={call.opensAt} withZone />, "opens"],
    [t("closesAt"), <DateTime key="c" value={call.closesAt} withZone />, "closes"],
    [t("reviewDeadline"), <DateTime key="r" value={call.reviewDeadline} withZone />, "review-deadline"],
    [t("budgetCap"), <Money key="b" amount={call.budgetCap} />, "budget"],
    [t("awardAmount"), <Money key="g" amount={call.awardAmount} />, "award-amount"],
    [t("awardedTotal"), <Money key="a" amount={call.awardedTotal} />, "awarded"],
    [t("remaining"), <Money key="m" amount={totals.remaining} />, "remaining"],
    [t("minScore"), t("minScoreValue", { score: nf.format(call.minScore), outOf: call.scoreOutOf }), "min-score"],
    [t("resultsPublished"), call.resultsPublishedAt ? <DateTime key="p" value={call.resultsPublishedAt} /> : t("notPublished"), "published"],
  ];
  const totalLines: [string, React.ReactNode, string][] = [
    [t("totalApplications"), totals.applications, "applications"],
    [t("totalAwarded"), totals.awarded, "awarded"],
    [t("totalAwardedAmount"), <Money key="s" amount={totals.awardedAmount} />, "awarded-amount"],
    [t("totalWaitlisted"), totals.waitlisted, "waitlisted"],
    [t("totalNotAwarded"), totals.notAwarded, "not-awarded"],
    [t("totalRevoked"), totals.revoked, "revoked"],
    [t("totalInReview"), totals.inReview, "in-review"],
    [t("totalReviewed"), totals.reviewed, "reviewed"],
  ];

  const decision = (r: ProtocolRow) => {
    const d = r.decision;
    return (
      <span className="block">
        <span className="block font-semibold" data-testid="decision" data-decision={d.kind}>
          {t(`decision.${d.kind}`)}
        </span>
        {(d.kind === "awarded" || d.kind === "award_revoked") && d.amount !== null ? (
          <span className="block whitespace-nowrap tabular-nums">{formatMoney(d.amount, locale)}</span>
        ) : null}
        {d.kind === "award_revoked" && d.reason ? <span className="block text-sm print:text-[8pt]">{t("revokedReason", { reason: d.reason })}</span> : null}
      </span>
    );
  };

  const sortLink = (raw: boolean, label: string) => (
    <Link
      href={raw ? `/admin/calls/${call.id}/protocol?sort=raw` : `/admin/calls/${call.id}/protocol`}
      aria-current={raw === sortRaw ? "page" : undefined}
      className={`inline-block rounded-md border px-3 py-2 font-medium ${raw === sortRaw ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
      data-testid={raw ? "sort-raw" : "sort-normalised"}
    >
      {label}
    </Link>
  );
  const th = "border border-slate-400 px-2 py-1 align-bottom font-semibold";
  const td = "border border-slate-400 px-2 py-1 align-top";

  return (
    <article data-print-page="protocol" data-testid="protocol" className="mx-auto max-w-6xl space-y-6 print:max-w-none print:space-y-4 print:text-[9pt]">
      <div className="space-y-3 print:hidden" data-testid="protocol-toolbar">
        <Link href={`/admin/calls/${call.id}`} className="inline-block py-2 font-medium" data-testid="back-to-call">
          ← {t("back")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton label={t("printNow")} />
        </div>
        <div role="group" aria-labelledby="downloads-label" className="flex flex-wrap items-center gap-3">
          <span className="font-medium" id="downloads-label">
            {t("downloadsLabel")}:
          </span>
          <a href={download("csv")} download className={buttonClasses("secondary")} data-testid="download-csv" aria-describedby="downloads-hint">
            {t("downloadCsv")}
          </a>
          <a href={download("xlsx")} download className={buttonClasses("secondary")} data-testid="download-xlsx" aria-describedby="downloads-hint">
            {t("downloadXlsx")}
          </a>
        </div>
        <p id="downloads-hint" className="text-sm text-slate-700">
          {t("downloadsHint")}
        </p>
        <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{t("sortLabel")}:</span>
          {sortLink(false, t("sortNormalised"))}
          {sortLink(true, t("sortRaw"))}
        </nav>
      </div>

      <header className="space-y-1 border-b-2 border-slate-900 pb-3 text-center">
        <p className="text-sm print:text-[8pt] font-semibold">{tCommon("portalName")}</p>
        <h1 className="text-2xl font-bold print:text-[14pt]" data-testid="area-heading">
          {t("title")}
        </h1>
        <p className="text-lg font-semibold print:text-[12pt]" data-testid="protocol-call-title">
          {call.title[locale]}
        </p>
      </header>

      <section aria-labelledby="facts-title" className="space-y-2 break-inside-avoid-page">
        <h2 id="facts-title" className="text-xl font-semibold print:text-[11pt]">
          {t("factsTitle")}
        </h2>
        <dl className="m-0 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2 print:grid-cols-2" data-testid="protocol-facts">
          {facts.map(([label, value, key]) => (
            <div key={key} className="flex flex-wrap justify-between gap-x-3 border-b border-slate-200 py-1">
              <dt className="text-slate-700">{label}</dt>
              <dd className="m-0 font-semibold" data-testid={`fact-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="ranking-title" className="space-y-2">
        <h2 id="ranking-title" className="text-xl font-semibold print:text-[11pt]">
          {t("rankingTitle")}
        </h2>
        <p className="max-w-prose text-slate-800 print:max-w-none" data-testid="protocol-method">
          {methodNote(protocol, protocolTranslators(locale), locale)}
        </p>
        <div role="region" aria-labelledby="protocol-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-300 bg-white print:overflow-visible print:rounded-none print:border-0">
          <table className="w-full border-collapse text-left text-sm print:text-[8.5pt]" data-testid="protocol-table">
            <caption id="protocol-caption" className="px-2 py-2 text-left font-semibold">
              {t("caption", { count: rows.length })}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={`${th} text-end`}>
                  {t("colNormRank")}
                </th>
                <th scope="col" className={`${th} text-end`}>
                  {t("colRawRank")}
                </th>
                <th scope="col" className={th}>
                  {t("colTitle")}
                </th>
                <th scope="col" className={th}>
                  {t("colDistrict")}
                </th>
                <th scope="col" className={`${th} text-end`}>
                  {t("colReviews")}
                </th>
                <th scope="col" className={`${th} text-end`}>
                  {t("colMean")}
                </th>
                <th scope="col" className={`${th} text-end`}>
                  {t("colNormalised")}
                </th>
                <th scope="col" className={th}>
                  {t("colDisagreement")}
                </th>
                <th scope="col" className={th}>
                  {t("colDecision")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={9} className={td}>
                    {t("empty")}
                  </td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr key={r.applicationId} className="break-inside-avoid" data-testid="protocol-row">
                  <td className={`${td} text-end tabular-nums`} data-testid="normalised-rank">
                    {r.normalisedRank}
                  </td>
                  <td className={`${td} text-end tabular-nums`} data-testid="raw-rank">
                    {r.rawRank}
                  </td>
                  <th scope="row" className={`${td} min-w-48 font-normal`}>
                    <span className="block font-mono text-xs font-semibold" data-testid="reference">
                      {r.reference}
                    </span>
                    <span className="block">{r.title}</span>
                    {r.grantee ? (
                      <span className="block font-semibold" data-testid="grantee">
                        {t("colGrantee")}: {r.grantee}
                      </span>
                    ) : null}
                  </th>
                  <td className={td}>{districtName(r.districtCode, locale)}</td>
                  <td className={`${td} text-end tabular-nums`} data-testid="review-count">
                    {r.reviews}
                  </td>
                  <td className={`${td} text-end tabular-nums`}>{num(r.mean)}</td>
                  <td className={`${td} text-end tabular-nums`}>{num(r.normalised)}</td>
                  <td className={td}>{r.disagreement ? t("yes") : t("no")}</td>
                  <td className={`${td} min-w-32`}>{decision(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm print:text-[8pt] text-slate-700" data-testid="protocol-personal-data">
          {t("personalData")}
        </p>
      </section>

      <section aria-labelledby="totals-title" className="space-y-2 break-inside-avoid-page">
        <h2 id="totals-title" className="text-xl font-semibold print:text-[11pt]">
          {t("totalsTitle")}
        </h2>
        <dl className="m-0 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2 print:grid-cols-2" data-testid="protocol-totals">
          {totalLines.map(([label, value, key]) => (
            <div key={key} className="flex flex-wrap justify-between gap-x-3 border-b border-slate-200 py-1">
              <dt className="text-slate-700">{label}</dt>
              <dd className="m-0 font-semibold tabular-nums" data-testid={`total-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="comments-title" className="space-y-2" data-testid="protocol-comments">
        <h2 id="comments-title" className="text-xl font-semibold print:text-[11pt]">
          {t("commentsTitle")}
        </h2>
        <p className="text-sm print:text-[8pt] text-slate-700">{t("commentsNote")}</p>
        {commented.length === 0 ? (
          <p>{t("commentsEmpty")}</p>
        ) : (
          <ol className="m-0 list-none space-y-3 p-0">
            {commented.map((r) => (
              <li key={r.applicationId} className="break-inside-avoid" data-testid="comment-group">
                <p className="font-semibold">
                  {sortRaw ? r.rawRank : r.normalisedRank}. <span className="font-mono text-sm print:text-[8pt]">{r.reference}</span> — {r.title}
                </p>
                <ul className="m-0 list-disc space-y-1 ps-6">
                  {r.comments.map((c, i) => (
                    <li key={i} className="whitespace-pre-line break-words" data-testid="comment">
                      {c}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="members-title" className="space-y-3 break-inside-avoid-page" data-testid="protocol-members">
        <h2 id="members-title" className="text-xl font-semibold print:text-[11pt]">
          {t("membersTitle")}
        </h2>
        <p className="text-sm text-slate-700 print:hidden">{t("membersNote")}</p>
        {members.length === 0 ? (
          <p>{t("membersEmpty")}</p>
        ) : (
          <ol className="m-0 list-none space-y-5 p-0">
            {members.map((m) => (
              <li key={m.id} className="grid grid-cols-1 items-end gap-x-6 gap-y-2 break-inside-avoid sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] print:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="member">
                <span className="block">
                  <span className="block font-semibold" data-testid="member-name">
                    {m.fullName}
                  </span>
                  {m.organisation ? <span className="block text-sm print:text-[8pt] text-slate-700">{m.organisation}</span> : null}
                </span>
                <span className="block text-center" data-testid="signature-line">
                  <span aria-hidden="true" className="block h-8 border-b border-slate-900" />
                  <span className="block text-xs text-slate-700">({t("signature")})</span>
                </span>
              </li>
            ))}
          </ol>
        )}
        <p className="pt-4 font-medium" data-testid="date-line">
          {t("dateLine")}
        </p>
      </section>

      <p className="border-t border-slate-300 pt-2 text-sm print:text-[8pt] text-slate-600">{t("generatedAt", { date: formatDateTime(protocol.generatedAt, locale) })}</p>
    </article>
  );
}
