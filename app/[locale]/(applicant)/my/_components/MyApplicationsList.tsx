import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { EmptyState } from "@/app/_components/EmptyState";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { Table } from "@/app/_components/Table";
import type { MyApplicationRow } from "@/lib/dal/applications";
import type { Locale } from "@/lib/i18n/routing";

/** Where a row leads: a draft is continued in the wizard, anything else opens the read-only view. */
export function applicationHref(row: Pick<MyApplicationRow, "id" | "status">): string {
  return row.status === "draft" ? `/my/applications/${row.id}/edit` : `/my/applications/${row.id}`;
}

/**
 * The applicant's applications, newest change first; with none, a way to the open calls, or (no call
 * open) a word on when calls appear and a way to the past results.
 */
export async function MyApplicationsList({ rows, openCalls }: { rows: (MyApplicationRow & { programmeName: string })[]; openCalls: number }) {
  const [t, locale] = await Promise.all([getTranslations("MyApplications"), getLocale() as Promise<Locale>]);
  return (
    <section aria-labelledby="my-applications-title" className="space-y-3" data-testid="my-applications">
      <h2 id="my-applications-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      {rows.length === 0 && openCalls === 0 ? (
        <EmptyState
          title={t("noCallsTitle")}
          text={t("noCallsText")}
          action={{ href: "/results", label: t("noCallsAction"), "data-testid": "my-no-calls-results" }}
          headingLevel={3}
          data-testid="my-no-open-calls"
        />
      ) : rows.length === 0 ? (
        <EmptyState
          title={t("emptyTitle")}
          text={t("emptyText")}
          action={{ href: "/#open-calls-title", label: t("emptyAction") }}
          headingLevel={3}
          data-testid="my-applications-empty"
        />
      ) : (
        <Table
          id="my-applications-table"
          caption={t("caption")}
          captionHidden
          layout="stack"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "reference",
              header: t("reference"),
              rowHeader: true,
              cell: (r) => (
                <span className="font-mono" data-testid="row-reference">
                  {r.reference}
                </span>
              ),
            },
            {
              key: "call",
              header: t("call"),
              cell: (r) => (
                <span>
                  <span className="block text-sm text-slate-600">{r.programmeName}</span>
                  <span className="block">{r.callTitle[locale]}</span>
                </span>
              ),
            },
            { key: "status", header: t("status"), cell: (r) => <StatusBadge status={r.status} /> },
            { key: "updated", header: t("updated"), cell: (r) => <DateTime value={r.updatedAt} /> },
            { key: "submitted", header: t("submitted"), cell: (r) => (r.submittedAt ? <DateTime value={r.submittedAt} /> : t("notSubmitted")) },
            { key: "deadline", header: t("deadline"), cell: (r) => <DateTime value={r.closesAt} withZone /> },
            {
              key: "action",
              header: t("action"),
              cell: (r) => (
                <Link
                  href={applicationHref(r)}
                  aria-label={r.status === "draft" ? t("continueLabel", { reference: r.reference }) : t("viewLabel", { reference: r.reference })}
                  data-testid="row-open"
                  className="inline-flex min-h-11 min-w-11 items-center font-semibold"
                >
                  {r.status === "draft" ? t("continue") : t("view")}
                </Link>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
