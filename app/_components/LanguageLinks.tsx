"use client";

import type { MouseEvent } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALES, type Locale } from "@/lib/i18n/routing";
import { saveProfileLanguage } from "./language-actions";

const NAMES: Record<Locale, { full: string; short: string }> = {
  kk: { full: "Қазақша", short: "ҚАЗ" },
  ru: { full: "Русский", short: "РУС" },
  en: { full: "English", short: "ENG" },
};

/**
 * Plain links to `/{locale}{current path}`: the proxy (next-intl) answers with a redirect to the
 * same path without the prefix and sets the NEXT_LOCALE cookie. A full page load, so the new
 * <html lang> and every server-rendered text follow; works without JavaScript too.
 * Signed in, a click first stores the language in the profile (e-mails follow it), then follows the link.
 */
export function LanguageLinks({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("Common");
  const current = useLocale();
  const pathname = usePathname() || "/";
  const search = useSearchParams()?.toString();
  const suffix = `${pathname === "/" ? "" : pathname}${search ? `?${search}` : ""}`;

  const onClick = (locale: Locale) => async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!signedIn || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const href = event.currentTarget.href;
    try {
      await saveProfileLanguage(locale);
    } catch {
      // The switch itself still happens: the cookie is what the pages follow.
    }
    window.location.assign(href);
  };

  return (
    <nav aria-label={t("language")}>
      <ul className="m-0 flex list-none items-center gap-1 p-0">
        {LOCALES.map((locale) => {
          const active = locale === current;
          return (
            <li key={locale}>
              <a
                href={`/${locale}${suffix}`}
                hrefLang={locale}
                lang={locale}
                aria-current={active ? "true" : undefined}
                data-locale={locale}
                onClick={onClick(locale)}
                className={[
                  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-semibold no-underline",
                  active ? "bg-white text-brand-900" : "text-white hover:bg-brand-800 hover:text-white",
                ].join(" ")}
              >
                <span aria-hidden="true" className="sm:hidden">
                  {NAMES[locale].short}
                </span>
                <span className="sr-only sm:not-sr-only">{NAMES[locale].full}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
