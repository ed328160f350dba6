import type { Locale } from "./routing";
import type kk from "./messages/kk.json";

export type Messages = typeof kk;

const loaders: Record<Locale, () => Promise<Messages>> = {
  kk: () => import("./messages/kk.json").then((m) => m.default),
  ru: () => import("./messages/ru.json").then((m) => m.default),
  en: () => import("./messages/en.json").then((m) => m.default),
};

export function loadMessages(locale: Locale): Promise<Messages> {
  return loaders[locale]();
}

/** Namespaces the client components read (the rest stays on the server). */
export const CLIENT_NAMESPACES = ["Common", "SignIn", "Validation", "ErrorPage", "Account"] as const;

export function pickClientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const picked = {} as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
  for (const ns of CLIENT_NAMESPACES) {
    (picked as Record<string, unknown>)[ns] = messages[ns];
  }
  return picked;
}
