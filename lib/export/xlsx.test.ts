import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Column, Row } from "./cells";
import { XLSX_FORMATS } from "./cells";
import { sheetName, xlsxStream } from "./xlsx";

async function buffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's types predate Node's generic Buffer.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const columns: Column[] = [
  { header: "Орын", kind: "integer" },
  { header: "Жоба", kind: "text" },
  { header: "Ұпай", kind: "decimal" },
  { header: "Сомасы (₸)", kind: "money" },
  { header: "Күні", kind: "date" },
];

describe("xlsxStream", () => {
  it("writes a zip workbook: header row bold and frozen, typed cells with number formats, text neutralised", async () => {
    const rows: Row[] = [
      [1, "Кофейня «Таң»", 87.125, 1_500_000, new Date("2025-06-04T20:30:00Z")],
      [2, "=1+1", 71.5, null, null],
      [3, "-cmd", null, null, null],
    ];
    const buf = await buffer(xlsxStream([{ name: "Рейтинг", columns, rows }], { title: "Хаттама" }));
    expect(buf.subarray(0, 2).toString("latin1")).toBe("PK");
    const wb = await read(buf);
    expect(wb.title).toBe("Хаттама");
    const ws = wb.getWorksheet("Рейтинг")!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([undefined, "Орын", "Жоба", "Ұпай", "Сомасы (₸)", "Күні"]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe(1);
    expect(r2.getCell(2).value).toBe("Кофейня «Таң»");
    expect(r2.getCell(3).value).toBe(87.13);
    expect(r2.getCell(3).numFmt).toBe("0.00");
    expect(r2.getCell(4).value).toBe(1_500_000);
    expect(r2.getCell(4).numFmt).toBe(XLSX_FORMATS.money);
    expect((r2.getCell(5).value as Date).toISOString()).toBe("2025-06-05T00:00:00.000Z");
    expect(ws.getRow(3).getCell(2).value).toBe("'=1+1");
    expect(ws.getRow(3).getCell(4).value).toBeNull();
    expect(ws.getRow(4).getCell(2).value).toBe("'-cmd");
    expect(ws.rowCount).toBe(4);
  });

  it("writes several sheets in order, each with its own header", async () => {
    const buf = await buffer(
      xlsxStream([
        { name: "Бірінші", columns, rows: [[1, "a", 1, 1, null]] },
        { name: "Екінші: [x]", columns: [{ header: "Аты", kind: "text" }], rows: [["Ким Елена"], ["Сәрсенова Динара"]] },
      ]),
    );
    const wb = await read(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Бірінші", "Екінші x"]);
    expect(wb.worksheets[1].getRow(3).getCell(1).value).toBe("Сәрсенова Динара");
  });

  it("streams many rows from an async iterable", async () => {
    async function* many() {
      for (let i = 1; i <= 3000; i++) yield [i, `Жоба ${i}`, i / 7, i * 1000, null] as Row;
    }
    const reader = xlsxStream([{ name: "x", columns, rows: many() }]).getReader();
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    expect(parts.length).toBeGreaterThan(1);
    const wb = await read(Buffer.concat(parts));
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(3001);
    expect(ws.getRow(3001).getCell(2).value).toBe("Жоба 3000");
  });

  it("closes the rows' iterator when the download is cancelled", async () => {
    let closed = false;
    async function* endless() {
      try {
        for (let i = 1; ; i++) yield [i, "x", 1, 1, null] as Row;
      } finally {
        closed = true;
      }
    }
    const reader = xlsxStream([{ name: "x", columns, rows: endless() }]).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
  });

  it("errors the stream on a bad row", async () => {
    await expect(buffer(xlsxStream([{ name: "x", columns, rows: [[1, "a"]] }]))).rejects.toThrow(/2 cells for 5 columns/);
  });
});

describe("sheetName", () => {
  it("keeps Excel's rules: 31 characters at most, no : \\ / ? * [ ], never empty", () => {
    expect(sheetName("Рейтинг және шешімдер")).toBe("Рейтинг және шешімдер");
    expect(sheetName("a/b:c?d*e[f]g\\h")).toBe("a b c d e f g h");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName(" :: ")).toBe("Sheet");
  });
});

describe("xlsxStream pacing", () => {
  it("reads rows no faster than the ZIP deflates them: when the last row is read, nearly all the file has been sent", async () => {
    // Text that compresses poorly (a pseudo-random sequence), so the file is large enough to measure.
    let seed = 42;
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    let sent = 0;
    let sentWhenLastRowRead = -1;
    const n = 60_000;
    function* rows(): Generator<Row> {
      for (let i = 0; i < n; i++) {
        if (i === n - 1) sentWhenLastRowRead = sent;
        yield [i, `${word()} ${word()} ${word()} ${word()}`, i / 7, 1_500_000, null];
      }
    }
    const reader = xlsxStream([{ name: "Rows", columns, rows: rows() }]).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sent += value.byteLength;
    }
    // Without waiting for the deflate stream, exceljs queued the uncompressed sheet in memory and the
    // rows were all read while the file was still far from sent: the backlog grew with the row count
    // (330 KB of compressed output at 30,000 rows, 180 MB of XML at 200,000). Now it is a few tens of KB.
    expect(sent).toBeGreaterThan(2_000_000);
    expect(sent - sentWhenLastRowRead).toBeLessThan(150_000);
  }, 30_000);
});
