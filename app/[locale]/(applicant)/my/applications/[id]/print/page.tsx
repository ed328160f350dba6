import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { requireRole } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { applicationReference } from "@/lib/dal/applications";
import { getApplicationView } from "@/lib/dal/my-applications";
import { formatDateTime } from "@/lib/domain/datetime";
import type { Locale } from "@/lib/i18n/routing";
import { ApplicationContent, DecisionBlock, FeedbackBlock, Timeline } from "../../_components/view-parts";
import { PrintButton } from "@/app/_components/PrintButton";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("ApplicationView");
  return { title: t("metaTitle", { reference: applicationReference(id) }), robots: { index: false } };
}

/**
 * A printable summary of my application: everything on one page without the portal's header and
 * footer (globals.css hides them for pages marked data-print-page), laid out for paper.
 */
export default async function PrintPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireRole("applicant");
  const [view, t, tStatus, tCommon, locale] = await Promise.all([
    getApplicationView({ id: viewer.id, role: "applicant" }, id),
    getTranslations("ApplicationView"),
    getTranslations("ApplicationStatus"),
    getTranslations("Common"),
    getLocale() as Promise<Locale>,
  ]);
  if (!view) notFound();
  return (
    <article data-print-page="application" data-testid="application-print" className="mx-auto max-w-3xl space-y-6 print:max-w-none print:text-[11pt]">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label={t("printNow")} />
        <Link href={`/my/applications/${view.id}`} className="inline-flex min-h-11 items-center">← {t("backToList")}</Link>
      </div>
      <header className="space-y-1 border-b-2 border-slate-900 pb-3">
        <p className="text-sm font-semibold">{tCommon("portalName")}</p>
        <h1 className="text-2xl font-bold">{view.call.title[locale]}</h1>
        <p>{view.call.programmeName[locale]}</p>
      </header>
      <dl className="m-0 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-600">{t("reference")}</dt>
          <dd className="m-0 font-mono font-semibold" data-testid="print-reference">
            {view.reference}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("status")}</dt>
          <dd className="m-0 font-semibold">{tStatus(view.status)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("deadline")}</dt>
          <dd className="m-0">
            <DateTime value={view.call.closesAt} withZone />
          </dd>
        </div>
        {view.submittedAt ? (
          <div>
            <dt className="text-sm text-slate-600">{t("submittedAt")}</dt>
            <dd className="m-0">
              <DateTime value={view.submittedAt} withZone />
            </dd>
          </div>
        ) : null}
        {view.revision ? (
          <>
            <div>
              <dt className="text-sm text-slate-600">{t("revision")}</dt>
              <dd className="m-0">{t("revisionOf", { number: view.revision.number, date: formatDateTime(view.revision.submittedAt, locale) })}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-sm text-slate-600">{t("contentHash")}</dt>
              <dd className="m-0 font-mono text-sm break-all">{view.revision.contentHash}</dd>
            </div>
          </>
        ) : null}
      </dl>

      {view.decision ? (
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("decisionTitle")}</h2>
          <DecisionBlock view={view} />
        </section>
      ) : null}
      <FeedbackBlock view={view} />

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("contentTitle")}</h2>
        <ApplicationContent view={view} />
        <h3 className="text-lg font-semibold">{t("attachments")}</h3>
        {view.attachments.length ? (
          <ul className="m-0 list-disc ps-6">
            {view.attachments.map((f) => (
              <li key={f.id} className="break-all">
                {f.fileName}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noAttachments")}</p>
        )}
      </section>

      <section className="break-inside-avoid-page space-y-2">
        <h2 className="text-xl font-semibold">{t("timelineTitle")}</h2>
        <Timeline view={view} />
      </section>
      <p className="border-t border-slate-300 pt-2 text-sm text-slate-600">{t("printedAt", { date: formatDateTime(now(), locale) })}</p>
    </article>
  );
}
