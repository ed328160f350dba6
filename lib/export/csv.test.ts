import { describe, expect, it } from "vitest";
import type { Column, Row } from "./cells";
import { EXCEL_KZ, RFC4180 } from "./cells";
import { csvStream } from "./csv";

async function bytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  // TextDecoder drops a BOM by default; keep it to see it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytes(stream));
}

const columns: Column[] = [
  { header: "Орын", kind: "integer" },
  { header: "Жоба; атауы", kind: "text" },
  { header: "Ұпай", kind: "decimal" },
  { header: "Сомасы (₸)", kind: "money" },
];

describe("csvStream", () => {
  it("writes UTF-8 with a BOM, a header, CRLF records, quoting and neutralised formulas", async () => {
    const rows: Row[] = [
      [1, 'Кофейня "Таң"', 87.125, 1_500_000],
      [2, "=HYPERLINK(\"http://x\")", 71.5, null],
      [3, "line 1\nline 2", null, null],
    ];
    const out = await bytes(csvStream({ name: "x", columns, rows }));
    expect([...out.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(out);
    expect(csv).toBe(
      [
        'Орын;"Жоба; атауы";Ұпай;Сомасы (₸)',
        '1;"Кофейня ""Таң""";87,13;1500000',
        `2;"'=HYPERLINK(""http://x"")";71,50;`,
        '3;"line 1\nline 2";;',
        "",
      ].join("\r\n"),
    );
  });

  it("uses `,` and `.` when asked (RFC 4180 for programs)", async () => {
    const csv = await text(csvStream({ name: "x", columns, rows: [[1, "a;b", 1.5, 10]] }, RFC4180));
    expect(csv).toBe('\uFEFFОрын,Жоба; атауы,Ұпай,Сомасы (₸)\r\n1,a;b,1.50,10\r\n');
  });

  it("refuses a separator equal to the decimal mark", () => {
    expect(() => csvStream({ name: "x", columns, rows: [] }, { separator: ",", decimalMark: "," })).toThrow(/differ/);
  });

  it("writes only the header for no rows", async () => {
    expect(await text(csvStream({ name: "x", columns, rows: [] }, EXCEL_KZ))).toBe('\uFEFFОрын;"Жоба; атауы";Ұпай;Сомасы (₸)\r\n');
  });

  it("streams an async iterable in chunks, every row once, in order", async () => {
    async function* many() {
      for (let i = 1; i <= 5000; i++) yield [i, `Жоба ${i}`, i / 3, i * 1000] as Row;
    }
    const reader = csvStream({ name: "x", columns, rows: many() }).getReader();
    let chunks = 0;
    let all = "";
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      all += decoder.decode(value, { stream: true });
    }
    const lines = all.split("\r\n");
    expect(lines).toHaveLength(5002); // header + 5000 + the empty string after the last CRLF
    expect(lines[1]).toBe("1;Жоба 1;0,33;1000");
    expect(lines[5000]).toBe("5000;Жоба 5000;1666,67;5000000");
    expect(chunks).toBeGreaterThan(2);
    expect(chunks).toBeLessThan(200);
  });

  it("reads rows only as the client reads, and closes the rows' iterator when the download is cancelled", async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced++;
          yield [produced, "x", 1, 1] as Row;
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvStream({ name: "x", columns, rows: endless() }).getReader();
    await reader.read(); // the header
    await reader.read(); // one chunk of rows
    const afterOne = produced;
    expect(afterOne).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));
    // Not running ahead of the client: at most the chunk the stream keeps queued.
    expect(produced).toBeLessThanOrEqual(afterOne * 2 + 1);
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it("errors the stream on a row with the wrong number of cells, and closes the iterator", async () => {
    let closed = false;
    function* rows() {
      try {
        yield [1, "a", 1, 1] as Row;
        yield [2, "b"] as Row;
      } finally {
        closed = true;
      }
    }
    await expect(text(csvStream({ name: "x", columns, rows: rows() }))).rejects.toThrow(/2 cells for 4 columns/);
    expect(closed).toBe(true);
  });
});
