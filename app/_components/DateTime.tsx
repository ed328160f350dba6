import "server-only";
import { useLocale, useTranslations } from "next-intl";
import { calendarDateIn, formatDate, formatDateTime } from "@/lib/domain/datetime";
import type { Locale } from "@/lib/i18n/routing";

type DateTimeProps = {
  value: Date;
  /** Only the calendar date (in Asia/Almaty). */
  dateOnly?: boolean;
  /** Append "(Almaty time)" in the viewer's language, for deadlines. */
  withZone?: boolean;
  /** Defaults to the request's locale. */
  locale?: Locale;
  className?: string;
};

/** The machine-readable value of a <time>: the instant in UTC, or the Almaty calendar date. */
export function machineDateTime(value: Date, dateOnly = false): string {
  return dateOnly ? calendarDateIn(value) : value.toISOString();
}

/**
 * A date-time shown in Asia/Almaty, formatted on the server (browsers and Node differ for kk):
 * `<time dateTime="2026-12-01T13:00:00.000Z">2026 ж. 01 жел., 18:00</time>`.
 */
export function DateTime({ value, dateOnly = false, withZone = false, locale, className }: DateTimeProps) {
  const requestLocale = useLocale();
  const t = useTranslations("Time");
  const lang = locale ?? requestLocale;
  const text = dateOnly ? formatDate(value, lang) : formatDateTime(value, lang);
  return (
    <time dateTime={machineDateTime(value, dateOnly)} className={className}>
      {text}
      {withZone && !dateOnly ? ` (${t("almatyTime")})` : null}
    </time>
  );
}
