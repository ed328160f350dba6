/** The Kazakh 12-digit personal number (IIN / ЖСН / ИИН). Pure, Node and browser. */
import { calendarDateIn, TIME_ZONE } from './datetime';

export type Sex = 'male' | 'female';

export type IinFailure = 'length' | 'digits' | 'date' | 'century' | 'checksum';

export type ParsedIin =
  | { ok: true; iin: string; birthDate: string; sex: Sex }
  | { ok: false; reason: IinFailure };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** Century digit (7th) → the century's first year. Odd = male, even = female. */
const CENTURY_START: Readonly<Record<string, number>> = {
  '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000,
};

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/** Check digit for the first 11 digits, or null when both passes give 10 (no valid IIN). */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('iinCheckDigit needs exactly 11 digits');
  const digits = Array.from(first11, Number);
  const first = weightedMod11(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number, len = 2): string => String(n).padStart(len, '0');

/**
 * Parses an IIN. Checks, in order: length 12, digits only, century digit 1–6, a real birth date,
 * the check digit. No trimming: callers normalise input first.
 */
export function parseIin(s: string): ParsedIin {
  if (s.length !== 12) return { ok: false, reason: 'length' };
  if (!/^\d{12}$/.test(s)) return { ok: false, reason: 'digits' };
  const centuryDigit = s.charAt(6);
  const centuryStart = CENTURY_START[centuryDigit];
  if (centuryStart === undefined) return { ok: false, reason: 'century' };
  const year = centuryStart + Number(s.slice(0, 2));
  const month = Number(s.slice(2, 4));
  const day = Number(s.slice(4, 6));
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'date' };
  const check = iinCheckDigit(s.slice(0, 11));
  if (check === null || check !== Number(s.charAt(11))) return { ok: false, reason: 'checksum' };
  return {
    ok: true,
    iin: s,
    birthDate: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    sex: Number(centuryDigit) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIin(s: string): boolean {
  return parseIin(s).ok;
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || !isRealDate(year, month, day)) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  return { year, month, day };
}

/**
 * Age in whole years on the calendar date of `at` in `timeZone` (default Asia/Almaty).
 * A 29 February birthday counts as reached on 1 March in non-leap years.
 */
export function ageOn(birthDateIso: string, at: Date, timeZone: string = TIME_ZONE): number {
  const birth = parseIsoDate(birthDateIso);
  const today = parseIsoDate(calendarDateIn(at, timeZone));
  const reached =
    today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (reached ? 0 : 1);
}

/** For lists: `900101******`. Anything that is not 12 digits is masked entirely. */
export function maskIin(iin: string): string {
  return /^\d{12}$/.test(iin) ? `${iin.slice(0, 6)}******` : '************';
}

/**
 * Test helper: builds a valid IIN for a birth date (YYYY-MM-DD, years 1800–2099) and sex, with the
 * given serial (0–9999, default 1); serials whose both check passes give 10 are skipped (next serial used).
 */
export function makeIin(birthDate: string, sex: Sex, serial = 1): string {
  const { year, month, day } = parseIsoDate(birthDate);
  if (year < 1800 || year > 2099) throw new RangeError(`IIN cannot encode year ${year}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError(`IIN serial must be an integer 0–9999, got ${serial}`);
  }
  const centuryDigit = (Math.floor(year / 100) - 18) * 2 + (sex === 'male' ? 1 : 2);
  const prefix = `${pad(year % 100)}${pad(month)}${pad(day)}${centuryDigit}`;
  for (let n = serial; n <= 9999; n++) {
    const first11 = `${prefix}${pad(n, 4)}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new RangeError(`No valid IIN serial from ${serial} for ${birthDate}`);
}
