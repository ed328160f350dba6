import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { Field } from "@/app/_components/Field";
import { Notice } from "@/app/_components/Notice";
import { SelectField } from "@/app/[locale]/(public)/register/form-controls";
import { requireRole } from "@/lib/auth/guard";
import { listUsers, USER_STATUSES, type UserListFilter } from "@/lib/dal/accounts";
import { ROLES } from "@/lib/domain/permissions";
import { ActiveToggle } from "../active-toggle";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(v: string | string[] | undefined): string {
  return typeof v === "string" ? v : "";
}

/** The query string's filters, ignoring anything that is not one of the known values. */
function readFilter(params: Record<string, string | string[] | undefined>): UserListFilter {
  const role = one(params.role);
  const status = one(params.status);
  const page = Number.parseInt(one(params.page), 10);
  return {
    q: one(params.q).slice(0, 100),
    role: (ROLES as readonly string[]).includes(role) ? (role as UserListFilter["role"]) : undefined,
    status: (USER_STATUSES as readonly string[]).includes(status) ? (status as UserListFilter["status"]) : undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function pageHref(filter: UserListFilter, page: number): string {
  const q = new URLSearchParams();
  if (filter.q) q.set("q", filter.q);
  if (filter.role) q.set("role", filter.role);
  if (filter.status) q.set("status", filter.status);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return `/admin/users${s ? `?${s}` : ""}`;
}

/**
 * Accounts (admins only: the guard here, and the data layer checks the actor again). Search by name
 * or e-mail, filter by role and status, deactivate / reactivate with a confirmation. An applicant's
 * IIN, phone and other personal data are not read here.
 */
export default async function AdminUsersPage({ searchParams }: Props) {
  const viewer = await requireRole("admin");
  const params = await searchParams;
  const filter = readFilter(params);
  const [t, tc, list] = await Promise.all([
    getTranslations("AdminUsers"),
    getTranslations("Common"),
    listUsers({ id: viewer.id, role: viewer.role }, filter),
  ]);
  const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = (list.page - 1) * list.pageSize + list.rows.length;
  const lastPage = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold" data-testid="page-heading">
            {t("title")}
          </h1>
          <p className="max-w-2xl text-slate-700">{t("intro")}</p>
        </div>
        <Link href="/admin/users/new" className={buttonClasses("primary", "w-full sm:w-auto")} data-testid="create-staff-link">
          {t("create")}
        </Link>
      </div>

      {params.created === "1" ? (
        <div data-testid="created-notice">
          <Notice tone="success">{t("created")}</Notice>
        </div>
      ) : null}

      <form method="get" action="/admin/users" role="search" aria-label={t("filters")} className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" data-testid="user-filters">
        <Field id="q" type="search" label={t("search")} defaultValue={filter.q} maxLength={100} autoComplete="off" spellCheck={false} />
        <SelectField
          id="role"
          label={t("role")}
          defaultValue={filter.role ?? ""}
          placeholder={t("anyRole")}
          options={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
        />
        <SelectField
          id="status"
          label={t("status")}
          defaultValue={filter.status ?? ""}
          placeholder={t("anyStatus")}
          options={[
            { value: "active", label: t("statusActive") },
            { value: "inactive", label: t("statusInactive") },
          ]}
        />
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses("primary", "flex-1 sm:flex-none")}>
            {t("apply")}
          </button>
          <Link href="/admin/users" className={buttonClasses("secondary", "flex-1 sm:flex-none")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      <section aria-labelledby="results-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="results-title" className="text-xl font-semibold">
            {t("results")}
          </h2>
          <p className="text-slate-700" data-testid="user-count" aria-live="polite">
            {list.total === 0 ? t("empty") : t("count", { from, to, total: list.total })}
          </p>
        </div>
        <ul className="m-0 list-none space-y-3 p-0" data-testid="user-list">
          {list.rows.map((u) => {
            const name = [u.surname, u.givenName, u.patronymic].filter(Boolean).join(" ");
            const self = u.id === viewer.id;
            return (
              <li key={u.id} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="user-row" data-email={u.email}>
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1">
                    <h3 className="text-lg font-semibold break-words">
                      <Link href={`/admin/users/${u.id}`} data-testid="user-link">
                        {name}
                      </Link>
                      {self ? <span className="font-normal text-slate-600"> ({t("you")})</span> : null}
                    </h3>
                    <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-slate-600">{t("email")}</dt>
                      <dd className="m-0 break-all">{u.email}</dd>
                      <dt className="text-slate-600">{t("role")}</dt>
                      <dd className="m-0">{tc(`roles.${u.role}`)}</dd>
                      {u.organisation ? (
                        <>
                          <dt className="text-slate-600">{t("organisation")}</dt>
                          <dd className="m-0 break-words">{u.organisation}</dd>
                        </>
                      ) : null}
                      <dt className="text-slate-600">{t("status")}</dt>
                      <dd className="m-0" data-testid="user-status">
                        <span className={u.active ? "font-medium text-success-700" : "font-medium text-danger-700"}>
                          {u.active ? t("statusActive") : t("statusInactive")}
                        </span>
                        {" · "}
                        <span>{u.verified ? t("emailConfirmed") : t("emailNotConfirmed")}</span>
                        {!u.passwordSet ? <span> · {t("passwordNotSet")}</span> : null}
                      </dd>
                    </dl>
                  </div>
                  {self ? null : <ActiveToggle userId={u.id} name={name} active={u.active} />}
                </div>
              </li>
            );
          })}
        </ul>
        {lastPage > 1 ? (
          <nav aria-label={t("pagination")} className="flex flex-wrap justify-between gap-3">
            {list.page > 1 ? (
              <Link href={pageHref(filter, list.page - 1)} className={buttonClasses("secondary")} rel="prev">
                ← {t("previous")}
              </Link>
            ) : (
              <span />
            )}
            {list.page < lastPage ? (
              <Link href={pageHref(filter, list.page + 1)} className={buttonClasses("secondary")} rel="next">
                {t("next")} →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
