import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { NavCards } from "@/app/_components/NavCards";
import { Notice } from "@/app/_components/Notice";
import { requireRole } from "@/lib/auth/guard";
import { getAdminCall } from "@/lib/dal/admin-calls";
import type { Locale } from "@/lib/i18n/routing";
import { PhaseBadge } from "../phase-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCalls");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; created?: string }> };

/** One call's hub: its key figures and the steps of the round (screening, conflicts, assignments). */
export default async function AdminCallPage({ params, searchParams }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const { saved, created } = await searchParams;
  const [t, te, tExports, locale, call] = await Promise.all([
    getTranslations("AdminCalls"),
    getTranslations("AdminEditor"),
    getTranslations("AdminExports"),
    getLocale() as Promise<Locale>,
    getAdminCall({ id: viewer.id, role: viewer.role }, id),
  ]);
  if (!call) notFound();

  const figures: [string, React.ReactNode, string][] = [
    [t("opensAt"), <DateTime key="o" value={call.opensAt} withZone />, "opens"],
    [t("closesAt"), <DateTime key="c" value={call.closesAt} withZone />, "closes"],
    [t("reviewDeadline"), <DateTime key="r" value={call.reviewDeadline} withZone />, "review-deadline"],
    [t("budget"), <Money key="b" amount={call.budgetCap} />, "budget"],
    [t("awarded"), <Money key="a" amount={call.awardedTotal} />, "awarded"],
    [t("awardAmount"), <Money key="g" amount={call.awardAmount} />, "award-amount"],
    [t("drafts"), call.draftCount, "drafts"],
    [t("submitted"), call.submittedCount, "submitted"],
    [t("awaiting"), call.awaitingScreening, "awaiting"],
    [t("ineligible"), call.ineligibleCount, "ineligible"],
    [t("inReview"), call.inReviewCount, "in-review"],
    [t("reviewersPerApplication"), call.reviewersPerApplication, "reviewers-per-application"],
  ];

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href="/admin/calls">← {t("back")}</Link>
        </p>
        <p className="text-sm font-semibold text-brand-700">{call.programmeName[locale]}</p>
        <h1 className="text-2xl font-bold text-balance sm:text-3xl" data-testid="page-heading">
          {call.title[locale]}
        </h1>
        <PhaseBadge phase={call.phase} />
      </header>
      {saved || created ? (
        <Notice tone="success">
          <span data-testid="call-saved-notice">{created ? te("callCreated") : te("callSaved")}</span>
        </Notice>
      ) : null}

      <section aria-labelledby="figures-title" className="space-y-3">
        <h2 id="figures-title" className="text-xl font-semibold">
          {t("figures")}
        </h2>
        <dl className="m-0 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="call-figures">
          {figures.map(([label, value, key]) => (
            <div key={key} className="rounded-lg border border-slate-300 bg-white p-3">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="m-0 text-lg font-semibold" data-testid={`figure-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <nav aria-labelledby="steps-title" className="space-y-3">
        <h2 id="steps-title" className="text-xl font-semibold">
          {t("steps")}
        </h2>
        <NavCards
          cards={[
            { href: `/admin/calls/${call.id}/screening`, label: t("screeningLink"), description: t("screeningDescription", { count: call.awaitingScreening }), testId: "screening-link" },
            { href: `/admin/calls/${call.id}/conflicts`, label: t("conflictsLink"), description: t("conflictsDescription"), testId: "conflicts-link" },
            { href: `/admin/calls/${call.id}/assignments`, label: t("assignmentsLink"), description: t("assignmentsDescription"), testId: "assignments-link" },
            { href: `/admin/calls/${call.id}/ranking`, label: t("rankingLink"), description: t("rankingDescription"), testId: "ranking-link" },
            { href: `/admin/calls/${call.id}/progress`, label: t("progressLink"), description: t("progressDescription"), testId: "progress-link" },
            { href: `/admin/calls/${call.id}/awards`, label: t("awardsLink"), description: t("awardsDescription"), testId: "awards-link" },
            { href: `/admin/calls/${call.id}/protocol`, label: t("protocolLink"), description: t("protocolDescription"), testId: "protocol-link" },
            { href: `/admin/calls/${call.id}/exports`, label: tExports("hubLink"), description: tExports("hubDescription"), testId: "exports-link" },
            { href: `/admin/calls/${call.id}/edit`, label: te("editCallLink"), description: te("editCallDescription"), testId: "edit-call-link" },
            { href: `/admin/calls/new?from=${call.id}`, label: te("cloneCallLink"), description: te("cloneCallDescription"), testId: "clone-call-link" },
          ]}
        />
      </nav>
    </div>
  );
}
