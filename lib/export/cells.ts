/**
 * Cells of a tabular export (CSV and XLSX), pure: how a value of each kind is written, RFC 4180 quoting,
 * and spreadsheet formula injection neutralised. Shared by every export (the commission's protocol,
 * and the applications / reviews / awards exports), so the rules live in one place and are unit-tested.
 */
import { TIME_ZONE } from "@/lib/domain/datetime";

/**
 * What a column holds. The kind decides how a value is written, not the value's JavaScript type:
 * - `text`: any text; neutralised against formula injection.
 * - `integer`: a whole number (counts, ranks).
 * - `decimal`: a number shown with a fixed number of decimals (scores; `decimals`, default 2).
 * - `money`: whole tenge, as a plain number (no grouping, no currency sign: the header says ₸).
 * - `date` / `datetime`: an instant, written as its Asia/Almaty calendar date (and wall-clock time).
 */
export type CellKind = "text" | "integer" | "decimal" | "money" | "date" | "datetime";

export type CellValue = string | number | Date | null | undefined;

/** A cell that says its own kind, for sheets whose rows mix kinds (a "label: value" list). */
export type TypedCell = { kind: CellKind; value: CellValue; decimals?: number };

export type Cell = CellValue | TypedCell;

export type Column = {
  header: string;
  kind: CellKind;
  /** For `decimal`: digits after the decimal mark (default 2). */
  decimals?: number;
  /** XLSX column width in characters (CSV ignores it). */
  width?: number;
};

export type Row = readonly Cell[];

/** UTF-8 byte order mark: without it Excel reads a UTF-8 CSV in the machine's ANSI code page (Cyrillic breaks). */
export const UTF8_BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"): = + - @, and tab
 * and carriage return, which some spreadsheets strip before looking at the first character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: when it starts with one of = + - @ tab CR, a leading
 * apostrophe makes Excel, LibreOffice and Google Sheets keep it as text (OWASP's advice). The apostrophe
 * is visible in a CSV opened in Excel; that is the accepted price of never running an applicant's text.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvOptions = {
  /** Field separator. */
  separator: ";" | ",";
  /** Decimal mark of `decimal` cells. Must differ from the separator. */
  decimalMark: "," | ".";
};

/**
 * What Excel expects on Kazakh and Russian Windows (kk-KZ, ru-KZ regional settings): `;` between fields
 * and a decimal comma. A file in this form opens with a double click into columns, with numbers as
 * numbers. (With `,` and `.` such a machine shows every row in one cell.)
 */
export const EXCEL_KZ: CsvOptions = { separator: ";", decimalMark: "," };

/** RFC 4180 with `,` and `.`: for programs and open data rather than for Excel. */
export const RFC4180: CsvOptions = { separator: ",", decimalMark: "." };

/** RFC 4180 quoting: a field with the separator, a double quote, CR or LF is quoted, quotes doubled. */
export function csvField(text: string, separator: string): string {
  const needsQuotes = text.includes(separator) || text.includes('"') || text.includes("\n") || text.includes("\r");
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF line break (RFC 4180). */
export function csvRecord(fields: readonly string[], separator: string): string {
  return `${fields.map((f) => csvField(f, separator)).join(separator)}\r\n`;
}

function isTyped(cell: Cell): cell is TypedCell {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

/** The kind, value and decimals of a cell in a column (a typed cell overrides the column). */
export function resolveCell(cell: Cell, column: Pick<Column, "kind" | "decimals">): TypedCell {
  if (isTyped(cell)) return { kind: cell.kind, value: cell.value, decimals: cell.decimals ?? (cell.kind === column.kind ? column.decimals : undefined) };
  return { kind: column.kind, value: cell, decimals: column.decimals };
}

function assertNumber(value: CellValue, kind: CellKind): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`a ${kind} cell needs a finite number, got ${String(value)}`);
  if ((kind === "integer" || kind === "money") && !Number.isSafeInteger(value)) throw new TypeError(`a ${kind} cell needs a whole number, got ${value}`);
  return value;
}

function assertDate(value: CellValue, kind: CellKind): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`a ${kind} cell needs a valid Date, got ${String(value)}`);
  return value;
}

const wallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const HOUR_MS = 3_600_000;
/** UTC hour → Almaty's offset in it (ms). Zone changes happen on whole hours, so one look-up per hour. */
const offsetByHour = new Map<number, number>();

function almatyOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts = wallClock.formatToParts(new Date(hour * HOUR_MS));
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? "0");
    offset = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - hour * HOUR_MS;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/**
 * The Asia/Almaty wall-clock time of an instant, field by field (UTC+5 since March 2024, UTC+6 before).
 * Intl's formatToParts costs ~25 µs a call, too slow for a 200,000-row export with dates: the zone's
 * offset is looked up once per UTC hour and cached.
 */
export function almatyWallClock(date: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const ms = date.getTime();
  const w = new Date(ms + almatyOffsetMs(ms));
  return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function decimalText(value: number, decimals: number, mark: string): string {
  const fixed = (Object.is(value, -0) ? 0 : value).toFixed(decimals);
  return mark === "." ? fixed : fixed.replace(".", mark);
}

/**
 * A cell's CSV text (before quoting). Empty for null/undefined. Text is neutralised; numbers are written
 * without grouping (digits, an optional minus and the decimal mark: never read as a formula); dates as
 * `YYYY-MM-DD` and date-times as `YYYY-MM-DD HH:MM` in Asia/Almaty, which Excel reads as dates.
 */
export function csvText(cell: Cell, column: Pick<Column, "kind" | "decimals">, options: CsvOptions): string {
  const { kind, value, decimals } = resolveCell(cell, column);
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "text":
      return neutraliseFormula(String(value));
    case "integer":
    case "money":
      return String(assertNumber(value, kind));
    case "decimal":
      return decimalText(assertNumber(value, kind), decimals ?? 2, options.decimalMark);
    case "date": {
      const w = almatyWallClock(assertDate(value, kind));
      return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
    }
    case "datetime": {
      const w = almatyWallClock(assertDate(value, kind));
      return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
    }
  }
}

/** Excel number formats of the XLSX cells (the value stays a number or a date; the format only shows it). */
export const XLSX_FORMATS = {
  integer: "0",
  money: '#,##0 "₸"',
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
} as const;

export function decimalFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/**
 * A cell's XLSX value and number format. Text is neutralised too (a string cell is never evaluated by
 * Excel, but a copy pasted or saved again as CSV would be). Dates: an XLSX date has no time zone, so the
 * Almaty wall-clock time is written (as the UTC fields of the Date exceljs serialises).
 */
export function xlsxValue(cell: Cell, column: Pick<Column, "kind" | "decimals">): { value: string | number | Date | null; numFmt?: string } {
  const { kind, value, decimals } = resolveCell(cell, column);
  if (value === null || value === undefined) return { value: null };
  switch (kind) {
    case "text":
      return { value: neutraliseFormula(String(value)) };
    case "integer":
      return { value: assertNumber(value, kind), numFmt: XLSX_FORMATS.integer };
    case "money":
      return { value: assertNumber(value, kind), numFmt: XLSX_FORMATS.money };
    case "decimal": {
      const d = decimals ?? 2;
      // The same rounding as the CSV, so both files say the same.
      return { value: Number(assertNumber(value, kind).toFixed(d)), numFmt: decimalFormat(d) };
    }
    case "date":
    case "datetime": {
      const w = almatyWallClock(assertDate(value, kind));
      const wall = kind === "date" ? Date.UTC(w.year, w.month - 1, w.day) : Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
      return { value: new Date(wall), numFmt: XLSX_FORMATS[kind] };
    }
  }
}
