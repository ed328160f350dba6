import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";

/**
 * A stand-in for `next-intl/server` in unit tests of server actions: the real catalogue of one language,
 * `t(key)` and `t.has(key)` per namespace. Use inside vi.mock:
 *   vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));
 */
export function nextIntlServer(locale: Locale) {
  const messages = catalogue(locale) as unknown as Record<string, Record<string, string>>;
  return {
    getLocale: async () => locale,
    getTranslations: async (namespace: string) => {
      const table = messages[namespace];
      const t = (key: string) => table[key] ?? `${namespace}.${key}`;
      t.has = (key: string) => key in table;
      return t;
    },
  };
}
