import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/app/_components/Badge";
import { DateTime } from "@/app/_components/DateTime";
import { EmptyState } from "@/app/_components/EmptyState";
import { requireRole } from "@/lib/auth/guard";
import { assignmentOverview } from "@/lib/dal/assignments";
import { districtName, type DistrictCode } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";
import { AddReviewer, AutoAssignButton, RemoveAssignment } from "./controls";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminAssignments");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * Reviewer assignment of one call (admins only: the layout's guard, and the data layer checks the actor
 * again): k and the review deadline, automatic assignment, per application its reviewers with remove and
 * add, unfilled applications highlighted, reviewers' loads, and declined assignments with their reasons.
 */
export default async function AssignmentsPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const [t, locale, overview] = await Promise.all([
    getTranslations("AdminAssignments"),
    getLocale() as Promise<Locale>,
    assignmentOverview({ id: viewer.id, role: viewer.role }, id),
  ]);
  if (!overview) notFound();
  const { call } = overview;
  const callTitle = locale === "kk" ? call.titleKk : locale === "ru" ? call.titleRu : call.titleEn;
  const reviewStatus = { none: t("reviewNone"), draft: t("reviewDraft"), submitted: t("reviewSubmitted") } as const;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href="/admin" className="inline-block py-2 font-medium" data-testid="back-to-admin">
          ← {t("back")}
        </Link>
        <h1 className="text-3xl font-bold" data-testid="area-heading">
          {t("title")}
        </h1>
        <p className="text-lg text-slate-700">{callTitle}</p>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("perApplication")}</dt>
          <dd className="m-0" data-testid="per-application">
            {call.perApplication}
          </dd>
          <dt className="font-medium">{t("reviewDeadline")}</dt>
          <dd className="m-0">
            <DateTime value={call.reviewDeadline} withZone />
          </dd>
        </dl>
      </div>

      <section aria-labelledby="auto-title" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="auto-title" className="text-xl font-semibold">
          {t("autoTitle")}
        </h2>
        <p className="text-slate-700">{t("autoHelp")}</p>
        <AutoAssignButton callId={call.id} />
      </section>

      <section aria-labelledby="loads-title" className="space-y-3">
        <h2 id="loads-title" className="text-xl font-semibold">
          {t("loadsTitle")}
        </h2>
        {overview.reviewers.length === 0 ? (
          <p>{t("noReviewers")}</p>
        ) : (
          // A region that scrolls sideways on a phone can be reached and scrolled with the keyboard.
          <div role="region" aria-labelledby="loads-title" tabIndex={0} className="overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="loads">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    {t("colReviewer")}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    {t("colLoad")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("colDeclined")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.reviewers.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200" data-testid="load-row">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {r.name}
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums" data-testid="load">
                      {r.load}
                    </td>
                    <td className="py-2 text-right tabular-nums">{r.declined}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="apps-title" className="space-y-3">
        <h2 id="apps-title" className="text-xl font-semibold">
          {t("appsTitle")}
        </h2>
        {overview.applications.length === 0 ? (
          <EmptyState
            title={t("noApps")}
            text={t("noAppsText")}
            action={{ href: `/admin/calls/${call.id}/screening`, label: t("noAppsAction"), "data-testid": "no-apps-screening" }}
            headingLevel={3}
            data-testid="no-apps"
          />
        ) : (
          <ul className="m-0 list-none space-y-4 p-0">
            {overview.applications.map((a) => (
              <li
                key={a.id}
                id={`app-${a.id}`}
                className={`space-y-3 rounded-lg border bg-white p-4 ${a.missing > 0 ? "border-2 border-amber-600 bg-amber-50" : "border-slate-300"}`}
                data-testid="assign-app"
                data-reference={a.reference}
                data-missing={a.missing}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">
                    <span className="font-mono">{a.reference}</span> · {a.title}
                  </h3>
                  {a.missing > 0 ? <Badge tone="warning">{t("missing", { count: a.missing })}</Badge> : <Badge tone="success">{t("full")}</Badge>}
                </div>
                <p className="text-slate-700">{districtName(a.districtCode as DistrictCode, locale)}</p>
                {a.reviewers.length === 0 ? (
                  <p className="text-slate-700">{t("noneAssigned")}</p>
                ) : (
                  <ul className="m-0 list-none space-y-2 p-0">
                    {a.reviewers.map((r) => (
                      <li key={r.assignmentId} className="flex flex-wrap items-center justify-between gap-2" data-testid="assigned-reviewer" data-name={r.name}>
                        <span>
                          {r.name} <span className="text-sm text-slate-600">({reviewStatus[r.reviewStatus]})</span>
                        </span>
                        <RemoveAssignment callId={call.id} assignmentId={r.assignmentId} name={r.name} reference={a.reference} />
                      </li>
                    ))}
                  </ul>
                )}
                <AddReviewer callId={call.id} applicationId={a.id} reference={a.reference} options={a.addable} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="declined-title" className="space-y-3">
        <h2 id="declined-title" className="text-xl font-semibold">
          {t("declinedTitle")}
        </h2>
        {overview.declined.length === 0 ? (
          <p>{t("declinedEmpty")}</p>
        ) : (
          <ul className="m-0 list-none space-y-2 p-0" data-testid="declined">
            {overview.declined.map((d) => (
              <li key={d.assignmentId} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="font-medium">{t("declinedBy", { name: d.reviewerName, reference: d.reference })}</p>
                <p className="text-slate-700">{t("declinedReason", { reason: d.reason })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
