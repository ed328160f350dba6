import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { DISTRICTS } from "@/lib/domain/districts";
import { homeFor } from "@/lib/domain/permissions";
import { isLocale, LOCALES } from "@/lib/i18n/routing";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Register");
  return { title: t("metaTitle") };
}

/** Registration of an applicant (reviewers and admins get their accounts from an admin). */
export default async function RegisterPage() {
  const viewer = await getViewer();
  if (viewer) redirect(homeFor(viewer.role));

  const [t, tl, localeRaw] = await Promise.all([getTranslations("Register"), getTranslations("Languages"), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "kk";
  const districts = DISTRICTS.map((d) => ({ value: d.code, label: d[locale] }));
  const languages = LOCALES.map((l) => ({ value: l, label: tl(l) }));

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <RegisterForm districts={districts} languages={languages} defaultLanguage={locale} />
      <p>
        {t("haveAccount")} <Link href="/sign-in">{t("signInLink")}</Link>
      </p>
    </div>
  );
}
