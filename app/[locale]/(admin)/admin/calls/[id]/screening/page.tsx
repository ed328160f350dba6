import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { requireRole } from "@/lib/auth/guard";
import { getAdminCall } from "@/lib/dal/admin-calls";
import { listAwaitingScreening } from "@/lib/dal/screening";
import { districtName, isDistrictCode } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";
import { ScreeningQueue, type QueueRow } from "./screening-queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminScreening");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

/** The call's screening queue: pass, or refuse with a reason. Admins only (the DAL checks again). */
export default async function ScreeningPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const actor = { id: viewer.id, role: viewer.role };
  const [t, tc, locale, call] = await Promise.all([
    getTranslations("AdminScreening"),
    getTranslations("AdminCalls"),
    getLocale() as Promise<Locale>,
    getAdminCall(actor, id),
  ]);
  if (!call) notFound();
  const queue = await listAwaitingScreening(actor, call.id);
  // Dates and district names are formatted here, on the server (browsers' ICU data differ).
  const rows: QueueRow[] = queue.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    applicantName: r.applicantName,
    district: isDistrictCode(r.districtCode) ? districtName(r.districtCode, locale) : r.districtCode,
    submittedAt: r.submittedAt ? <DateTime value={r.submittedAt} /> : null,
  }));

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/admin/calls/${call.id}`}>← {call.title[locale]}</Link>
        </p>
        <h1 className="text-3xl font-bold" data-testid="page-heading">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-700">
          {tc("call")}: {call.title[locale]}
        </p>
        <p className="max-w-2xl text-slate-700">{t("intro")}</p>
      </header>
      <ScreeningQueue rows={rows} />
    </div>
  );
}
