import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AttachmentList } from "@/app/_components/AttachmentList";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { Notice } from "@/app/_components/Notice";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { TimeLeft } from "@/app/_components/TimeLeft";
import { requireRole } from "@/lib/auth/guard";
import { applicationReference } from "@/lib/dal/applications";
import { getApplicationView } from "@/lib/dal/my-applications";
import { formatDate, formatDateTime } from "@/lib/domain/datetime";
import type { Locale } from "@/lib/i18n/routing";
import { ApplicationContent, DecisionBlock, FeedbackBlock, Timeline } from "../_components/view-parts";
import { StatusControls } from "./status-controls";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("ApplicationView");
  return { title: t("metaTitle", { reference: applicationReference(id) }), robots: { index: false } };
}

/**
 * My application, read-only: what was submitted (the frozen revision) by sections, the status
 * history, withdraw / reopen before the deadline, the decision and, once published, the feedback.
 * Anyone else's id, or a malformed one, answers 404.
 */
export default async function ApplicationPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireRole("applicant");
  const [view, t, locale] = await Promise.all([
    getApplicationView({ id: viewer.id, role: "applicant" }, id),
    getTranslations("ApplicationView"),
    getLocale() as Promise<Locale>,
  ]);
  if (!view) notFound();
  const deadline = formatDateTime(view.call.closesAt, locale);
  const showDecision = !["draft", "withdrawn", "submitted"].includes(view.status) || view.decision !== null;

  return (
    <article className="space-y-8" aria-labelledby="app-title" data-testid="application-view" data-status={view.status}>
      <p>
        <Link href="/my" className="inline-flex min-h-11 items-center">← {t("backToList")}</Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{view.call.programmeName[locale]}</p>
        <h1 id="app-title" className="text-3xl font-bold text-balance">
          {view.call.title[locale]}
        </h1>
        <p className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-lg font-semibold" data-testid="application-reference">
            {view.reference}
          </span>
          <StatusBadge status={view.status} />
        </p>
      </header>

      {view.status === "draft" ? (
        <div className="space-y-3">
          <Notice>{t("draftNotice")}</Notice>
          {!view.deadlinePassed ? (
            <Link href={`/my/applications/${view.id}/edit`} className={buttonClasses("primary")} data-testid="continue-editing">
              {t("continueEditing")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {view.status === "withdrawn" ? <Notice>{t("withdrawnNotice")}</Notice> : null}
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
            <dt className="text-sm text-slate-600">{t("deadline")}</dt>
            <dd className="m-0 font-semibold">
              <DateTime value={view.call.closesAt} withZone />
            </dd>
            <dd className="m-0 text-slate-700">
              <TimeLeft deadline={view.call.closesAt} />
            </dd>
          </div>
          {view.submittedAt ? (
            <div>
              <dt className="text-sm text-slate-600">{t("submittedAt")}</dt>
              <dd className="m-0" data-testid="submitted-at">
                <DateTime value={view.submittedAt} withZone />
              </dd>
            </div>
          ) : null}
          {view.withdrawnAt ? (
            <div>
              <dt className="text-sm text-slate-600">{t("withdrawnAt")}</dt>
              <dd className="m-0">
                <DateTime value={view.withdrawnAt} withZone />
              </dd>
            </div>
          ) : null}
          {view.revision ? (
            <div>
              <dt className="text-sm text-slate-600">{t("revision")}</dt>
              <dd className="m-0">{t("revisionOf", { number: view.revision.number, date: formatDateTime(view.revision.submittedAt, locale) })}</dd>
            </div>
          ) : null}
        </dl>
        <p className="mt-4">
          <Link href={`/my/applications/${view.id}/print`} className={buttonClasses("secondary")} data-testid="print-link">
            {t("print")}
          </Link>
        </p>
      </section>

      {view.canWithdraw || view.canReopen || (view.deadlinePassed && ["draft", "submitted", "withdrawn"].includes(view.status)) ? (
        <section aria-labelledby="actions-title" className="space-y-3">
          <h2 id="actions-title" className="text-2xl font-semibold">
            {t("actionsTitle")}
          </h2>
          {view.deadlinePassed ? (
            <p className="text-slate-700" data-testid="deadline-passed">
              {t("deadlinePassed", { deadline })}
            </p>
          ) : (
            <StatusControls
              applicationId={view.id}
              withdraw={
                view.canWithdraw
                  ? {
                      button: t("withdraw"),
                      title: t("withdrawTitle"),
                      body: t("withdrawBody", { deadline }),
                      confirm: t("withdrawConfirm"),
                      pending: t("withdrawing"),
                      done: t("withdrawDone"),
                    }
                  : null
              }
              reopen={
                view.canReopen
                  ? {
                      button: t("reopen"),
                      title: t("reopenTitle"),
                      body: t("reopenBody", { deadline }),
                      confirm: t("reopenConfirm"),
                      pending: t("reopening"),
                      done: t("reopenDone"),
                    }
                  : null
              }
            />
          )}
        </section>
      ) : null}

      {showDecision ? (
        <section aria-labelledby="decision-title" className="space-y-3 rounded-lg border-l-4 border-brand-700 bg-white p-4">
          <h2 id="decision-title" className="text-2xl font-semibold">
            {t("decisionTitle")}
          </h2>
          <DecisionBlock view={view} />
        </section>
      ) : null}

      <FeedbackBlock view={view} />

      <section aria-labelledby="timeline-title" className="space-y-3">
        <h2 id="timeline-title" className="text-2xl font-semibold">
          {t("timelineTitle")}
        </h2>
        <Timeline view={view} />
      </section>

      <section aria-labelledby="content-title" className="space-y-3">
        <h2 id="content-title" className="text-2xl font-semibold">
          {t("contentTitle")}
        </h2>
        <p className="text-slate-700">{view.status === "draft" || !view.revision ? t("draftNote") : t("frozenNote")}</p>
        <ApplicationContent view={view} />
        <AttachmentList files={view.attachments} title={t("attachments")} downloadLabel={(name) => t("download", { name })} empty={t("noAttachments")} />
      </section>
    </article>
  );
}
