import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/app/_components/StatusPage";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const [t, tc] = await Promise.all([getTranslations("NotFound"), getTranslations("Common")]);
  return <StatusPage code={t("code")} title={t("title")} body={t("body")} backHome={tc("backHome")} />;
}
