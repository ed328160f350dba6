import { defineRouting } from "next-intl/routing";

/** The portal's languages: Kazakh (the state language, default), Russian and English. */
export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "kk";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * No locale in URLs: the proxy rewrites `/my` to the internal `/[locale]/my`, choosing the locale
 * from the NEXT_LOCALE cookie, then Accept-Language, then kk. A request to `/ru/my` redirects to
 * `/my` and sets the cookie: that is how the language switcher changes the language.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "never",
  alternateLinks: false,
  localeCookie: {
    name: LOCALE_COOKIE,
    // Without an explicit path the browser would scope a cookie set on `/ru/my` to `/ru`.
    path: "/",
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
  },
});
