import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { DISTRICTS } from "@/lib/domain/districts";
import { homeFor } from "@/lib/domain/permissions";
import { isLocale, LOCALES } from "@/lib/i18n/routing";
import { CONSENT_TEXT_VERSION } from "@/lib/validation/registration";
import { RegisterForm } from "./register-form";

const CONSENT_PARTS = ["operator", "data", "purpose", "retention", "publication", "transfer", "location", "rights"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Register");
  return { title: t("metaTitle") };
}

/** Registration of an applicant (reviewers and admins get their accounts from an admin). */
export default async function RegisterPage() {
  const viewer = await getViewer();
  if (viewer) redirect(homeFor(viewer.role));

  const [t, tl, tc, localeRaw] = await Promise.all([
    getTranslations("Register"),
    getTranslations("Languages"),
    getTranslations("Consent"),
    getLocale(),
  ]);
  const locale = isLocale(localeRaw) ? localeRaw : "kk";
  const districts = DISTRICTS.map((d) => ({ value: d.code, label: d[locale] }));
  const languages = LOCALES.map((l) => ({ value: l, label: tl(l) }));
  const consentText = [...CONSENT_PARTS.map((part) => tc(part)), tc("version", { version: CONSENT_TEXT_VERSION })];

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <RegisterForm districts={districts} languages={languages} defaultLanguage={locale} consentText={consentText} />
      <p>
        {t("haveAccount")} <Link href="/sign-in">{t("signInLink")}</Link>
      </p>
    </div>
  );
}
