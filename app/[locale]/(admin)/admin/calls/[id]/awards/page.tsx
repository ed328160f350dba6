import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/app/_components/Badge";
import { DateTime } from "@/app/_components/DateTime";
import { EmptyState } from "@/app/_components/EmptyState";
import { Money } from "@/app/_components/Money";
import { Notice } from "@/app/_components/Notice";
import { Table, type Column } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import {
  budgetPanel,
  listAwards,
  proposeAwards,
  waitlist,
  type AwardRow,
  type BudgetDistrict,
  type ProposalRow,
  type RankOrder,
  type WaitlistRow,
} from "@/lib/dal/awards";
import { formatDateTime } from "@/lib/domain/datetime";
import { districtName, isDistrictCode } from "@/lib/domain/districts";
import { formatMoney } from "@/lib/domain/money";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import type { Locale } from "@/lib/i18n/routing";
import { ArchiveCall, ConfirmProposal, OfferBanner, OfferProvider, PromoteButton, PublishResults, RevokeAward } from "./controls";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ order?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminAwards");
  return { title: t("metaTitle"), robots: { index: false } };
}

const FUNDED_TONE = { reserved: "success", rank: "success" } as const;

/**
 * Awards and budget of one call (admins only: the layout's guard, this page's, and the data layer's check):
 * the budget panel (cap, awarded, remaining, per district its ceiling and reserved grants, status counts);
 * before publication the "fill the budget" proposal in the chosen order (?order=raw) with its confirmation;
 * the awards, each active one revocable with a reason (the money's next application is then offered);
 * after publication the waitlist, each awardable; publishing the results, then archiving the call.
 */
export default async function AwardsPage({ params, searchParams }: Props) {
  const viewer = await requireRole("admin");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const order: RankOrder = sp.order === "raw" ? "raw" : "normalised";
  const actor = { id: viewer.id, role: viewer.role };
  const [t, ts, locale, panel] = await Promise.all([
    getTranslations("AdminAwards"),
    getTranslations("ApplicationStatus"),
    getLocale() as Promise<Locale>,
    budgetPanel(actor, id),
  ]);
  if (!panel) notFound();
  const { call } = panel;
  const published = call.resultsPublishedAt !== null;
  const archived = call.archivedAt !== null;
  const [awards, proposal, waiting] = await Promise.all([
    listAwards(actor, call.id),
    !published && !archived ? proposeAwards(actor, call.id, order) : Promise.resolve(null),
    published && !archived ? waitlist(actor, call.id, order) : Promise.resolve([] as WaitlistRow[]),
  ]);

  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 2 });
  const score = (x: number | null) => (x === null ? "—" : nf.format(x));
  const grant = formatMoney(call.awardAmount, locale);
  const district = (code: string) => (isDistrictCode(code) ? districtName(code, locale) : code);
  const application = (r: { reference: string; title: string }) => (
    <span className="block sm:min-w-40">
      <span className="block font-mono text-sm" data-testid="reference">
        {r.reference}
      </span>
      <span className="block font-normal break-words">{r.title}</span>
    </span>
  );

  const figures: [string, React.ReactNode, string][] = [
    [t("figCap"), <Money key="cap" amount={call.budgetCap} />, "cap"],
    [t("figAwarded"), <Money key="awarded" amount={call.awardedTotal} />, "awarded"],
    [t("figRemaining"), <Money key="remaining" amount={call.remaining} />, "remaining"],
    [t("figGrantsPossible"), call.grantsPossible, "grants-possible"],
    [t("figAwardAmount"), <Money key="amount" amount={call.awardAmount} />, "award-amount"],
    [t("figMinScore"), t("minScoreValue", { minScore: nf.format(call.minScore), outOf: call.scoreOutOf }), "min-score"],
  ];
  const counts: [ApplicationStatus, number][] = [
    ["in_review", panel.counts.inReview],
    ["reviewed", panel.counts.reviewed],
    ["awarded", panel.counts.awarded],
    ["waitlisted", panel.counts.waitlisted],
    ["not_awarded", panel.counts.notAwarded],
    ["award_revoked", panel.counts.revoked],
  ];

  const num = (testId: string, n: number | null, none: string) => (
    <span className="tabular-nums" data-testid={testId}>
      {n === null ? none : n}
    </span>
  );
  const districtColumns: Column<BudgetDistrict>[] = [
    { key: "district", header: t("colDistrict"), rowHeader: true, cell: (d) => district(d.code), className: "min-w-36" },
    { key: "ceiling", header: t("colCeiling"), align: "end", className: "whitespace-nowrap", cell: (d) => num("district-ceiling", d.ceiling, t("noCeiling")) },
    { key: "reserved", header: t("colReserved"), align: "end", className: "whitespace-nowrap", cell: (d) => num("district-reserved", d.reservedMinimum, t("noReserved")) },
    { key: "count", header: t("colAwardedCount"), align: "end", cell: (d) => num("district-awarded-count", d.awardedCount, "") },
    { key: "sum", header: t("colAwardedSum"), align: "end", cell: (d) => <Money amount={d.awardedTotal} /> },
    { key: "ceiling-left", header: t("colCeilingLeft"), align: "end", cell: (d) => num("district-ceiling-left", d.ceilingLeft, "—") },
    { key: "reserved-left", header: t("colReservedLeft"), align: "end", cell: (d) => num("district-reserved-left", d.reservedLeft, "—") },
  ];

  const proposalColumns: Column<ProposalRow>[] = [
    { key: "rank", header: t("colRank"), align: "end", cell: (r) => <span data-testid="rank">{r.rank}</span> },
    { key: "app", header: t("colApplication"), rowHeader: true, cell: application },
    { key: "district", header: t("colDistrict"), cell: (r) => district(r.districtCode) },
    { key: "score", header: t("colScore"), align: "end", cell: (r) => <span className="tabular-nums">{score(r.score)}</span> },
    {
      key: "reason",
      header: t("colReason"),
      cell: (r) => (
        <Badge tone={r.reason === "reserved" || r.reason === "rank" ? FUNDED_TONE[r.reason] : "neutral"} data-testid="reason" data-reason={r.reason}>
          {t(`reason.${r.reason}`)}
        </Badge>
      ),
    },
  ];

  const awardColumns: Column<AwardRow>[] = [
    {
      key: "app",
      header: t("colApplication"),
      rowHeader: true,
      cell: (a) => (
        <span className="block sm:min-w-40">
          <span className="block font-mono text-sm" data-testid="reference">
            {a.reference}
          </span>
          <span className="block font-normal break-words">{a.title}</span>
          <span className="block text-sm font-normal text-slate-600">{district(a.districtCode)}</span>
        </span>
      ),
    },
    { key: "amount", header: t("colAmount"), align: "end", cell: (a) => <Money amount={a.amount} /> },
    {
      key: "decision",
      header: t("colDecision"),
      cell: (a) => (
        <span className="flex flex-col items-start gap-1">
          <Badge tone={a.status === "active" ? "success" : "danger"} data-testid="award-status" data-status={a.status}>
            {t(`awardStatus.${a.status}`)}
          </Badge>
          <span className="text-sm">
            <DateTime value={a.awardedAt} /> · {t("awardedBy", { name: a.awardedByName })}
          </span>
          {a.revokedAt ? (
            <span className="text-sm break-words" data-testid="revoked-note">
              {t("revokedOn")}: <DateTime value={a.revokedAt} />
              {a.revokeReason ? <span className="block">{t("revokeReason", { reason: a.revokeReason })}</span> : null}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: "actions",
      header: t("colActions"),
      cell: (a) => (a.status === "active" && !archived ? <RevokeAward awardId={a.awardId} reference={a.reference} /> : null),
    },
  ];

  const waitlistColumns: Column<WaitlistRow>[] = [
    { key: "rank", header: t("colRank"), align: "end", cell: (r) => <span data-testid="rank">{r.rank}</span> },
    { key: "app", header: t("colApplication"), rowHeader: true, cell: application },
    { key: "district", header: t("colDistrict"), cell: (r) => district(r.districtCode) },
    { key: "score", header: t("colScore"), align: "end", cell: (r) => <span className="tabular-nums">{score(r.score)}</span> },
    {
      key: "actions",
      header: t("colActions"),
      // A key per rendering: a double click or a retry of this button posts the same one.
      cell: (r) => <PromoteButton applicationId={r.applicationId} reference={r.reference} idempotencyKey={randomUUID()} amount={grant} label="award" />,
    },
  ];

  const orderLink = (value: RankOrder, label: string) => (
    <Link
      href={value === "raw" ? `/admin/calls/${call.id}/awards?order=raw` : `/admin/calls/${call.id}/awards`}
      aria-current={value === order ? "page" : undefined}
      className={`inline-block rounded-md border px-3 py-2 font-medium ${value === order ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
      data-testid={`order-${value}`}
    >
      {label}
    </Link>
  );
  const orderNav = (
    <nav aria-label={t("orderLabel")} className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{t("orderLabel")}:</span>
      {orderLink("normalised", t("orderNormalised"))}
      {orderLink("raw", t("orderRaw"))}
    </nav>
  );
  const figureGrid = (items: [string, React.ReactNode, string][], testId: string) => (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3" data-testid={testId}>
      {items.map(([label, value, key]) => (
        <div key={key} className="min-w-0 rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm break-words text-slate-600">{label}</dt>
          <dd className="m-0 text-base font-semibold tabular-nums sm:text-lg" data-testid={`figure-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
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
        <p className="text-lg text-slate-700">{call.title[locale]}</p>
        <p className="max-w-prose text-slate-700">{t("intro")}</p>
      </header>

      {archived ? (
        <div data-testid="archived-notice">
          <Notice>{t("archivedNotice", { date: formatDateTime(call.archivedAt!, locale) })}</Notice>
        </div>
      ) : published ? (
        <div data-testid="published-notice">
          <Notice>{t("publishedNotice", { date: formatDateTime(call.resultsPublishedAt!, locale) })}</Notice>
        </div>
      ) : null}

      {call.grantsPossible === 0 && !archived ? (
        <EmptyState
          title={t("exhaustedTitle")}
          text={t("exhaustedText", { remaining: formatMoney(call.remaining, locale) })}
          action={{ href: `/admin/calls/${call.id}/protocol`, label: t("exhaustedProtocol"), "data-testid": "budget-exhausted-protocol" }}
          secondaryAction={published ? { href: "#waitlist-title", label: t("exhaustedWaitlist"), "data-testid": "budget-exhausted-waitlist" } : undefined}
          data-testid="budget-exhausted"
        />
      ) : null}

      <section aria-labelledby="budget-title" className="space-y-4">
        <h2 id="budget-title" className="text-xl font-semibold">
          {t("budgetTitle")}
        </h2>
        {figureGrid(figures, "budget-figures")}
        <h3 className="text-lg font-semibold">{t("districtsTitle")}</h3>
        <Table
          id="award-districts"
          caption={t("districtsCaption")}
          captionHidden
          // Eleven rows of numbers: a compact table that scrolls sideways in its own region on a phone.
          layout="scroll"
          columns={districtColumns}
          rows={panel.districts}
          rowKey={(d) => d.code}
        />
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("countsTitle")}</h3>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="status-counts">
            {counts.map(([status, n]) => (
              <div key={status} className="rounded-lg border border-slate-300 bg-white p-3">
                <dt className="text-sm text-slate-600">{ts(status)}</dt>
                <dd className="m-0 text-lg font-semibold tabular-nums" data-testid={`count-${status}`}>
                  {n}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      {proposal ? (
        <section aria-labelledby="proposal-title" className="space-y-4" data-testid="proposal" data-fingerprint={proposal.fingerprint}>
          <h2 id="proposal-title" className="text-xl font-semibold">
            {t("proposalTitle")}
          </h2>
          <p className="max-w-prose text-slate-700">{t("proposalIntro")}</p>
          {orderNav}
          {figureGrid(
            [
              [t("figProposed"), proposal.funded.length, "proposed"],
              [t("figProposedTotal"), <Money key="total" amount={proposal.total} />, "proposed-total"],
              [t("figRemainingBefore"), <Money key="before" amount={proposal.remainingBefore} />, "remaining-before"],
              [t("figRemainingAfter"), <Money key="after" amount={proposal.remainingAfter} />, "remaining-after"],
            ],
            "proposal-figures",
          )}
          <h3 className="text-lg font-semibold">{t("fundedTitle")}</h3>
          <Table
            id="proposal-funded"
            caption={t("fundedCaption", { count: proposal.funded.length })}
            captionHidden
            layout="stack"
            columns={proposalColumns}
            rows={proposal.funded}
            rowKey={(r) => r.applicationId}
            empty={t("fundedEmpty")}
          />
          <ConfirmProposal
            callId={call.id}
            order={proposal.order}
            fingerprint={proposal.fingerprint}
            count={proposal.funded.length}
            total={formatMoney(proposal.total, locale)}
            after={formatMoney(proposal.remainingAfter, locale)}
          />
          <h3 className="text-lg font-semibold">{t("leftTitle")}</h3>
          <Table
            id="proposal-left"
            caption={t("leftCaption", { count: proposal.left.length })}
            captionHidden
            layout="stack"
            columns={proposalColumns}
            rows={proposal.left}
            rowKey={(r) => r.applicationId}
            empty={t("leftEmpty")}
          />
        </section>
      ) : null}

      <OfferProvider>
        <section aria-labelledby="awards-title" className="space-y-4">
          <h2 id="awards-title" className="text-xl font-semibold">
            {t("awardsTitle")}
          </h2>
          <OfferBanner amount={grant} />
          <Table
            id="awards"
            caption={t("awardsCaption", { count: awards.length })}
            captionHidden
            layout="stack"
            columns={awardColumns}
            rows={awards}
            rowKey={(a) => a.awardId}
            empty={t("awardsEmpty")}
          />
        </section>
      </OfferProvider>

      {published && !archived ? (
        <section aria-labelledby="waitlist-title" className="space-y-4">
          <h2 id="waitlist-title" className="text-xl font-semibold">
            {t("waitlistTitle")}
          </h2>
          <p className="max-w-prose text-slate-700">{t("waitlistIntro")}</p>
          {orderNav}
          <Table
            id="waitlist"
            caption={t("waitlistCaption", { count: waiting.length })}
            captionHidden
            layout="stack"
            columns={waitlistColumns}
            rows={waiting}
            rowKey={(r) => r.applicationId}
            empty={t("waitlistEmpty")}
          />
        </section>
      ) : null}

      <section aria-labelledby="results-title" className="space-y-3">
        <h2 id="results-title" className="text-xl font-semibold">
          {t("resultsTitle")}
        </h2>
        {archived ? (
          <p className="text-slate-700">{t("archivedDone")}</p>
        ) : published ? (
          <>
            <p className="max-w-prose text-slate-700">{t("archiveIntro")}</p>
            <ArchiveCall callId={call.id} />
          </>
        ) : (
          <>
            <p className="max-w-prose text-slate-700">{t("publishIntro")}</p>
            <PublishResults callId={call.id} />
          </>
        )}
      </section>
    </div>
  );
}
