import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { Table } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { listAdminCalls } from "@/lib/dal/admin-calls";
import type { Locale } from "@/lib/i18n/routing";
import { PhaseBadge } from "../phase-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCalls");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Every call of every programme with its phase and counts (admins only; the DAL checks again). */
export default async function AdminCallsPage() {
  const viewer = await requireRole("admin");
  const [t, te, locale, rows] = await Promise.all([
    getTranslations("AdminCalls"),
    getTranslations("AdminEditor"),
    getLocale() as Promise<Locale>,
    listAdminCalls({ id: viewer.id, role: viewer.role }),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold" data-testid="page-heading">
          {t("title")}
        </h1>
        <p className="max-w-2xl text-slate-700">{t("intro")}</p>
        <p className="flex flex-wrap gap-3">
          <Link href="/admin/calls/new" className={buttonClasses("primary")} data-testid="new-call-link">
            {te("newCallLink")}
          </Link>
          <Link href="/admin/programmes" className={buttonClasses("secondary")} data-testid="programmes-link">
            {te("programmesLink")}
          </Link>
        </p>
      </header>
      <Table
        id="admin-calls"
        caption={t("caption")}
        captionHidden
        layout="stack"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("empty")}
        columns={[
          {
            key: "call",
            header: t("call"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/admin/calls/${r.id}`} className="font-semibold" data-testid="call-link" data-call-id={r.id}>
                {r.title[locale]}
              </Link>
            ),
          },
          { key: "programme", header: t("programme"), cell: (r) => r.programmeName[locale] },
          { key: "phase", header: t("phase"), cell: (r) => <PhaseBadge phase={r.phase} /> },
          { key: "deadline", header: t("deadline"), cell: (r) => <DateTime value={r.closesAt} /> },
          { key: "submitted", header: t("submitted"), align: "end", cell: (r) => <span data-testid="submitted-count">{r.submittedCount}</span> },
          { key: "awaiting", header: t("awaiting"), align: "end", cell: (r) => <span data-testid="awaiting-count">{r.awaitingScreening}</span> },
        ]}
      />
    </div>
  );
}
