/** Dates and times of the portal: every time is shown in Asia/Almaty (UTC+5). Pure, Node and browser. */

export type Locale = 'kk' | 'ru' | 'en';

export const TIME_ZONE = 'Asia/Almaty';

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = dateTimeFormatters.get(key);
  if (!f) {
    f = make();
    dateTimeFormatters.set(key, f);
  }
  return f;
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

/** Date and time in Asia/Almaty, 24-hour clock: kk "2026 ж. 01 жел., 23:59", ru "1 дек. 2026 г., 23:59", en "Dec 1, 2026, 23:59". */
export function formatDateTime(date: Date, locale: Locale): string {
  assertValidDate(date);
  return cached(`dt:${locale}`, () =>
    new Intl.DateTimeFormat(`${locale}-KZ`, {
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
      timeZone: TIME_ZONE,
    }),
  ).format(date);
}

/** Calendar date in Asia/Almaty: kk "2026 ж. 01 жел.", ru "1 дек. 2026 г.", en "Dec 1, 2026". */
export function formatDate(date: Date, locale: Locale): string {
  assertValidDate(date);
  return cached(`d:${locale}`, () =>
    new Intl.DateTimeFormat(`${locale}-KZ`, { dateStyle: 'medium', timeZone: TIME_ZONE }),
  ).format(date);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (default Asia/Almaty). */
export function calendarDateIn(date: Date, timeZone: string = TIME_ZONE): string {
  assertValidDate(date);
  const parts = cached(`iso:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }),
  ).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
  /** true at or after the deadline (a deadline is an instant; at closesAt it is too late). */
  passed: boolean;
}

/**
 * Time left until a deadline, rounded down to whole minutes (never overstates the time left;
 * with under a minute to go this is 0/0/0 and passed=false). Once passed, all zero.
 */
export function timeLeft(now: Date, deadline: Date): TimeLeft {
  assertValidDate(now);
  assertValidDate(deadline);
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return { days: 0, hours: 0, minutes: 0, passed: true };
  const totalMinutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
    passed: false,
  };
}
