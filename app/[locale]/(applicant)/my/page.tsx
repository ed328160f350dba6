import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountPanel } from "@/app/_components/AccountPanel";
import { Notice } from "@/app/_components/Notice";
import { ResendVerificationForm } from "@/app/[locale]/(public)/verify-email/forms";
import { requireRole } from "@/lib/auth/guard";
import { isEmailVerified } from "@/lib/dal/accounts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Applicant");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApplicantHomePage({ searchParams }: Props) {
  const viewer = await requireRole("applicant");
  const [t, tn, verified, params] = await Promise.all([
    getTranslations("Applicant"),
    getTranslations("AccountNotices"),
    isEmailVerified(viewer.id),
    searchParams,
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
      <AccountPanel />
    </div>
  );
}
