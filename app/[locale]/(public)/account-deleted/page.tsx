import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountDeleted");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Where deleting one's account ends: signed out, personal data erased. */
export default async function AccountDeletedPage() {
  const t = await getTranslations("AccountDeleted");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold" data-testid="account-deleted-heading">
        {t("title")}
      </h1>
      <p role="status" className="text-lg text-slate-700">
        {t("body")}
      </p>
      <Link href="/" className={buttonClasses("secondary")}>
        {t("home")}
      </Link>
    </div>
  );
}
