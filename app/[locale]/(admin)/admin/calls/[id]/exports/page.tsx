import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { callExportsSummary } from "@/lib/dal/exports";
import { EXPORT_KINDS } from "@/lib/export/call-exports";
import type { Locale } from "@/lib/i18n/routing";
import { ExportDownloads } from "./export-downloads";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminExports");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

/**
 * The exports of one call (admins only): applications, reviews and awards, each as CSV or XLSX, with how
 * many rows each has now. The downloads show their progress and can be cancelled (ExportDownloads); they
 * are plain links without JavaScript. Each download is audited by the route (`export.<kind>`).
 */
export default async function CallExportsPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const [t, locale, summary] = await Promise.all([getTranslations("AdminExports"), getLocale() as Promise<Locale>, callExportsSummary({ id: viewer.id, role: viewer.role }, id)]);
  if (!summary) notFound();
  const { call, counts } = summary;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/admin/calls/${call.id}`} data-testid="back-to-call">
            ← {t("back")}
          </Link>
        </p>
        <p className="text-sm font-semibold text-brand-700" data-testid="exports-call-title">
          {call.title[locale]}
        </p>
        <h1 className="text-2xl font-bold text-balance sm:text-3xl" data-testid="page-heading">
          {t("title")}
        </h1>
        <p className="max-w-prose">{t("intro")}</p>
        <p className="max-w-prose rounded-md border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-sm text-brand-900" data-testid="exports-personal-data">
          {t("personalData")}
        </p>
      </header>
      <ExportDownloads callId={call.id} items={EXPORT_KINDS.map((kind) => ({ kind, count: counts[kind] }))} />
    </div>
  );
}
