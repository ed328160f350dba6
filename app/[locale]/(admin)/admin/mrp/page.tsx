import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Money } from "@/app/_components/Money";
import { Table } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { listMrp } from "@/lib/dal/mrp";
import { AddMrpForm, EditMrpForm } from "./mrp-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEditor");
  return { title: t("mrpTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ year?: string }> };

/** The MRP (МРП / АЕК) by year: list, add a year, change an amount. Existing calls keep the amounts they store. */
export default async function MrpPage({ searchParams }: Props) {
  const viewer = await requireRole("admin");
  const { year } = await searchParams;
  const [t, rows] = await Promise.all([getTranslations("AdminEditor"), listMrp({ id: viewer.id, role: viewer.role })]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/admin/programmes">← {t("backToProgrammes")}</Link>
      </p>
      <h1 className="text-3xl font-bold" data-testid="page-heading">
        {t("mrpTitle")}
      </h1>
      <p className="text-slate-700">{t("mrpIntro")}</p>
      <Table
        id="mrp-table"
        caption={t("mrpTitle")}
        captionHidden
        layout="stack"
        rows={rows}
        rowKey={(r) => String(r.year)}
        empty={t("mrpEmpty")}
        columns={[
          { key: "year", header: t("year"), rowHeader: true, cell: (r) => <span data-testid="mrp-year">{r.year}</span> },
          { key: "amount", header: t("mrpAmount"), align: "end", cell: (r) => <Money amount={r.amount} /> },
          { key: "edit", header: t("change"), cell: (r) => <EditMrpForm year={r.year} amount={r.amount} /> },
        ]}
      />
      <section aria-labelledby="add-mrp-title" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="add-mrp-title" className="text-xl font-semibold">
          {t("addMrpTitle")}
        </h2>
        <AddMrpForm year={year && /^\d{4}$/.test(year) ? year : ""} />
      </section>
    </div>
  );
}
