import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders, safeFileName } from "./http";

describe("download headers", () => {
  it("names the file in UTF-8 (filename*) with an ASCII fallback", () => {
    const cd = contentDisposition("Комиссия хаттамасы — Бизнес бастау — 2025.csv", "jas-grant-protocol-biznes_bastau-2025.csv");
    expect(cd).toBe(
      `attachment; filename="jas-grant-protocol-biznes_bastau-2025.csv"; filename*=UTF-8''${encodeURIComponent("Комиссия хаттамасы — Бизнес бастау — 2025.csv")}`,
    );
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe("Комиссия хаттамасы — Бизнес бастау — 2025.csv");
  });

  it("drops characters no desktop accepts in a file name, quotes and line breaks included", () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\r\nk')).toBe("a b c d e f g h i j k");
    expect(safeFileName("  ")).toBe("export");
    expect(contentDisposition("x\".csv", "x\"\u0416.csv")).toMatch(/^attachment; filename="x _.csv"; filename\*=UTF-8''x%20.csv$/);
    expect(contentDisposition("(a)'b.csv", "a.csv")).toContain("filename*=UTF-8''%28a%29%27b.csv");
  });

  it("are never cached nor sniffed", () => {
    const h = downloadHeaders("text/csv; charset=utf-8", "x.csv", "x.csv");
    expect(h["Cache-Control"]).toContain("no-store");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Type"]).toBe("text/csv; charset=utf-8");
  });
});
