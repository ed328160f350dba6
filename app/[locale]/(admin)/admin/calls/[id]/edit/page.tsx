import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { callFormOptions, getCallForEdit } from "@/lib/dal/call-editor";
import type { Locale } from "@/lib/i18n/routing";
import { CallForm } from "../../call-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEditor");
  return { title: t("editCallTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

/** Edit a call (admins only; the data layer refuses edits that would break what already happened). */
export default async function EditCallPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const actor = { id: viewer.id, role: viewer.role };
  const { id } = await params;
  const [t, locale, call, options] = await Promise.all([getTranslations("AdminEditor"), getLocale() as Promise<Locale>, getCallForEdit(actor, id), callFormOptions(actor)]);
  if (!call) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link href={`/admin/calls/${call.id}`}>← {t("backToCall")}</Link>
      </p>
      <h1 className="text-3xl font-bold" data-testid="page-heading">
        {t("editCallTitle")}
      </h1>
      <p className="text-slate-700">{call.values.title[locale]}</p>
      <CallForm
        options={options}
        initial={call.values}
        edit={{
          callId: call.id,
          version: call.version,
          awardAmount: call.awardAmount,
          programmeName: call.programmeName[locale],
          hasAwards: call.facts.hasAwards,
          assignmentsStarted: call.facts.assignmentsStarted,
          awardedTotal: call.facts.awardedTotal,
        }}
      />
    </div>
  );
}
