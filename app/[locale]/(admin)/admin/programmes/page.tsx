import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { Money } from "@/app/_components/Money";
import { Table } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { listProgrammes } from "@/lib/dal/programme-editor";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEditor");
  return { title: t("programmesTitle"), robots: { index: false } };
}

/** Every programme with its award terms (admins only; the DAL checks again). */
export default async function ProgrammesPage() {
  const viewer = await requireRole("admin");
  const [t, locale, rows] = await Promise.all([getTranslations("AdminEditor"), getLocale() as Promise<Locale>, listProgrammes({ id: viewer.id, role: viewer.role })]);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin">← {t("backToAdmin")}</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold" data-testid="page-heading">
          {t("programmesTitle")}
        </h1>
        <p className="max-w-2xl text-slate-700">{t("programmesIntro")}</p>
        <p className="flex flex-wrap gap-3">
          <Link href="/admin/programmes/new" className={buttonClasses("primary")} data-testid="new-programme-link">
            {t("newProgrammeLink")}
          </Link>
          <Link href="/admin/mrp" className={buttonClasses("secondary")} data-testid="mrp-link">
            {t("mrpTitle")}
          </Link>
        </p>
      </header>
      <Table
        id="programmes"
        caption={t("programmesTitle")}
        captionHidden
        layout="stack"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("programmesEmpty")}
        columns={[
          {
            key: "name",
            header: t("programmeName"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/admin/programmes/${r.id}`} className="font-semibold" data-testid="programme-link" data-code={r.code}>
                {r.name[locale]}
              </Link>
            ),
          },
          {
            key: "award",
            header: t("award"),
            cell: (r) => (r.awardKind === "fixed" && r.awardAmount ? <Money amount={r.awardAmount} /> : t("mrpMultipleShort", { multiple: r.awardMrpMultiple ?? 0 })),
          },
          { key: "calls", header: t("calls"), align: "end", cell: (r) => r.callCount },
          { key: "criteria", header: t("criteria"), align: "end", cell: (r) => r.criteriaCount },
          { key: "active", header: t("status"), cell: (r) => (r.active ? t("activeYes") : t("activeNo")) },
        ]}
      />
    </div>
  );
}
