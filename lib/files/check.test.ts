import { describe, expect, it } from "vitest";
import { checkUpload, MAX_FILE_BYTES, safeFileName, sniff } from "./check";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const pdf = { mime: "application/pdf", ext: "pdf" } as const;

describe("upload checks", () => {
  it("knows PDF, PNG and JPEG by their first bytes", () => {
    expect(sniff(text("%PDF-1.7\n"))).toEqual(pdf);
    expect(sniff(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({ mime: "image/png", ext: "png" });
    expect(sniff(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ mime: "image/jpeg", ext: "jpg" });
  });

  it("refuses an executable renamed .pdf, HTML, a zip and a truncated signature", () => {
    expect(sniff(text("MZ\x90\x00"))).toBeNull();
    expect(sniff(text("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniff(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull();
    expect(sniff(text("%PD"))).toBeNull();
    expect(checkUpload(text("MZ\x90\x00 this is an exe"), 100)).toEqual({ ok: false, code: "type_not_allowed" });
  });

  it("refuses empty and oversize files", () => {
    expect(checkUpload(text("%PDF-1.4"), 0)).toEqual({ ok: false, code: "empty" });
    expect(checkUpload(text("%PDF-1.4"), MAX_FILE_BYTES + 1)).toEqual({ ok: false, code: "too_large" });
    expect(checkUpload(text("%PDF-1.4"), MAX_FILE_BYTES)).toEqual({ ok: true, kind: pdf });
  });

  it("cleans names: no path, control or bidi characters, the real extension", () => {
    expect(safeFileName("../../etc/passwd", pdf)).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\me\\смета.PDF", pdf)).toBe("смета.pdf");
    expect(safeFileName("invoice\u202Efdp.exe", pdf)).toBe("invoicefdp.pdf");
    expect(safeFileName("a\u0000b\r\nc.pdf", pdf)).toBe("abc.pdf");
    expect(safeFileName("...hidden", pdf)).toBe("hidden.pdf");
    expect(safeFileName("", pdf)).toBe("file.pdf");
    expect(safeFileName("x".repeat(300) + ".pdf", pdf)).toHaveLength(114);
    expect(safeFileName('quote"<>|.png', { mime: "image/png", ext: "png" })).toBe("quote____.png");
  });
});
