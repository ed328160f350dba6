import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/export/http";
import { csvRecordCounter, fileNameFrom } from "./export-downloads";

describe("export downloads: helpers", () => {
  it("reads the server's file name back from Content-Disposition (UTF-8 name first)", () => {
    const name = "Өтінімдер — Бизнес бастау — 2025 жылғы конкурс — 2026-12-02.csv";
    expect(fileNameFrom(contentDisposition(name, "jas-grant-applications.csv"), "x.csv")).toBe(name);
    expect(fileNameFrom('attachment; filename="plain.xlsx"', "x.xlsx")).toBe("plain.xlsx");
    expect(fileNameFrom(null, "x.xlsx")).toBe("x.xlsx");
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", "x.csv")).toBe("x.csv");
  });

  it("counts CSV records across chunks, line breaks and doubled quotes inside quoted fields included", () => {
    const text = 'a;b\r\n1;"two\r\nlines"\r\n2;"say ""hi""\r\n"\r\n3;x\r\n';
    const bytes = new TextEncoder().encode(text);
    for (const cut of [1, 5, 9, 17, bytes.length]) {
      const c = csvRecordCounter();
      let n = 0;
      for (let i = 0; i < bytes.length; i += cut) n = c.add(bytes.subarray(i, i + cut));
      expect(n).toBe(4);
    }
  });
});
