import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { isLocale, LOCALES } from "@/lib/i18n/routing";
import { CreateStaffForm } from "./create-staff-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  return { title: t("newMetaTitle"), robots: { index: false } };
}

/** New reviewer or admin account (admins only). */
export default async function NewStaffPage() {
  await requireRole("admin");
  const [t, tl, locale] = await Promise.all([getTranslations("AdminUsers"), getTranslations("Languages"), getLocale()]);
  const languages = LOCALES.map((l) => ({ value: l, label: tl(l) }));
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <p>
        <Link href="/admin/users" className="inline-flex min-h-11 items-center">← {t("backToList")}</Link>
      </p>
      <h1 className="text-3xl font-bold" data-testid="page-heading">
        {t("newTitle")}
      </h1>
      <p className="text-slate-700">{t("newIntro")}</p>
      <CreateStaffForm languages={languages} defaultLanguage={isLocale(locale) ? locale : "kk"} />
    </div>
  );
}
