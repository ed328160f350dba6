import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { Field } from "@/app/_components/Field";
import { Pagination } from "@/app/_components/Pagination";
import { Table, type Column } from "@/app/_components/Table";
import { SelectField } from "@/app/[locale]/(public)/register/form-controls";
import { requireRole } from "@/lib/auth/guard";
import { auditFacets, listAudit, type AuditRow } from "@/lib/dal/audit-log";
import { auditQueryString, auditRecordHref, describeChanges, parseAuditQuery } from "@/lib/domain/audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminAudit");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The prefixes ("award.") of the actions, for "all award.*" options. */
function prefixes(actions: string[]): string[] {
  return [...new Set(actions.filter((a) => a.includes(".")).map((a) => `${a.split(".")[0]}.`))].sort();
}

/**
 * The audit log (admins only: the guard here, and the data layer checks the actor again): who did
 * what, when (Almaty time), to which record and which fields, filtered through the query string (a
 * GET form that works without JavaScript), 50 entries a page, newest first.
 */
export default async function AdminAuditPage({ searchParams }: Props) {
  const viewer = await requireRole("admin");
  const { filters, page } = parseAuditQuery(await searchParams);
  const actor = { id: viewer.id, role: viewer.role };
  const [t, tc, list, facets] = await Promise.all([
    getTranslations("AdminAudit"),
    getTranslations("Common"),
    listAudit(actor, filters, page),
    auditFacets(actor),
  ]);
  const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = (list.page - 1) * list.pageSize + list.rows.length;
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const actionOptions = [
    ...prefixes(facets.actions).map((p) => ({ value: p, label: t("allOf", { prefix: p }) })),
    ...facets.actions.map((a) => ({ value: a, label: a })),
  ];
  if (filters.action && !actionOptions.some((o) => o.value === filters.action)) {
    actionOptions.push({ value: filters.action, label: filters.action });
  }

  const columns: Column<AuditRow>[] = [
    {
      key: "when",
      header: t("colWhen"),
      rowHeader: true,
      cell: (r) => <DateTime value={r.at} />,
    },
    {
      key: "who",
      header: t("colWho"),
      cell: (r) =>
        r.actorId === null ? (
          <span data-testid="audit-actor">{t("system")}</span>
        ) : (
          <span data-testid="audit-actor">
            {r.actorName ?? t("anonymous")}
            {r.actorRole ? <span className="text-slate-600"> · {tc(`roles.${r.actorRole}`)}</span> : null}
          </span>
        ),
    },
    {
      key: "action",
      header: t("colAction"),
      cell: (r) => (
        <code className="break-words" data-testid="audit-action">
          {r.action}
        </code>
      ),
    },
    {
      key: "record",
      header: t("colRecord"),
      cell: (r) => {
        const href = auditRecordHref(r.entityType, r.entityId);
        const label = r.entityId ? `${r.entityType} ${r.entityId}` : r.entityType;
        return href ? (
          <Link href={href} className="break-all underline">
            {label}
          </Link>
        ) : (
          <span className="break-all">{label}</span>
        );
      },
    },
    {
      key: "fields",
      header: t("colFields"),
      cell: (r) => {
        if (r.changedFields.length === 0) return <span aria-hidden="true">—</span>;
        const values = new Map(describeChanges(r.changes).map((c) => [c.field, c.value]));
        return (
          <ul className="m-0 list-none space-y-1 p-0">
            {r.changedFields.map((f) => (
              <li key={f} className="break-words">
                <code>{f}</code>
                {": "}
                {values.has(f) ? (
                  <span className="font-mono text-sm">{values.get(f)}</span>
                ) : (
                  <span className="text-slate-600 italic">{t("personalHidden")}</span>
                )}
              </li>
            ))}
          </ul>
        );
      },
    },
  ];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold" data-testid="page-heading">
          {t("title")}
        </h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      </div>

      <form
        method="get"
        action="/admin/audit"
        role="search"
        aria-label={t("filters")}
        className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
        data-testid="audit-filters"
      >
        <Field id="actor" type="search" label={t("actor")} hint={t("actorHint")} defaultValue={filters.actor ?? ""} maxLength={100} autoComplete="off" spellCheck={false} />
        <SelectField id="action" label={t("action")} defaultValue={filters.action ?? ""} placeholder={t("anyAction")} options={actionOptions} />
        <SelectField
          id="entity"
          label={t("entityType")}
          defaultValue={filters.entityType ?? ""}
          placeholder={t("anyEntity")}
          options={facets.entityTypes.map((e) => ({ value: e, label: e }))}
        />
        <Field id="id" label={t("entityId")} defaultValue={filters.entityId ?? ""} maxLength={64} autoComplete="off" spellCheck={false} />
        <Field id="from" type="date" label={t("from")} defaultValue={filters.from ?? ""} />
        <Field id="to" type="date" label={t("to")} defaultValue={filters.to ?? ""} />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClasses("primary", "flex-1 sm:flex-none")} data-testid="audit-apply">
            {t("apply")}
          </button>
          <Link href="/admin/audit" className={buttonClasses("secondary", "flex-1 sm:flex-none")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      <section aria-labelledby="results-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="results-title" className="text-xl font-semibold">
            {t("results")}
          </h2>
          <p className="text-slate-700" data-testid="audit-count" aria-live="polite">
            {list.total === 0 ? t("empty") : t("count", { from, to, total: list.total })}
          </p>
        </div>
        <Table
          id="audit-table"
          caption={t("caption")}
          captionHidden
          layout="stack"
          columns={columns}
          rows={list.rows}
          rowKey={(r) => String(r.id)}
          empty={t("empty")}
        />
        <Pagination
          label={t("pagination")}
          page={list.page}
          pageCount={pageCount}
          href={(p) => `/admin/audit${auditQueryString(filters, p)}`}
          labels={{ previous: t("previous"), next: t("next"), page: (p) => t("page", { page: p }) }}
        />
      </section>
    </div>
  );
}
