import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountPanel } from "@/app/_components/AccountPanel";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { EmptyState } from "@/app/_components/EmptyState";
import { TimeLeft } from "@/app/_components/TimeLeft";
import { requireRole } from "@/lib/auth/guard";
import { reviewQueue, type QueueGroup } from "@/lib/dal/review-queue";
import { districtName, type DistrictCode } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";
import { DeclareConflict, DeclineAssignment } from "../queue-controls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Reviewer");
  return { title: t("metaTitle"), robots: { index: false } };
}

const GROUPS: { group: QueueGroup; key: "groupTodo" | "groupInProgress" | "groupDone" }[] = [
  { group: "todo", key: "groupTodo" },
  { group: "in_progress", key: "groupInProgress" },
  { group: "done", key: "groupDone" },
];

export default async function ReviewerHomePage() {
  const viewer = await requireRole("reviewer");
  const [t, tq, locale] = await Promise.all([getTranslations("Reviewer"), getTranslations("ReviewQueue"), getLocale() as Promise<Locale>]);
  // Blind review: the queue's items carry no applicant's name or contact (lib/dal/review-queue.ts).
  const queue = await reviewQueue({ id: viewer.id, role: viewer.role });
  const total = queue.todo.length + queue.in_progress.length + queue.done.length;
  return (
    <div className="space-y-8">
      <section aria-labelledby="area-title" className="space-y-2">
        <h1 id="area-title" className="text-3xl font-bold" data-testid="area-heading">
          {t("hello", { name: viewer.givenName })}
        </h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </section>

      <section aria-labelledby="queue-title" className="space-y-4" data-testid="review-queue">
        <h2 id="queue-title" className="text-2xl font-bold">
          {tq("heading")}
        </h2>
        <p className="text-slate-700">{tq("blindNote")}</p>
        {total === 0 ? (
          <EmptyState
            title={tq("empty")}
            text={tq("emptyText")}
            action={{ href: "/#open-calls-title", label: tq("emptyAction"), "data-testid": "queue-empty-calls" }}
            headingLevel={3}
            data-testid="queue-empty"
          />
        ) : (
          <>
            {queue.todo.length + queue.in_progress.length === 0 ? (
              <EmptyState
                title={tq("allDoneTitle")}
                text={tq("allDoneText")}
                action={{ href: "#group-done", label: tq("allDoneAction"), "data-testid": "queue-all-done-link" }}
                headingLevel={3}
                data-testid="queue-all-done"
              />
            ) : null}
            {GROUPS.map(({ group, key }) => (
              <section key={group} aria-labelledby={`group-${group}`} className="space-y-3" data-testid={`queue-${group}`}>
                <h3 id={`group-${group}`} className="text-xl font-semibold">
                  {tq(key, { count: queue[group].length })}
                </h3>
                {queue[group].length === 0 ? (
                  <p className="text-slate-600">{tq("groupEmpty")}</p>
                ) : (
                  <ul className="space-y-3">
                    {queue[group].map((item) => (
                      <li key={item.assignmentId} className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="queue-item" data-reference={item.reference}>
                        <div className="space-y-1">
                          <p className="font-mono text-sm text-slate-600">{item.reference}</p>
                          <p className="text-lg font-semibold break-words">{item.title}</p>
                        </div>
                        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                          <dt className="font-medium text-slate-700">{tq("call")}</dt>
                          <dd className="break-words">{item.callTitle[locale]}</dd>
                          <dt className="font-medium text-slate-700">{tq("programme")}</dt>
                          <dd className="break-words">{item.programmeName[locale]}</dd>
                          <dt className="font-medium text-slate-700">{tq("district")}</dt>
                          <dd>{districtName(item.districtCode as DistrictCode, locale)}</dd>
                          <dt className="font-medium text-slate-700">{tq("deadline")}</dt>
                          <dd>
                            <DateTime value={item.reviewDeadline} locale={locale} /> · <TimeLeft deadline={item.reviewDeadline} closedLabel={tq("deadlinePassed")} />
                          </dd>
                        </dl>
                        <p>
                          <Link
                            href={`/review/${item.assignmentId}`}
                            className={buttonClasses(group === "done" ? "secondary" : "primary", "w-full sm:w-auto")}
                            aria-label={tq(group === "done" ? "openLabel" : group === "in_progress" ? "continueLabel" : "scoreLabel", { reference: item.reference })}
                            data-testid="open-review"
                          >
                            {tq(group === "done" ? "open" : group === "in_progress" ? "continue" : "score")}
                          </Link>
                        </p>
                        {group !== "done" ? (
                          <div className="flex flex-col gap-2 sm:flex-row">
                            <DeclareConflict applicationId={item.applicationId} reference={item.reference} />
                            <DeclineAssignment assignmentId={item.assignmentId} reference={item.reference} />
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </>
        )}
      </section>
      <AccountPanel />
    </div>
  );
}
