import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickClientMessages, type ClientArea, type Messages } from "@/lib/i18n/messages";

/**
 * The texts a route group's client components need, sent to the browser for that group's pages only
 * (the root layout sends the ones every page needs). Used by the (public), (applicant), (reviewer) and
 * (admin) layouts.
 */
export async function AreaMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickClientMessages(messages as Messages, area)}>
      {children}
    </NextIntlClientProvider>
  );
}
