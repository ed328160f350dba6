import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/app/_components/Notice";
import { requireRole } from "@/lib/auth/guard";
import { getProgrammeForEdit } from "@/lib/dal/programme-editor";
import type { Locale } from "@/lib/i18n/routing";
import { ProgrammeForm } from "../programme-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEditor");
  return { title: t("editProgrammeTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

/** Edit a programme (admins only; structural changes are refused once applications or reviews exist). */
export default async function EditProgrammePage({ params, searchParams }: Props) {
  const viewer = await requireRole("admin");
  const { id } = await params;
  const { created } = await searchParams;
  const [t, locale, p] = await Promise.all([getTranslations("AdminEditor"), getLocale() as Promise<Locale>, getProgrammeForEdit({ id: viewer.id, role: viewer.role }, id)]);
  if (!p) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link href="/admin/programmes">← {t("backToProgrammes")}</Link>
      </p>
      <h1 className="text-3xl font-bold" data-testid="page-heading">
        {p.values.name[locale as "kk"] as string}
      </h1>
      {created ? <Notice tone="success">{t("programmeCreated")}</Notice> : null}
      <ProgrammeForm
        initial={p.values}
        edit={{ programmeId: p.id, version: p.version, code: p.code, applicationsExist: p.facts.applicationsExist, reviewsExist: p.facts.reviewsExist }}
      />
    </div>
  );
}
