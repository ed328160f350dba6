import "../globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { Header } from "@/app/_components/Header";
import { NonceSetter } from "@/app/_components/NonceSetter";
import { ToastProvider } from "@/app/_components/Toast";
import { getViewer } from "@/lib/auth/viewer";
import { pickClientMessages, type Messages } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return {
    title: { template: t("titleTemplate"), default: t("defaultTitle") },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#006480",
};

/**
 * The document of every page. Reading headers() makes every page render per request, which the
 * CSP nonce needs (a static page carries no nonce and would never hydrate).
 */
export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();

  // headers(): the per-request rendering the CSP nonce needs (Next reads the nonce from the
  // request's CSP header and stamps its scripts with it).
  const [, messages, viewer, t] = await Promise.all([
    headers(),
    getMessages(),
    getViewer(),
    getTranslations("Common"),
  ]);

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only z-50 bg-sun-400 px-4 py-2.5 font-semibold text-slate-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:inline-flex focus:min-h-11 focus:items-center focus:px-4"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider locale={locale} messages={pickClientMessages(messages as Messages)}>
          <NonceSetter />
          {/* useToast() works in any client component below; the viewport renders after <main>. */}
          <ToastProvider>
            <Header viewer={viewer} />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 outline-none sm:py-10">
              {children}
            </main>
          </ToastProvider>
        </NextIntlClientProvider>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-600">{t("footer")}</div>
        </footer>
      </body>
    </html>
  );
}
