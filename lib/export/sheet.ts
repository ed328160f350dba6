import type { Column, Row } from "./cells";

/**
 * One table to export: its columns and its rows. `rows` may be an array, a generator or an async
 * iterable — a database cursor, for instance — and is read one row at a time while the file is being
 * sent, so an export never holds more than a few rows of its own (the writers stop reading when the
 * client does not keep up, and close the iterator when the download is cancelled).
 */
export type Sheet = {
  /** The XLSX worksheet's name (cut to Excel's 31 characters; CSV ignores it). */
  name: string;
  columns: readonly Column[];
  rows: Iterable<Row> | AsyncIterable<Row>;
};

export function rowIterator(rows: Iterable<Row> | AsyncIterable<Row>): AsyncIterator<Row> | Iterator<Row> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

/** Close an iterator early (a cancelled download): a cursor behind it is released. Never throws. */
export async function closeIterator(it: AsyncIterator<Row> | Iterator<Row> | null): Promise<void> {
  try {
    await it?.return?.();
  } catch {
    /* closing is best effort */
  }
}

export function checkRow(row: Row, columns: readonly Column[], index: number): void {
  if (row.length !== columns.length) throw new Error(`export row ${index} has ${row.length} cells for ${columns.length} columns`);
}
