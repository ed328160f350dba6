import { describe, expect, it } from "vitest";
import { almatyWallClock, csvField, csvRecord, csvText, EXCEL_KZ, neutraliseFormula, RFC4180, UTF8_BOM, xlsxValue, XLSX_FORMATS } from "./cells";

describe("neutraliseFormula", () => {
  it("puts an apostrophe before text starting with = + - @ tab or CR", () => {
    for (const text of ["=1+1", '=HYPERLINK("http://evil.example","x")', "+77011234567", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
  });

  it("leaves other text alone, a formula character inside the text included", () => {
    for (const text of ["", "Кофейня", "a=b", "1+1", " =1", "'quoted", "JG-1A2B3C4D", "Еңбекшіқазақ ауданы"]) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });
});

describe("csvField and csvRecord (RFC 4180)", () => {
  it("quotes a field holding the separator, a quote, CR or LF, and doubles quotes", () => {
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField('ТОО "Алма"', ";")).toBe('"ТОО ""Алма"""');
    expect(csvField("line 1\nline 2", ";")).toBe('"line 1\nline 2"');
    expect(csvField("a\rb", ";")).toBe('"a\rb"');
    expect(csvField("plain", ";")).toBe("plain");
    expect(csvField("", ";")).toBe("");
  });

  it("ends each record with CRLF", () => {
    expect(csvRecord(["a", "b;c", ""], ";")).toBe('a;"b;c";\r\n');
  });

  it("the BOM is U+FEFF (EF BB BF in UTF-8)", () => {
    expect([...new TextEncoder().encode(UTF8_BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("csvText", () => {
  it("writes text neutralised, numbers without grouping, empty for null", () => {
    expect(csvText("=cmd|' /C calc'!A0", { kind: "text" }, EXCEL_KZ)).toBe("'=cmd|' /C calc'!A0");
    expect(csvText(42, { kind: "text" }, EXCEL_KZ)).toBe("42");
    expect(csvText(7, { kind: "integer" }, EXCEL_KZ)).toBe("7");
    expect(csvText(1_500_000, { kind: "money" }, EXCEL_KZ)).toBe("1500000");
    expect(csvText(136_500_000, { kind: "money" }, RFC4180)).toBe("136500000");
    expect(csvText(null, { kind: "money" }, EXCEL_KZ)).toBe("");
    expect(csvText(undefined, { kind: "text" }, EXCEL_KZ)).toBe("");
  });

  it("writes a decimal with the column's decimals and the options' decimal mark", () => {
    expect(csvText(72.456, { kind: "decimal" }, EXCEL_KZ)).toBe("72,46");
    expect(csvText(72.456, { kind: "decimal" }, RFC4180)).toBe("72.46");
    expect(csvText(8.5, { kind: "decimal", decimals: 4 }, EXCEL_KZ)).toBe("8,5000");
    expect(csvText(60, { kind: "decimal", decimals: 0 }, EXCEL_KZ)).toBe("60");
    expect(csvText(-0, { kind: "decimal" }, EXCEL_KZ)).toBe("0,00");
    // A negative number is a number, not a formula: no apostrophe.
    expect(csvText(-1.5, { kind: "decimal" }, EXCEL_KZ)).toBe("-1,50");
  });

  it("writes dates and times in Asia/Almaty (UTC+5 now, UTC+6 before March 2024)", () => {
    expect(csvText(new Date("2025-06-04T20:30:00Z"), { kind: "date" }, EXCEL_KZ)).toBe("2025-06-05");
    expect(csvText(new Date("2025-06-04T20:30:00Z"), { kind: "datetime" }, EXCEL_KZ)).toBe("2025-06-05 01:30");
    expect(csvText(new Date("2024-01-01T18:30:00Z"), { kind: "datetime" }, EXCEL_KZ)).toBe("2024-01-02 00:30");
  });

  it("agrees with Intl's Asia/Almaty time across the March 2024 change, minute by minute, seconds included", () => {
    const intl = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    const start = Date.parse("2024-02-29T16:00:00Z");
    for (let ms = start; ms < start + 6 * 3_600_000; ms += 59_000) {
      const w = almatyWallClock(new Date(ms));
      const pad = (n: number) => String(n).padStart(2, "0");
      expect(`${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`).toBe(intl.format(new Date(ms)));
    }
  });

  it("lets a typed cell override its column's kind", () => {
    expect(csvText({ kind: "money", value: 1_500_000 }, { kind: "text" }, EXCEL_KZ)).toBe("1500000");
    expect(csvText({ kind: "decimal", value: 1.234, decimals: 1 }, { kind: "text" }, EXCEL_KZ)).toBe("1,2");
    expect(csvText({ kind: "text", value: "+7 701" }, { kind: "integer" }, EXCEL_KZ)).toBe("'+7 701");
  });

  it("refuses values that do not fit the kind (a programming error, not a silent blank)", () => {
    expect(() => csvText(1.5, { kind: "integer" }, EXCEL_KZ)).toThrow(/whole number/);
    expect(() => csvText(1.5, { kind: "money" }, EXCEL_KZ)).toThrow(/whole number/);
    expect(() => csvText(Number.NaN, { kind: "decimal" }, EXCEL_KZ)).toThrow(/finite number/);
    expect(() => csvText("12", { kind: "integer" }, EXCEL_KZ)).toThrow(/finite number/);
    expect(() => csvText("2025-01-01", { kind: "date" }, EXCEL_KZ)).toThrow(/valid Date/);
    expect(() => csvText(new Date(Number.NaN), { kind: "date" }, EXCEL_KZ)).toThrow(/valid Date/);
  });
});

describe("xlsxValue", () => {
  it("keeps numbers numeric with a number format (money in ₸, decimals fixed)", () => {
    expect(xlsxValue(1_500_000, { kind: "money" })).toEqual({ value: 1_500_000, numFmt: XLSX_FORMATS.money });
    expect(xlsxValue(3, { kind: "integer" })).toEqual({ value: 3, numFmt: "0" });
    expect(xlsxValue(72.456, { kind: "decimal" })).toEqual({ value: 72.46, numFmt: "0.00" });
    expect(xlsxValue(72.456, { kind: "decimal", decimals: 0 })).toEqual({ value: 72, numFmt: "0" });
    expect(xlsxValue(null, { kind: "money" })).toEqual({ value: null });
  });

  it("neutralises text as the CSV does", () => {
    expect(xlsxValue("=1+1", { kind: "text" })).toEqual({ value: "'=1+1" });
    expect(xlsxValue("@x", { kind: "text" })).toEqual({ value: "'@x" });
    expect(xlsxValue("Кофейня", { kind: "text" })).toEqual({ value: "Кофейня" });
  });

  it("writes the Almaty wall-clock time as the date's UTC fields (an XLSX date has no zone)", () => {
    const v = xlsxValue(new Date("2025-06-04T20:30:00Z"), { kind: "datetime" });
    expect(v.numFmt).toBe(XLSX_FORMATS.datetime);
    expect((v.value as Date).toISOString()).toBe("2025-06-05T01:30:00.000Z");
    const d = xlsxValue(new Date("2025-06-04T20:30:00Z"), { kind: "date" });
    expect((d.value as Date).toISOString()).toBe("2025-06-05T00:00:00.000Z");
  });
});
