import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { ApplicationContent, fmt } from "@/app/_components/ApplicationContent";
import { Table } from "@/app/_components/Table";
import type { ApplicationView } from "@/lib/dal/my-applications";
import { formatMoney } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";

export { ApplicationContent };

/** The status history with dates in Almaty time. */
export async function Timeline({ view }: { view: ApplicationView }) {
  const t = await getTranslations("ApplicationView");
  return (
    <ol className="m-0 list-none space-y-3 border-s-2 border-brand-600 p-0 ps-4" data-testid="timeline">
      {view.timeline.map((item, i) => (
        <li key={`${item.event}-${i}`} data-testid="timeline-item" data-event={item.event} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -start-[1.4rem] h-3 w-3 rounded-full bg-brand-700 print:hidden" />
          <span className="block font-semibold">{t(`timeline.${item.event}`)}</span>
          <span className="block text-slate-700">
            <DateTime value={item.at} withZone />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The decision (screening refusal at once; award, waitlist, refusal once results are published). */
export async function DecisionBlock({ view }: { view: ApplicationView }) {
  const [t, locale] = await Promise.all([getTranslations("ApplicationView"), getLocale() as Promise<Locale>]);
  const d = view.decision;
  let body: ReactNode;
  if (!d) body = <p>{t("decisionPending")}</p>;
  else if (d.kind === "ineligible")
    body = (
      <>
        <p className="font-semibold">{t("decisionIneligible")}</p>
        {d.reason ? <p className="whitespace-pre-wrap">{t("decisionReason", { reason: d.reason })}</p> : null}
      </>
    );
  else if (d.kind === "awarded")
    body = (
      <p className="font-semibold">
        {d.amount !== null
          ? t("decisionAwarded", { amount: formatMoney(d.amount, locale) })
          : t("decisionAwardedNoAmount")}
      </p>
    );
  else if (d.kind === "waitlisted")
    body = (
      <>
        <p className="font-semibold">{t("decisionWaitlisted")}</p>
        <p data-testid="decision-reason">{t("decisionWaitlistedWhy", { min: fmt(d.minScore, locale, 2), outOf: d.scoreOutOf })}</p>
      </>
    );
  else if (d.kind === "not_awarded")
    body = (
      <>
        <p className="font-semibold">{t("decisionNotAwarded")}</p>
        <p data-testid="decision-reason">{t("decisionNotAwardedWhy", { min: fmt(d.minScore, locale, 2), outOf: d.scoreOutOf })}</p>
      </>
    );
  else
    body = (
      <>
        <p className="font-semibold">{t("decisionRevoked")}</p>
        {d.reason ? <p className="whitespace-pre-wrap">{t("decisionReason", { reason: d.reason })}</p> : null}
      </>
    );
  return (
    <div className="space-y-2" data-testid="decision" data-kind={d?.kind ?? "pending"}>
      {body}
    </div>
  );
}

/** Per-criterion feedback of the submitted reviews (anonymous), once results are published. */
export async function FeedbackBlock({ view }: { view: ApplicationView }) {
  const f = view.feedback;
  if (!f) return null;
  const [t, locale] = await Promise.all([getTranslations("ApplicationView"), getLocale() as Promise<Locale>]);
  return (
    <section aria-labelledby="feedback-title" className="space-y-3" data-testid="feedback">
      <h2 id="feedback-title" className="text-2xl font-semibold">
        {t("feedbackTitle")}
      </h2>
      <p className="text-slate-700">{t("feedbackIntro", { count: f.reviews })}</p>
      {f.total !== null ? <p className="font-semibold">{t("feedbackTotal", { total: fmt(f.total, locale, 2), outOf: f.scoreOutOf })}</p> : null}
      <Table
        id="feedback-table"
        caption={t("feedbackCaption")}
        captionHidden
        layout="stack"
        rows={f.criteria}
        rowKey={(c) => c.code}
        columns={[
          { key: "c", header: t("criterion"), rowHeader: true, cell: (c) => c.name[locale] },
          {
            key: "s",
            header: t("averageScore"),
            align: "end",
            cell: (c) => (c.average === null ? t("notScored") : t("scoreOf", { score: fmt(c.average, locale, 1), max: c.scaleMax })),
          },
          {
            key: "k",
            header: t("comments"),
            cell: (c) =>
              c.comments.length ? (
                <ul className="m-0 list-disc ps-5">
                  {c.comments.map((x, i) => (
                    <li key={i} className="whitespace-pre-wrap">
                      {x}
                    </li>
                  ))}
                </ul>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {f.comments.length ? (
        <div className="space-y-1">
          <h3 className="text-lg font-semibold">{t("generalComments")}</h3>
          <ul className="m-0 list-disc space-y-1 ps-5">
            {f.comments.map((c, i) => (
              <li key={i} className="whitespace-pre-wrap">
                {c}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
