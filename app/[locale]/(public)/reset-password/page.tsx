import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordLinkPage } from "./link-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasswordLink");
  return { title: t("resetMetaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page of a password reset link (valid 1 h, once). */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return <PasswordLinkPage rawToken={token} purpose="reset" />;
}
