import type { LOCALES } from "./routing";
import type { Messages as PortalMessages } from "./messages";

// Typed keys: t("SignIn.title") fails to compile when the key is missing from kk.json.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof LOCALES)[number];
    Messages: PortalMessages;
  }
}
