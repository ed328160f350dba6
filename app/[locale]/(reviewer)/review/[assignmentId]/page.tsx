import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationContent, fmt } from "@/app/_components/ApplicationContent";
import { AttachmentList } from "@/app/_components/AttachmentList";
import { DateTime } from "@/app/_components/DateTime";
import { Notice } from "@/app/_components/Notice";
import { Table } from "@/app/_components/Table";
import { TimeLeft } from "@/app/_components/TimeLeft";
import { requireRole } from "@/lib/auth/guard";
import { getReviewWorkspace, type ReviewWorkspace } from "@/lib/dal/reviews";
import { districtName } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";
import { QueueNav } from "./queue-nav";
import { ScoringForm } from "./scoring-form";

type Props = { params: Promise<{ assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Scoring");
  // The reference is not put in the title: titles end up in browser history shared by a household.
  return { title: t("formTitle"), robots: { index: false } };
}

/** My submitted scores, read-only, and — only now — the other reviewers' submitted scores without names. */
async function SubmittedReview({ w, locale }: { w: ReviewWorkspace; locale: Locale }) {
  const t = await getTranslations("Scoring");
  const name = (id: string) => w.criteria.find((c) => c.id === id)?.name[locale] ?? "";
  return (
    <div className="space-y-6">
      <section aria-labelledby="done-title" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="submitted-review">
        <h3 id="done-title" className="text-xl font-semibold">
          {t("doneTitle")}
        </h3>
        <dl className="m-0 grid gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("myTotal")}</dt>
            <dd className="m-0 text-lg font-semibold" data-testid="my-total">
              {t("totalPreview", { total: fmt(w.review.total ?? 0, locale, 2), outOf: w.call.scoreOutOf })}
            </dd>
          </div>
          {w.review.submittedAt ? (
            <div>
              <dt className="text-sm text-slate-600">{t("doneOn")}</dt>
              <dd className="m-0">
                <DateTime value={w.review.submittedAt} withZone />
              </dd>
            </div>
          ) : null}
        </dl>
        <Table
          id="my-scores"
          caption={t("scoresCaption", { reference: w.reference })}
          captionHidden
          layout="stack"
          rows={w.criteria}
          rowKey={(c) => c.id}
          columns={[
            { key: "c", header: t("colCriterion"), rowHeader: true, cell: (c) => name(c.id) },
            { key: "s", header: t("colScore"), align: "end", cell: (c) => <span data-testid="my-score">{w.review.scores[c.id] ?? "—"}</span> },
            { key: "m", header: t("colComment"), cell: (c) => <span className="whitespace-pre-wrap">{w.review.comments[c.id] ?? ""}</span> },
          ]}
        />
        <div>
          <p className="text-sm font-semibold text-slate-700">{t("overallComment")}</p>
          <p className="whitespace-pre-wrap break-words">{w.review.comment}</p>
        </div>
      </section>

      <section aria-labelledby="others-title" className="space-y-3" data-testid="other-reviews">
        <h3 id="others-title" className="text-xl font-semibold">
          {t("othersTitle")}
        </h3>
        <p className="text-slate-700">{t("othersNote")}</p>
        {w.others && w.others.length ? (
          <Table
            id="other-scores"
            caption={t("othersCaption", { reference: w.reference })}
            captionHidden
            layout="scroll"
            rows={w.others}
            rowKey={(o) => String(o.label)}
            columns={[
              { key: "r", header: t("colCriterion"), rowHeader: true, cell: (o) => t("reviewerN", { n: o.label }) },
              ...w.criteria.map((c, i) => ({ key: c.id, header: `${i + 1}. ${c.name[locale]}`, align: "end" as const, cell: (o: { scores: Record<string, number> }) => o.scores[c.id] ?? "—" })),
              { key: "t", header: t("colTotal"), align: "end", cell: (o) => <span data-testid="other-total">{fmt(o.total, locale, 2)}</span> },
            ]}
          />
        ) : (
          <p className="text-slate-700">{t("othersNone")}</p>
        )}
      </section>
    </div>
  );
}

/**
 * Scoring one assigned application. Left (or first, on a phone): the plan blind — no applicant's name,
 * IIN, phone, e-mail or address — with its computed forecast indicators, the district and the files.
 * Right: the rubric form (autosaved; submitted once), or my submitted review and then the others'.
 * Not mine, declined, removed or conflicted → 404 (lib/dal/reviews.ts decides and logs the read).
 */
export default async function ReviewPage({ params }: Props) {
  const viewer = await requireRole("reviewer");
  const { assignmentId } = await params;
  const [w, t, locale] = await Promise.all([
    getReviewWorkspace({ id: viewer.id, role: viewer.role }, assignmentId),
    getTranslations("Scoring"),
    getLocale() as Promise<Locale>,
  ]);
  if (!w) notFound();
  const submitted = w.review.status === "submitted";

  return (
    <article className="space-y-6" aria-labelledby="review-title" data-testid="review-page" data-reference={w.reference} data-review-status={w.review.status}>
      <p>
        <Link href="/review">← {t("backToQueue")}</Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{w.call.title[locale]}</p>
        <h1 id="review-title" className="text-2xl font-bold text-balance break-words sm:text-3xl">
          <span className="font-mono">{w.reference}</span> · {w.title}
        </h1>
        <dl className="m-0 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">{t("programme")}</dt>
          <dd className="m-0">{w.call.programmeName[locale]}</dd>
          <dt className="font-medium text-slate-700">{t("district")}</dt>
          <dd className="m-0" data-testid="review-district">
            {districtName(w.districtCode, locale)}
          </dd>
          {w.submittedAt ? (
            <>
              <dt className="font-medium text-slate-700">{t("submittedOn")}</dt>
              <dd className="m-0">
                <DateTime value={w.submittedAt} withZone />
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">{t("reviewDeadline")}</dt>
          <dd className="m-0">
            <DateTime value={w.call.reviewDeadline} withZone /> · <TimeLeft deadline={w.call.reviewDeadline} closedLabel={t("deadlinePassed")} />
          </dd>
        </dl>
      </header>
      <QueueNav id="queue-nav-top" {...w.queue} />
      <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-700">{t("blindNote")}</p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)] lg:items-start">
        <section aria-labelledby="plan-title" className="min-w-0 space-y-4">
          <h2 id="plan-title" className="text-2xl font-semibold">
            {t("planTitle")}
          </h2>
          <ApplicationContent view={{ sections: w.sections, content: w.content, directions: w.directions, call: { awardAmount: w.call.awardAmount } }} />
          <AttachmentList files={w.attachments} title={t("filesTitle")} downloadLabel={(name) => t("download", { name })} empty={t("noFiles")} />
        </section>

        <section aria-labelledby="form-title" className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pe-1">
          <h2 id="form-title" className="text-2xl font-semibold">
            {t("formTitle")}
          </h2>
          {w.review.reopened && !submitted ? (
            <Notice>
              <p className="font-semibold">{t("reopenedTitle")}</p>
              <p className="whitespace-pre-wrap" data-testid="reopen-reason">
                {t("reopenedBody", { reason: w.review.reopened.reason })}
              </p>
            </Notice>
          ) : null}
          {submitted ? (
            <SubmittedReview w={w} locale={locale} />
          ) : w.editable ? (
            <>
              <p className="text-slate-700" data-testid="others-hidden">
                {t("othersHidden")}
              </p>
              <ScoringForm
                assignmentId={w.assignmentId}
                reference={w.reference}
                scoreOutOf={w.call.scoreOutOf}
                criteria={w.criteria.map((c) => ({ id: c.id, name: c.name[locale], description: c.description[locale], scaleMin: c.scaleMin, scaleMax: c.scaleMax, weight: c.weight }))}
                initial={{
                  version: w.review.version,
                  comment: w.review.comment,
                  scores: w.review.scores,
                  comments: w.review.comments,
                  savedAt: w.review.updatedAt ? w.review.updatedAt.toISOString() : null,
                }}
              />
            </>
          ) : (
            <Notice>{t("closedNotice")}</Notice>
          )}
        </section>
      </div>
      <QueueNav id="queue-nav-bottom" {...w.queue} />
    </article>
  );
}
