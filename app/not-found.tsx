import "./globals.css";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusPage } from "@/app/_components/StatusPage";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("metaTitle") };
}

/**
 * A request the proxy did not rewrite into app/[locale] (a file-like path such as `/missing.png`)
 * and found no route: a whole document of its own, in the language of the cookie.
 */
export default async function RootNotFound() {
  const [locale, t, tc] = await Promise.all([getLocale(), getTranslations("NotFound"), getTranslations("Common")]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <main className="mx-auto w-full max-w-5xl px-4 py-10">
          <StatusPage code={t("code")} title={t("title")} body={t("body")} backHome={tc("backHome")} />
        </main>
      </body>
    </html>
  );
}
