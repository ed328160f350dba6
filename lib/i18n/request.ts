import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./routing";
import { loadMessages } from "./messages";

/**
 * The locale of a request: the `[locale]` segment the proxy rewrote to, else (pages outside that
 * segment, such as the root not-found page) the cookie, else Kazakh.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  let locale: Locale | undefined;
  const requested = await requestLocale;
  if (isLocale(requested)) {
    locale = requested;
  } else {
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  }
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "Asia/Almaty",
  };
});
