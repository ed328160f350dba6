import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationContent } from "@/app/_components/ApplicationContent";
import { Badge, type BadgeTone } from "@/app/_components/Badge";
import { DateTime } from "@/app/_components/DateTime";
import { Notice } from "@/app/_components/Notice";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { Table } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { applicationReference } from "@/lib/dal/applications";
import { adminApplicationView, type AdminApplicationReviewer } from "@/lib/dal/review-admin";
import { formatDate, formatDateTime } from "@/lib/domain/datetime";
import { districtName } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("AdminApplication");
  return { title: t("metaTitle", { reference: applicationReference(id) }), robots: { index: false } };
}

const REVIEW_TONES: Record<AdminApplicationReviewer["reviewStatus"], BadgeTone> = { none: "neutral", draft: "info", submitted: "success" };
const ASSIGNMENT_TONES: Record<AdminApplicationReviewer["assignmentStatus"], BadgeTone> = { assigned: "info", declined: "warning", removed: "neutral" };

/**
 * One application as an admin reads it: the applicant's name (personal data: the data layer writes the
 * audit row `application.read` with every load), status, screening outcome, reviewers and their reviews,
 * the submitted content and the attachments (downloads through /api/files, audited there). Admins only;
 * an unknown or malformed id answers 404.
 */
export default async function AdminApplicationPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const [t, tv, locale, view] = await Promise.all([
    getTranslations("AdminApplication"),
    getTranslations("ApplicationView"),
    getLocale() as Promise<Locale>,
    adminApplicationView({ id: viewer.id, role: viewer.role }, id),
  ]);
  if (!view) notFound();
  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 2 });
  const s = view.screening;

  return (
    <article className="space-y-8" aria-labelledby="app-title" data-testid="admin-application" data-status={view.status}>
      <p>
        <Link href={`/admin/calls/${view.call.id}/progress`} className="inline-block py-2 font-medium" data-testid="back-to-progress">
          ← {t("backToProgress")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{view.call.programmeName[locale]}</p>
        <p className="text-slate-700">
          <Link href={`/admin/calls/${view.call.id}`}>{view.call.title[locale]}</Link>
        </p>
        <h1 id="app-title" className="text-3xl font-bold break-words" data-testid="area-heading">
          <span className="font-mono" data-testid="application-reference">
            {view.reference}
          </span>{" "}
          · {view.title}
        </h1>
        <StatusBadge status={view.status} />
      </header>

      <Notice>{t("personalDataNote")}</Notice>
      {view.anonymisedAt ? (
        <p className="rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="content-removed">
          {t("contentRemoved", { date: formatDate(view.anonymisedAt, locale) })}
        </p>
      ) : null}

      <section aria-labelledby="summary-title" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="summary-title" className="sr-only">
          {t("summary")}
        </h2>
        <dl className="m-0 grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("applicant")}</dt>
            <dd className="m-0 font-semibold break-words" data-testid="applicant-name">
              <Link href={`/admin/users/${view.applicantId}`}>{view.applicantName}</Link>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("district")}</dt>
            <dd className="m-0">{districtName(view.districtCode, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("submittedAt")}</dt>
            <dd className="m-0">{view.submittedAt ? <DateTime value={view.submittedAt} withZone /> : t("notSubmitted")}</dd>
          </div>
          {view.revision ? (
            <div>
              <dt className="text-sm text-slate-600">{t("revision")}</dt>
              <dd className="m-0">{t("revisionOf", { number: view.revision.number, date: formatDateTime(view.revision.submittedAt, locale) })}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="screening-title" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4" data-testid="screening-outcome" data-outcome={s.kind}>
        <h2 id="screening-title" className="text-xl font-semibold">
          {t("screeningTitle")}
        </h2>
        <p className="m-0 font-medium">{t(`screening.${s.kind}`)}</p>
        {(s.kind === "passed" || s.kind === "refused") && s.at ? <p className="m-0 text-slate-700">{t("screenedOn", { date: formatDateTime(s.at, locale) })}</p> : null}
        {(s.kind === "passed" || s.kind === "refused") && s.by ? <p className="m-0 text-slate-700">{t("screenedBy", { name: s.by })}</p> : null}
        {s.kind === "refused" && s.reason ? <p className="m-0 break-words whitespace-pre-wrap">{t("refusalReason", { reason: s.reason })}</p> : null}
      </section>

      <section aria-labelledby="reviewers-title" className="space-y-3">
        <h2 id="reviewers-title" className="text-xl font-semibold">
          {t("reviewersTitle")}
        </h2>
        <Table
          id="application-reviewers"
          caption={t("reviewersCaption", { reference: view.reference })}
          captionHidden
          layout="stack"
          rows={view.reviewers}
          rowKey={(r) => r.assignmentId}
          empty={t("reviewersEmpty")}
          columns={[
            { key: "name", header: t("colReviewer"), rowHeader: true, cell: (r) => r.reviewerName },
            {
              key: "assignment",
              header: t("colAssignment"),
              cell: (r) => (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone={ASSIGNMENT_TONES[r.assignmentStatus]}>{t(`assignment.${r.assignmentStatus}`)}</Badge>
                  {r.assignmentStatus === "declined" && r.declineReason ? <span className="text-sm break-words text-slate-700">{t("declineReason", { reason: r.declineReason })}</span> : null}
                </span>
              ),
            },
            {
              key: "review",
              header: t("colReview"),
              cell: (r) => (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone={REVIEW_TONES[r.reviewStatus]} data-testid="reviewer-review-status" data-status={r.reviewStatus}>
                    {t(`reviewStatus.${r.reviewStatus}`)}
                  </Badge>
                  {r.submittedAt ? <DateTime value={r.submittedAt} className="text-sm text-slate-700" /> : null}
                  {r.reviewStatus === "draft" && r.reopenedAt ? <span className="text-sm text-slate-700">{t("reopenedOn", { date: formatDateTime(r.reopenedAt, locale) })}</span> : null}
                </span>
              ),
            },
            {
              key: "total",
              header: t("colTotal"),
              align: "end",
              cell: (r) => <span className="tabular-nums">{r.total === null ? "—" : t("totalValue", { total: nf.format(r.total), outOf: view.call.scoreOutOf })}</span>,
            },
          ]}
        />
      </section>

      <section aria-labelledby="content-title" className="space-y-3">
        <h2 id="content-title" className="text-2xl font-semibold">
          {t("contentTitle")}
        </h2>
        <p className="text-slate-700">{view.revision && view.status !== "draft" ? t("frozenNote", { number: view.revision.number }) : t("draftNote")}</p>
        <ApplicationContent view={view} />
        <section aria-labelledby="files-title" className="space-y-2">
          <h3 id="files-title" className="text-lg font-semibold">
            {tv("attachments")}
          </h3>
          {view.attachments.length ? (
            <ul className="m-0 list-disc space-y-1 ps-6" data-testid="attachments">
              {view.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/api/files/${f.id}`} aria-label={tv("download", { name: f.fileName })} className="break-all">
                    {f.fileName}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{tv("noAttachments")}</p>
          )}
        </section>
      </section>
    </article>
  );
}
