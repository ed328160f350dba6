import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { requireRole } from "@/lib/auth/guard";
import { getAdminCall } from "@/lib/dal/admin-calls";
import { applicationReference } from "@/lib/dal/applications";
import { listConflictFlags } from "@/lib/dal/conflicts";
import { districtName, isDistrictCode } from "@/lib/domain/districts";
import type { Locale } from "@/lib/i18n/routing";
import { ConflictList, type ConflictRow } from "./conflict-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminConflicts");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

/** Flags and declarations of conflicts of interest for a call; admins decide the flags. */
export default async function ConflictsPage({ params }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const actor = { id: viewer.id, role: viewer.role };
  const [t, tc, locale, call] = await Promise.all([
    getTranslations("AdminConflicts"),
    getTranslations("AdminCalls"),
    getLocale() as Promise<Locale>,
    getAdminCall(actor, id),
  ]);
  if (!call) notFound();
  const list = await listConflictFlags(actor, call.id);
  const rows: ConflictRow[] = list.map((r) => {
    let detail: string | null;
    if (r.source === "declared") detail = r.note;
    else if (r.kind === "applied_same_call") detail = r.detail ? applicationReference(r.detail) : null;
    else if (r.kind === "same_surname_district" && r.detail) {
      // "family / district code" → the district's name in the viewer's language.
      const [family, code] = r.detail.split(" / ");
      detail = code && isDistrictCode(code) ? `${family} / ${districtName(code, locale)}` : r.detail;
    } else detail = r.detail;
    return {
      key: `${r.applicationId}:${r.reviewerId}:${r.source}:${r.kind}`,
      applicationId: r.applicationId,
      reviewerId: r.reviewerId,
      source: r.source,
      kind: r.kind,
      status: r.status,
      reference: r.reference,
      applicantName: r.applicantName,
      district: isDistrictCode(r.districtCode) ? districtName(r.districtCode, locale) : r.districtCode,
      reviewerName: r.reviewerName,
      detail,
      detected: r.detected,
      decisionReason: r.decisionReason,
      decidedAt: r.decidedAt ? <DateTime value={r.decidedAt} /> : null,
      assignmentStatus: r.assignmentStatus,
    };
  });

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
      <ConflictList rows={rows} />
    </div>
  );
}
