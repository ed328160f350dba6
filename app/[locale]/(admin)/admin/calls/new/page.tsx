import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { getAdminCall } from "@/lib/dal/admin-calls";
import { callFormOptions, cloneCallValues, type CallFormValues } from "@/lib/dal/call-editor";
import { utcToAlmatyLocal } from "@/lib/domain/call-edit";
import { DISTRICT_CODES } from "@/lib/domain/districts";
import { now } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/routing";
import { CallForm } from "../call-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEditor");
  return { title: t("newCallTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ from?: string }> };

/** A new call, empty or cloned from an existing call one year on (`?from=<call id>`); nothing is saved until submitted. */
export default async function NewCallPage({ searchParams }: Props) {
  const viewer = await requireRole("admin");
  const actor = { id: viewer.id, role: viewer.role };
  const { from } = await searchParams;
  const [t, locale, options, cloned, source] = await Promise.all([
    getTranslations("AdminEditor"),
    getLocale() as Promise<Locale>,
    callFormOptions(actor),
    from ? cloneCallValues(actor, from) : Promise.resolve(null),
    from ? getAdminCall(actor, from) : Promise.resolve(null),
  ]);
  const year = Number(utcToAlmatyLocal(now()).slice(0, 4));
  const blank: CallFormValues = {
    programmeId: "",
    year: String(year),
    title: { kk: "", ru: "", en: "" },
    opensAt: "",
    closesAt: "",
    reviewDeadline: "",
    budgetCap: "",
    minScore: "0",
    reviewersPerApplication: "3",
    districts: DISTRICT_CODES.map((code) => ({ code, ceiling: "", reservedMinimum: "" })),
  };
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link href="/admin/calls">← {t("backToCalls")}</Link>
      </p>
      <h1 className="text-3xl font-bold" data-testid="page-heading">
        {cloned && source ? t("cloneTitle") : t("newCallTitle")}
      </h1>
      {cloned && source ? (
        <p className="text-slate-700" data-testid="clone-notice">
          {t("cloneIntro", { title: source.title[locale] })}
        </p>
      ) : (
        <p className="text-slate-700">{t("newCallIntro")}</p>
      )}
      <CallForm options={options} initial={cloned ?? blank} />
    </div>
  );
}
