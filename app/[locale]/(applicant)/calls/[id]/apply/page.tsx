import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { ClosedCall } from "@/app/[locale]/(public)/_components/ClosedCall";
import { requireRole } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { getApplyPage } from "@/lib/dal/applications";
import { eligibilityReasonText } from "@/lib/i18n/eligibility";
import type { Locale } from "@/lib/i18n/routing";
import { ApplyForm } from "./apply-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Wizard");
  return { title: t("applyMetaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

/**
 * "Can I apply?": the verdict from the profile and the programme's rules, then "Start" (applicants only).
 * After the deadline, without an application of one's own: that the call closed, and the way on.
 */
export default async function ApplyPage({ params }: Props) {
  const viewer = await requireRole("applicant");
  const { id } = await params;
  const page = await getApplyPage({ id: viewer.id, role: "applicant" }, id);
  if (!page) notFound();
  const [t, te, ts, locale] = await Promise.all([
    getTranslations("Wizard"),
    getTranslations("Eligibility"),
    getTranslations("ApplicationStatus"),
    getLocale() as Promise<Locale>,
  ]);
  const { call, existing } = page;
  const closed = now().getTime() >= call.closesAt.getTime();
  const needsCertificate = call.rules.requiresTrainingCertificate === true;
  // The certificate is asked for below: its absence is not a reason to refuse yet.
  const reasons = page.reasons.filter((r) => r.code !== "certificate_missing");
  const text = (r: (typeof reasons)[number]) =>
    eligibilityReasonText(te as unknown as Parameters<typeof eligibilityReasonText>[0], ts as unknown as Parameters<typeof eligibilityReasonText>[1], r);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold text-brand-700">{call.programmeName[locale]}</p>
        <h1 className="text-2xl font-bold text-balance sm:text-3xl" data-testid="apply-heading">
          {t("applyTitle", { title: call.title[locale] })}
        </h1>
      </header>
      <dl className="m-0 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-600">{t("awardAmount")}</dt>
          <dd className="m-0 text-lg font-bold">
            <Money amount={call.awardAmount} locale={locale} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("deadline")}</dt>
          <dd className="m-0 font-semibold">
            <DateTime value={call.closesAt} locale={locale} withZone />
          </dd>
        </div>
      </dl>

      {existing ? (
        <section className="space-y-3 rounded-lg border border-brand-700 bg-brand-50 p-4" data-testid="apply-existing">
          <p className="font-medium">{t("existingApplication", { status: ts(existing.status) })}</p>
          <Link
            href={existing.status === "draft" ? `/my/applications/${existing.id}/edit` : `/my/applications/${existing.id}`}
            className={buttonClasses("primary")}
            data-testid="apply-existing-link"
          >
            {existing.status === "draft" ? t("continueApplication") : t("viewApplication")}
          </Link>
        </section>
      ) : closed ? (
        <ClosedCall call={call} />
      ) : reasons.length > 0 ? (
        <section aria-labelledby="ineligible-title" className="space-y-3 rounded-lg border-2 border-danger-600 bg-danger-50 p-4" data-testid="apply-ineligible">
          <h2 id="ineligible-title" className="text-lg font-semibold text-danger-700">
            {t("cannotApplyTitle")}
          </h2>
          <ul className="m-0 list-disc space-y-1 pl-5" data-testid="apply-reasons">
            {reasons.map((r) => (
              <li key={r.code} data-reason={r.code}>
                {text(r)}
              </li>
            ))}
          </ul>
          <p className="text-slate-700">{t("cannotApplyHelp")}</p>
        </section>
      ) : (
        <section aria-labelledby="start-title" className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="start-title" className="text-lg font-semibold">
            {t("eligibleTitle")}
          </h2>
          <p className="text-slate-700">{needsCertificate ? t("eligibleWithCertificate") : t("eligibleText")}</p>
          <ApplyForm callId={call.id} needsCertificate={needsCertificate} />
        </section>
      )}
    </div>
  );
}
