import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordLinkPage } from "../reset-password/link-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasswordLink");
  return { title: t("setMetaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page of the first-password link of an account made by an admin (valid 72 h, once). */
export default async function SetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return <PasswordLinkPage rawToken={token} purpose="set" />;
}
