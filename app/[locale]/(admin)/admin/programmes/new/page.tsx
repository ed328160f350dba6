import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { blankProgrammeValues } from "@/lib/dal/programme-editor";
import { ProgrammeForm } from "../programme-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEditor");
  return { title: t("newProgrammeTitle"), robots: { index: false } };
}

/** A new programme (admins only). */
export default async function NewProgrammePage() {
  await requireRole("admin");
  const t = await getTranslations("AdminEditor");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link href="/admin/programmes">← {t("backToProgrammes")}</Link>
      </p>
      <h1 className="text-3xl font-bold" data-testid="page-heading">
        {t("newProgrammeTitle")}
      </h1>
      <ProgrammeForm initial={blankProgrammeValues()} />
    </div>
  );
}
