import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountPanel } from "@/app/_components/AccountPanel";
import { Notice } from "@/app/_components/Notice";
import { ResendVerificationForm } from "@/app/[locale]/(public)/verify-email/forms";
import { requireRole } from "@/lib/auth/guard";
import { isEmailVerified } from "@/lib/dal/accounts";
import { listOpenCalls } from "@/lib/dal/calls";
import { listMyApplicationsWithProgramme } from "@/lib/dal/my-applications";
import type { Locale } from "@/lib/i18n/routing";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { MyApplicationsList } from "../_components/MyApplicationsList";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Applicant");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApplicantHomePage({ searchParams }: Props) {
  const viewer = await requireRole("applicant");
  const [t, tn, tm, verified, params, rows, locale, openCalls] = await Promise.all([
    getTranslations("Applicant"),
    getTranslations("AccountNotices"),
    getTranslations("MyApplications"),
    isEmailVerified(viewer.id),
    searchParams,
    listMyApplicationsWithProgramme({ id: viewer.id, role: "applicant" }),
    getLocale() as Promise<Locale>,
    listOpenCalls(),
  ]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="area-title" className="space-y-2">
        <h1 id="area-title" className="text-3xl font-bold" data-testid="area-heading">
          {t("hello", { name: viewer.givenName })}
        </h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </section>
      {verified && params.verified === "1" ? (
        <div data-testid="email-verified-notice">
          <Notice tone="success">{tn("verified")}</Notice>
        </div>
      ) : null}
      {!verified ? (
        <section
          aria-labelledby="verify-title"
          className="space-y-3 rounded-lg border-l-4 border-sun-400 bg-white p-4 shadow-xs"
          data-testid="email-not-verified"
        >
          <h2 id="verify-title" className="text-lg font-semibold">
            {tn("notVerifiedTitle")}
          </h2>
          <p className="text-slate-700">{tn("notVerifiedBody")}</p>
          <ResendVerificationForm />
        </section>
      ) : null}
      <MyApplicationsList rows={rows.map((r) => ({ ...r, programmeName: r.programmeName[locale] }))} openCalls={openCalls.length} />
      <section aria-labelledby="my-data-title" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="my-data-title" className="text-lg font-semibold">
          {tm("myDataTitle")}
        </h2>
        <p className="text-slate-700">{tm("myDataText")}</p>
        <p>
          <Link href="/my/data" className="inline-flex min-h-11 items-center" data-testid="my-data-link">
            {tm("myDataLink")}
          </Link>
        </p>
      </section>
      <AccountPanel />
    </div>
  );
}
