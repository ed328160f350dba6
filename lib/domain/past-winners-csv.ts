/**
 * The past winners file: a CSV (UTF-8, with or without BOM, ',' or ';' separated) with one IIN a line,
 * an optional header row and optionally a name column (never kept). Pure: Node and browser.
 */
import { parseIin } from './iin';

export const PAST_WINNERS_MAX_BYTES = 1024 * 1024;
export const PAST_WINNERS_MAX_LINES = 20_000;

/** Why one line was refused. */
export type PastWinnerLineError = 'length' | 'digits' | 'century' | 'date' | 'checksum' | 'duplicate';
/** Why the whole file was refused. */
export type PastWinnersFileError = 'too_large' | 'too_many_lines' | 'not_text' | 'empty';

export type PastWinnersParse =
  | {
      ok: true;
      /** Valid IINs, in file order, each once. */
      iins: string[];
      /** 1-based line numbers of the file. */
      errors: { line: number; reason: PastWinnerLineError }[];
      /** Whether the first non-empty line was taken as a header. */
      header: boolean;
      /** Non-empty data lines (header excluded). */
      dataLines: number;
    }
  | { ok: false; error: PastWinnersFileError };

const HEADER_IIN = /^(iin|иин|жсн|ИИН|ЖСН)$/i;

function cells(line: string, sep: string): string[] {
  return line.split(sep).map((c) => {
    let v = c.trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/""/g, '"').trim();
    return v;
  });
}

function decode(input: Uint8Array | string): string | null {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    return null;
  }
}

function byteLength(input: Uint8Array | string): number {
  return typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;
}

/** Parses the file's bytes (or already decoded text). Never throws. */
export function parsePastWinnersCsv(input: Uint8Array | string): PastWinnersParse {
  if (byteLength(input) > PAST_WINNERS_MAX_BYTES) return { ok: false, error: 'too_large' };
  let text = decode(input);
  // Control characters other than tab, CR and LF: not a text file (a spreadsheet, an image...).
  if (text === null || /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return { ok: false, error: 'not_text' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > PAST_WINNERS_MAX_LINES) return { ok: false, error: 'too_many_lines' };

  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex < 0) return { ok: false, error: 'empty' };
  const first = lines[firstIndex] ?? '';
  const sep = first.includes(';') ? ';' : ',';
  const firstCells = cells(first, sep);
  // A header: the first line has no digit at all (e.g. "IIN;Name", "ЖСН,Аты-жөні").
  const header = !/\d/.test(first);
  let column = 0;
  if (header) {
    const i = firstCells.findIndex((c) => HEADER_IIN.test(c));
    if (i >= 0) column = i;
  }

  const iins: string[] = [];
  const errors: { line: number; reason: PastWinnerLineError }[] = [];
  const seen = new Set<string>();
  let dataLines = 0;
  for (let i = header ? firstIndex + 1 : firstIndex; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    dataLines++;
    const value = cells(line, sep)[column] ?? '';
    const parsed = parseIin(value);
    if (!parsed.ok) {
      errors.push({ line: i + 1, reason: parsed.reason });
    } else if (seen.has(value)) {
      errors.push({ line: i + 1, reason: 'duplicate' });
    } else {
      seen.add(value);
      iins.push(value);
    }
  }
  if (dataLines === 0) return { ok: false, error: 'empty' };
  return { ok: true, iins, errors, header, dataLines };
}
