import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { listProgrammesForPastWinners, pastWinnersCounts, type PastWinnersCount } from "@/lib/dal/past-winners";
import { PastWinnersImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PastWinners");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * Past winners (admins only: the guard here, and the data layer checks 'programme.manage' again):
 * import a programme's list of one year's winners from a CSV, and the lists already imported (counts
 * only: no IIN is shown here).
 */
export default async function PastWinnersPage() {
  const viewer = await requireRole("admin");
  const actor = { id: viewer.id, role: viewer.role };
  const [t, ta, locale, programmes, counts] = await Promise.all([
    getTranslations("PastWinners"),
    getTranslations("Admin"),
    getLocale(),
    listProgrammesForPastWinners(actor),
    pastWinnersCounts(actor),
  ]);
  const lang = locale as "kk" | "ru" | "en";
  const maxYear = new Date().getUTCFullYear();
  return (
    <div className="space-y-8">
      <section aria-labelledby="past-winners-title" className="space-y-2">
        <p>
          <Link href="/admin">{ta("metaTitle")}</Link>
        </p>
        <h1 id="past-winners-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </section>
      <PastWinnersImportForm
        programmes={programmes.map((p) => ({ value: p.id, label: p.excludePastWinners ? `${p.name[lang]} (${t("excludes")})` : p.name[lang] }))}
        defaultYear={maxYear - 1}
        maxYear={maxYear}
      />
      <section aria-labelledby="past-winners-lists" className="space-y-3">
        <h2 id="past-winners-lists" className="text-xl font-semibold">
          {t("listTitle")}
        </h2>
        <Table<PastWinnersCount>
          id="past-winners-table"
          caption={t("listTitle")}
          captionHidden
          layout="stack"
          rows={counts}
          rowKey={(r) => `${r.programmeId}-${r.year}`}
          empty={t("listEmpty")}
          columns={[
            { key: "programme", header: t("colProgramme"), cell: (r) => r.programmeName[lang], rowHeader: true },
            { key: "year", header: t("colYear"), cell: (r) => r.year, align: "end" },
            { key: "count", header: t("colCount"), cell: (r) => <span data-testid={`past-winners-list-${r.programmeId}-${r.year}`}>{r.count}</span>, align: "end" },
          ]}
        />
      </section>
    </div>
  );
}
