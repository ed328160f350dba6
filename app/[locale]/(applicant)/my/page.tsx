import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountPanel } from "@/app/_components/AccountPanel";
import { requireRole } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Applicant");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function ApplicantHomePage() {
  const viewer = await requireRole("applicant");
  const t = await getTranslations("Applicant");
  return (
    <div className="space-y-8">
      <section aria-labelledby="area-title" className="space-y-2">
        <h1 id="area-title" className="text-3xl font-bold" data-testid="area-heading">
          {t("hello", { name: viewer.givenName })}
        </h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </section>
      <AccountPanel />
    </div>
  );
}
