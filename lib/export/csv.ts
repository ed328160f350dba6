import { csvRecord, csvText, EXCEL_KZ, UTF8_BOM, type CsvOptions } from "./cells";
import { checkRow, closeIterator, rowIterator, type Sheet } from "./sheet";

/** Rows are sent in chunks of about this many characters (one enqueue per chunk, not per row). */
const CHUNK_CHARS = 32 * 1024;

/**
 * A sheet as a CSV byte stream: UTF-8 with a BOM, a header record, then one record per row, CRLF line
 * breaks, RFC 4180 quoting, formula injection neutralised (lib/export/cells.ts). Pull-based: the next
 * rows are read only when the client has taken the previous chunk, so memory does not grow with the
 * number of rows. Cancelling the response closes the rows' iterator.
 */
export function csvStream(sheet: Sheet, options: CsvOptions = EXCEL_KZ): ReadableStream<Uint8Array> {
  if ((options.separator as string) === options.decimalMark) throw new Error("the CSV separator and the decimal mark must differ");
  const encoder = new TextEncoder();
  const { columns } = sheet;
  let it: ReturnType<typeof rowIterator> | null = null;
  let index = 0;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const header = csvRecord(
        columns.map((c) => csvText(c.header, { kind: "text" }, options)),
        options.separator,
      );
      controller.enqueue(encoder.encode(UTF8_BOM + header));
      it = rowIterator(sheet.rows);
    },
    async pull(controller) {
      let chunk = "";
      try {
        while (chunk.length < CHUNK_CHARS) {
          const next = await it!.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          checkRow(next.value, columns, index++);
          chunk += csvRecord(
            next.value.map((cell, i) => csvText(cell, columns[i], options)),
            options.separator,
          );
        }
      } catch (error) {
        await closeIterator(it);
        throw error;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await closeIterator(it);
    },
  });
}
