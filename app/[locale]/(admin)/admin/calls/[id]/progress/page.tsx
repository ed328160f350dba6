import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/app/_components/Badge";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { Table, type Column } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { callReviewProgress, type ApplicationProgress, type ProgressReview, type ReviewerProgress } from "@/lib/dal/review-progress";
import { formatDateTime } from "@/lib/domain/datetime";
import { districtName } from "@/lib/domain/districts";
import type { ApplicationWork } from "@/lib/domain/review-progress";
import type { Locale } from "@/lib/i18n/routing";
import { ReopenReview } from "./reopen-review";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminProgress");
  return { title: t("metaTitle"), robots: { index: false } };
}

const WORK_TONES: Record<ApplicationWork, BadgeTone> = {
  needs_reviewer: "danger",
  disagreement: "warning",
  awaiting_reviews: "info",
  complete: "success",
};
const REVIEW_TONES: Record<ProgressReview["status"], BadgeTone> = { none: "neutral", draft: "info", submitted: "success" };

/**
 * The review progress of one call (admins only: the layout's guard, this page's, and the data layer's
 * check): per reviewer what is assigned, in progress, submitted and declined; per application its reviewers,
 * submitted reviews of k, the totals' spread with the ranking's disagreement flag, each review's scores by
 * criterion, "Reopen" on a submitted review and a link to add a reviewer. The admin's work comes first.
 */
export default async function ProgressPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const [t, locale, progress] = await Promise.all([
    getTranslations("AdminProgress"),
    getLocale() as Promise<Locale>,
    callReviewProgress({ id: viewer.id, role: viewer.role }, id),
  ]);
  if (!progress) notFound();
  const { call, totals } = progress;
  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 2 });
  const pf = new Intl.NumberFormat(`${locale}-KZ`, { style: "percent", maximumFractionDigits: 0 });
  const threshold = nf.format(progress.threshold);
  const criteria = new Map(progress.criteria.map((c) => [c.id, c]));

  const figures: [string, string, string][] = [
    [t("figApplications"), String(totals.applications), "applications"],
    [t("figNeedsReviewer"), String(totals.needsReviewer), "needs-reviewer"],
    [t("figDisagreements"), String(totals.disagreements), "disagreements"],
    [t("figComplete"), String(totals.complete), "complete"],
    [t("figReviews"), t("figReviewsValue", { submitted: totals.submitted, expected: totals.expected }), "reviews"],
    [t("figPerApplication"), String(call.k), "per-application"],
    [t("figThreshold"), t("thresholdValue", { threshold, outOf: call.scoreOutOf }), "threshold"],
  ];

  const count = (testId: string, n: number) => (
    <span className="tabular-nums" data-testid={testId}>
      {n}
    </span>
  );
  const reviewerColumns: Column<ReviewerProgress>[] = [
    { key: "name", header: t("colReviewer"), rowHeader: true, cell: (r) => r.name },
    { key: "active", header: t("colActive"), align: "end", cell: (r) => count("reviewer-active", r.active) },
    { key: "not-started", header: t("colNotStarted"), align: "end", cell: (r) => count("reviewer-not-started", r.notStarted) },
    { key: "draft", header: t("colDraft"), align: "end", cell: (r) => count("reviewer-draft", r.draft) },
    { key: "submitted", header: t("colSubmitted"), align: "end", cell: (r) => count("reviewer-submitted", r.submitted) },
    { key: "declined", header: t("colDeclined"), align: "end", cell: (r) => count("reviewer-declined", r.declined) },
    {
      key: "done",
      header: t("colDone"),
      align: "end",
      cell: (r) => (
        <span className="tabular-nums" data-testid="reviewer-done">
          {r.shareDone === null ? "—" : pf.format(r.shareDone)}
        </span>
      ),
    },
  ];

  const reviewItem = (a: ApplicationProgress, r: ProgressReview) => (
    <li key={r.assignmentId} className="space-y-1 border-b border-slate-200 pb-2 last:border-b-0 last:pb-0" data-testid="progress-review" data-reviewer={r.reviewerName} data-status={r.status}>
      <p className="m-0 flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium">{r.reviewerName}</span>
        <Badge tone={REVIEW_TONES[r.status]} data-testid="review-status">
          {t(`reviewStatus.${r.status}`)}
        </Badge>
        {r.total !== null ? (
          <span className="tabular-nums" data-testid="review-total">
            {t("totalValue", { total: nf.format(r.total), outOf: call.scoreOutOf })}
          </span>
        ) : null}
      </p>
      {r.status === "submitted" && (r.scores.length > 0 || r.comment) ? (
        <details className="text-sm">
          <summary className="cursor-pointer py-1 font-medium text-brand-700 underline underline-offset-2" data-testid="review-scores-toggle">
            {t("scores")}
          </summary>
          <dl className="m-0 mt-1 space-y-1" data-testid="review-scores">
            {r.scores.map((s) => {
              const c = criteria.get(s.criterionId);
              return (
                <div key={s.criterionId} className="flex flex-wrap justify-between gap-x-3">
                  <dt className="min-w-0 text-slate-700">{c ? c.name[locale] : s.criterionId}</dt>
                  <dd className="m-0 tabular-nums">{t("criterionScore", { score: s.score, max: c?.scaleMax ?? "—" })}</dd>
                </div>
              );
            })}
          </dl>
          {r.comment ? <p className="mt-1 break-words whitespace-pre-wrap text-slate-800">{t("comment", { comment: r.comment })}</p> : null}
        </details>
      ) : null}
      {r.status === "draft" && r.reopenedAt ? (
        <p className="m-0 text-sm break-words text-slate-700" data-testid="reopened-note">
          {t("reopenedNote", { date: formatDateTime(r.reopenedAt, locale), reason: r.reopenReason ?? "" })}
        </p>
      ) : null}
      {r.reopenable && r.reviewId ? <ReopenReview reviewId={r.reviewId} name={r.reviewerName} reference={a.reference} /> : null}
    </li>
  );

  const appColumns: Column<ApplicationProgress>[] = [
    {
      key: "app",
      header: t("colApplication"),
      rowHeader: true,
      cell: (a) => (
        <span className="block sm:min-w-40">
          <Link href={`/admin/applications/${a.id}`} aria-label={t("openLabel", { reference: a.reference })} className="font-mono" data-testid="application-link">
            {a.reference}
          </Link>
          <span className="block font-normal break-words">{a.title}</span>
          <span className="block text-sm font-normal text-slate-600">{districtName(a.districtCode, locale)}</span>
          <StatusBadge status={a.status} className="mt-1" />
        </span>
      ),
    },
    {
      key: "progress",
      header: t("colProgress"),
      cell: (a) => (
        <span className="block sm:min-w-36">
          <span className="block" data-testid="app-submitted">
            {t("submittedOfK", { count: a.submitted, k: a.k })}
          </span>
          <span className="block text-sm text-slate-700" data-testid="app-active">
            {t("reviewersOfK", { count: a.active, k: a.k })}
          </span>
        </span>
      ),
    },
    {
      key: "totals",
      header: t("colTotals"),
      align: "end",
      cell: (a) => <span className="tabular-nums whitespace-nowrap">{a.min === null ? "—" : a.min === a.max ? nf.format(a.min) : `${nf.format(a.min)}–${nf.format(a.max!)}`}</span>,
    },
    {
      key: "needs",
      header: t("colNeeds"),
      cell: (a) => (
        <span className="flex flex-col items-start gap-2">
          <Badge tone={WORK_TONES[a.work]} data-testid="app-work" data-work={a.work}>
            {t(`work.${a.work}`)}
          </Badge>
          {a.disagreement ? (
            <Badge tone="warning" data-testid="disagreement">
              {t("spread", { threshold })}
            </Badge>
          ) : null}
          {a.status === "in_review" ? (
            <Link href={`/admin/calls/${call.id}/assignments#app-${a.id}`} aria-label={t("addReviewerLabel", { reference: a.reference })} className="py-1" data-testid="add-reviewer-link">
              {t("addReviewer")}
            </Link>
          ) : null}
        </span>
      ),
    },
    {
      key: "details",
      header: t("colDetails"),
      // Below 640 px the reviews take the card's whole width, under their header.
      className: "max-sm:grid-cols-1! sm:w-2/5",
      cell: (a) =>
        a.reviews.length === 0 ? (
          <span className="text-slate-700">{t("noActive")}</span>
        ) : (
          <ul className="m-0 list-none space-y-2 p-0">{a.reviews.map((r) => reviewItem(a, r))}</ul>
        ),
    },
  ];

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

      <dl className="m-0 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="progress-figures">
        {figures.map(([label, value, key]) => (
          <div key={key} className="rounded-lg border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="m-0 text-lg font-semibold tabular-nums" data-testid={`figure-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="reviewers-title" className="space-y-3">
        <h2 id="reviewers-title" className="text-xl font-semibold">
          {t("reviewersTitle")}
        </h2>
        <Table
          id="progress-reviewers"
          caption={t("reviewersCaption", { count: progress.reviewers.length })}
          captionHidden
          layout="stack"
          columns={reviewerColumns}
          rows={progress.reviewers}
          rowKey={(r) => r.id}
          empty={t("reviewersEmpty")}
        />
      </section>

      <section aria-labelledby="apps-title" className="space-y-3">
        <h2 id="apps-title" className="text-xl font-semibold">
          {t("appsTitle")}
        </h2>
        <Table
          id="progress-applications"
          caption={t("appsCaption", { count: progress.applications.length })}
          captionHidden
          layout="stack"
          columns={appColumns}
          rows={progress.applications}
          rowKey={(a) => a.id}
          empty={t("appsEmpty")}
        />
      </section>
    </div>
  );
}
