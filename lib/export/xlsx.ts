import "server-only";
import { PassThrough, type Writable } from "node:stream";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import { xlsxValue } from "./cells";
import { checkRow, closeIterator, rowIterator, type Sheet } from "./sheet";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Rows written between two looks at the client (yield to the event loop, wait while it is behind). */
const ROWS_PER_TURN = 200;
/** Bytes the web stream queues before it stops asking for more. */
const QUEUE_BYTES = 256 * 1024;

/**
 * Whether a writable has more queued than its high-water mark. exceljs's ZIP entries are userland
 * `readable-stream` streams, older than `writableLength`/`writableNeedDrain`: read their state.
 */
function isFull(stream: Writable): boolean {
  const state = (stream as unknown as { _writableState?: { length?: number; highWaterMark?: number; needDrain?: boolean } })._writableState;
  const length = stream.writableLength ?? state?.length ?? 0;
  const limit = stream.writableHighWaterMark ?? state?.highWaterMark ?? 16 * 1024;
  return Boolean(stream.writableNeedDrain ?? state?.needDrain) || length >= limit;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], not empty. */
export function sheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).trim();
  return clean || "Sheet";
}

export type XlsxOptions = {
  /** The workbook's creator and title (file properties). */
  creator?: string;
  title?: string;
  /** Print setup of every sheet: A4, landscape, fitted to the page width (default true). */
  printA4Landscape?: boolean;
};

/**
 * Sheets as one XLSX workbook, written by exceljs's streaming WorkbookWriter while it is sent: each row
 * is committed (serialised and let go) as soon as it is written, strings are inline (no shared-string
 * table kept in memory), and after every few hundred rows the writer yields and, while the client has not
 * taken what was sent (the pipe is full), waits — exceljs itself ignores back-pressure, so this pacing is
 * what keeps memory flat for a slow client or a large export. The first row of each sheet is its header
 * (bold, frozen, with an auto-filter); cells carry number formats (money in ₸, scores with fixed
 * decimals, dates). Text is neutralised against formula injection like the CSV's.
 */
export function xlsxStream(sheets: readonly Sheet[], options: XlsxOptions = {}): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  let cancelled = false;
  let current: ReturnType<typeof rowIterator> | null = null;
  /** The web stream is closed, errored or cancelled: nothing more may be enqueued. */
  let finished = false;

  /** Resolves when `stream` has room again (or is gone, or after a second: the loop looks again). */
  const room = (stream: Writable) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stream.off("drain", done);
        stream.off("close", done);
        stream.off("error", done);
        resolve();
      };
      const timer = setTimeout(done, 1000);
      stream.on("drain", done);
      stream.on("close", done);
      stream.on("error", done);
    });
  /**
   * Wait while anything between the rows and the client is full. Two places can fill: the pipe to the
   * client (a slow client), and — before it — the ZIP entry's deflate stream: exceljs's sheet buffer
   * (a StreamBuf) writes into it without looking at its return value, and XML is produced ~10 times faster
   * than it is deflated, so without this wait the whole uncompressed sheet piles up there (180 MB of
   * buffers for 200,000 rows, found by the export benchmark). exceljs exposes neither, hence the look at
   * its internals: `stream.pipes` of the worksheet writer (and its `buffers` before the entry is piped).
   */
  const pace = async (ws: unknown) => {
    await nextTurn();
    while (!cancelled) {
      if (pass.writableNeedDrain) {
        await room(pass);
        continue;
      }
      const sheetStream = (ws as { _stream?: { pipes?: Writable[]; buffers?: unknown[] } })._stream;
      const deflate = sheetStream?.pipes?.find(isFull);
      if (deflate) {
        await room(deflate);
        continue;
      }
      if (sheetStream && !sheetStream.pipes?.length && (sheetStream.buffers?.length ?? 0) > 4) {
        await sleep(5);
        continue;
      }
      break;
    }
  };

  async function produce(): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
    workbook.creator = options.creator ?? "Jas Grant";
    workbook.lastModifiedBy = options.creator ?? "Jas Grant";
    if (options.title) workbook.title = options.title;
    const a4 = options.printA4Landscape ?? true;
    for (const sheet of sheets) {
      if (cancelled) break;
      const { columns } = sheet;
      const ws = workbook.addWorksheet(sheetName(sheet.name), {
        views: [{ state: "frozen", ySplit: 1 }],
        pageSetup: a4 ? { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : undefined,
      });
      ws.columns = columns.map((c) => ({ width: c.width ?? (c.kind === "text" ? 30 : 14) }));
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
      const header = ws.addRow(columns.map((c) => xlsxValue(c.header, { kind: "text" }).value));
      header.font = { bold: true };
      header.alignment = { vertical: "top", wrapText: true };
      header.commit();

      current = rowIterator(sheet.rows);
      let index = 0;
      for (;;) {
        if (cancelled) break;
        const next = await current.next();
        if (next.done) break;
        checkRow(next.value, columns, index);
        const cells = next.value.map((cell, i) => xlsxValue(cell, columns[i]));
        const row = ws.addRow(cells.map((c) => c.value));
        cells.forEach((c, i) => {
          if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
        });
        row.commit();
        if (++index % ROWS_PER_TURN === 0) await pace(ws);
      }
      current = null;
      ws.commit();
    }
    if (cancelled) return;
    await workbook.commit();
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        pass.on("data", (chunk: Buffer) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) pass.pause();
        });
        pass.once("end", () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        pass.once("error", (error) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
        produce().catch(async (error: unknown) => {
          console.error("[export] xlsx failed", error);
          await closeIterator(current);
          pass.destroy(error instanceof Error ? error : new Error(String(error)));
        });
      },
      pull() {
        pass.resume();
      },
      async cancel() {
        // A chunk exceljs has already written may still come through the pipe: it must not be enqueued
        // into the cancelled stream (that throws, uncaught, in the pipe's data handler).
        finished = true;
        cancelled = true;
        await closeIterator(current);
        pass.destroy();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUE_BYTES }),
  );
}
