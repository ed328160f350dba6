import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { Notice } from "@/app/_components/Notice";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { Table } from "@/app/_components/Table";
import { requireRole } from "@/lib/auth/guard";
import { applicationReference } from "@/lib/dal/applications";
import { personalData, type PersonView } from "@/lib/dal/people";
import { formatDate } from "@/lib/domain/datetime";
import { districtName, isDistrictCode } from "@/lib/domain/districts";
import { ageOn } from "@/lib/domain/iin";
import { ROLES, type Role } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  // The person's name stays out of the title: titles end up in browser history and tab lists.
  return { title: t("metaTitle"), robots: { index: false } };
}

function isRole(value: string | null): value is Role {
  return (ROLES as readonly (string | null)[]).includes(value);
}

function fullName(p: Pick<PersonView, "surname" | "givenName" | "patronymic">): string {
  return [p.surname, p.givenName, p.patronymic].filter(Boolean).join(" ");
}

/**
 * One person's account and personal data (admins only: `personal_data.read`). The data layer records
 * each view in the audit log (`user.personal_data.read`) before returning anything, and the page lists
 * who has read this person's data. An unknown or malformed id answers 404.
 */
export default async function AdminPersonPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const [t, tu, tc, locale, person] = await Promise.all([
    getTranslations("AdminPerson"),
    getTranslations("AdminUsers"),
    getTranslations("Common"),
    getLocale() as Promise<Locale>,
    personalData({ id: viewer.id, role: viewer.role }, id),
  ]);
  if (!person) notFound();
  const name = fullName(person);
  const none = <span className="text-slate-600">{t("none")}</span>;
  const district = person.districtCode && isDistrictCode(person.districtCode) ? districtName(person.districtCode, locale) : null;

  const facts: { key: string; label: string; value: React.ReactNode }[] = [
    { key: "email", label: t("email"), value: <span className="break-all">{person.email}</span> },
    { key: "role", label: t("role"), value: tc(`roles.${person.role}`) },
    {
      key: "status",
      label: t("status"),
      value: (
        <>
          <span className={person.active ? "font-medium text-success-700" : "font-medium text-danger-700"}>{person.active ? t("active") : t("inactive")}</span>
          {" · "}
          {person.emailVerifiedAt ? t("emailConfirmed") : t("emailNotConfirmed")}
          {person.passwordSet ? null : <> · {t("passwordNotSet")}</>}
        </>
      ),
    },
  ];
  if (person.role === "applicant" || person.iin) {
    facts.push(
      { key: "iin", label: t("iin"), value: person.iin ? <span className="font-mono tabular-nums">{person.iin}</span> : none },
      {
        key: "birthDate",
        label: t("birthDate"),
        value: person.birthDate ? (
          <>
            <DateTime value={new Date(`${person.birthDate}T12:00:00Z`)} dateOnly /> ({t("age", { age: ageOn(person.birthDate, now()) })})
          </>
        ) : (
          none
        ),
      },
      { key: "sex", label: t("sex"), value: person.sex ? t(`sexes.${person.sex}`) : none },
      { key: "phone", label: t("phone"), value: person.phone ? <span className="tabular-nums">{person.phone}</span> : none },
      { key: "district", label: t("district"), value: district ?? none },
    );
  }
  if (person.organisation) facts.push({ key: "organisation", label: t("organisation"), value: <span className="break-words">{person.organisation}</span> });
  facts.push(
    { key: "language", label: t("language"), value: t(`languages.${person.language}`) },
    { key: "createdAt", label: t("createdAt"), value: <DateTime value={person.createdAt} withZone /> },
  );

  return (
    <article className="space-y-8" aria-labelledby="person-title" data-testid="admin-person" data-user-id={person.id}>
      <p>
        <Link href="/admin/users" className="inline-block py-2 font-medium">
          ← {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{t("profile")}</p>
        <h1 id="person-title" className="text-3xl font-bold break-words" data-testid="area-heading">
          {person.anonymisedAt ? tu("title") : name}
        </h1>
      </header>

      <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-slate-900" data-testid="read-logged">
        {t("loggedNote")}
      </p>
      {person.anonymisedAt ? <Notice>{t("anonymised", { date: formatDate(person.anonymisedAt, locale) })}</Notice> : null}

      <section aria-labelledby="profile-title" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="profile-title" className="sr-only">
          {t("profile")}
        </h2>
        <dl className="m-0 grid gap-4 sm:grid-cols-2" data-testid="person-facts">
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">{t("name")}</dt>
            <dd className="m-0 text-lg font-semibold break-words" data-testid="person-name">
              {name}
            </dd>
          </div>
          {facts.map((f) => (
            <div key={f.key} data-testid={`person-${f.key}`}>
              <dt className="text-sm text-slate-600">{f.label}</dt>
              <dd className="m-0">{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="consents-title" className="space-y-3">
        <h2 id="consents-title" className="text-xl font-semibold">
          {t("consentsTitle")}
        </h2>
        <Table
          id="person-consents"
          caption={t("consentsCaption")}
          captionHidden
          layout="stack"
          rows={person.consents}
          rowKey={(c) => `${c.kind}-${c.givenAt.toISOString()}`}
          empty={t("consentsEmpty")}
          columns={[
            { key: "kind", header: t("consentKind"), rowHeader: true, cell: (c) => t(`consentKinds.${c.kind}`) },
            { key: "version", header: t("consentVersion"), cell: (c) => <span className="font-mono">{c.textVersion}</span> },
            { key: "given", header: t("consentGiven"), cell: (c) => <DateTime value={c.givenAt} /> },
            { key: "withdrawn", header: t("consentWithdrawn"), cell: (c) => (c.withdrawnAt ? <DateTime value={c.withdrawnAt} /> : t("consentActive")) },
            {
              key: "guardian",
              header: t("guardian"),
              cell: (c) => (c.kind === "guardian" && c.guardianName ? <span className="break-words">{`${c.guardianName} (${c.guardianRelation ?? ""}) · ${c.guardianIin ?? ""}`}</span> : "—"),
            },
          ]}
        />
      </section>

      <section aria-labelledby="applications-title" className="space-y-3">
        <h2 id="applications-title" className="text-xl font-semibold">
          {t("applicationsTitle")}
        </h2>
        <Table
          id="person-applications"
          caption={t("applicationsCaption")}
          captionHidden
          layout="stack"
          rows={person.applications}
          rowKey={(a) => a.id}
          empty={t("applicationsEmpty")}
          columns={[
            {
              key: "reference",
              header: t("colReference"),
              rowHeader: true,
              cell: (a) =>
                a.status === "draft" ? (
                  <span className="font-mono">{applicationReference(a.id)}</span>
                ) : (
                  <Link href={`/admin/applications/${a.id}`} className="font-mono">
                    {applicationReference(a.id)}
                  </Link>
                ),
            },
            {
              key: "call",
              header: t("colCall"),
              cell: (a) => (
                <Link href={`/admin/calls/${a.callId}`} className="break-words">
                  {a.callTitle[locale]}
                </Link>
              ),
            },
            {
              key: "status",
              header: t("colStatus"),
              cell: (a) => (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <StatusBadge status={a.status} />
                  {a.anonymisedAt ? <span className="text-sm text-slate-700">{t("contentRemoved")}</span> : null}
                </span>
              ),
            },
            { key: "district", header: t("colDistrict"), cell: (a) => (isDistrictCode(a.districtCode) ? districtName(a.districtCode, locale) : a.districtCode) },
            { key: "submitted", header: t("colSubmitted"), cell: (a) => (a.submittedAt ? <DateTime value={a.submittedAt} /> : t("notSubmitted")) },
            { key: "award", header: t("colAward"), align: "end", cell: (a) => (a.awardAmount ? <Money amount={a.awardAmount} /> : "—") },
          ]}
        />
      </section>

      <section aria-labelledby="reads-title" className="space-y-3" data-testid="person-reads">
        <h2 id="reads-title" className="text-xl font-semibold">
          {t("readsTitle")}
        </h2>
        <p className="text-slate-700">{t("readsIntro", { shown: person.reads.length, total: person.readsTotal })}</p>
        <Table
          id="person-reads-table"
          caption={t("readsCaption")}
          captionHidden
          layout="stack"
          rows={person.reads}
          rowKey={(r) => r.at.toISOString() + (r.actorName ?? "")}
          columns={[
            { key: "when", header: t("colWhen"), rowHeader: true, cell: (r) => <DateTime value={r.at} withZone /> },
            { key: "who", header: t("colWho"), cell: (r) => (r.actorName ? `${r.actorName}${isRole(r.actorRole) ? ` (${tc(`roles.${r.actorRole}`)})` : ""}` : t("removedAccount")) },
          ]}
        />
        <p>
          <Link href={`/admin/audit?entityType=user&entityId=${person.id}`} className="inline-block py-2 font-medium" data-testid="person-audit-link">
            {t("fullLog")}
          </Link>
        </p>
      </section>
    </article>
  );
}
