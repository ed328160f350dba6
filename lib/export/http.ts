/** HTTP headers of a downloaded export. Pure. */

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** Characters Windows, macOS and Excel refuse or misread in a file name, and control characters. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A file name safe on every desktop system: unsafe characters become spaces, trimmed, at most 150 chars. */
export function safeFileName(name: string): string {
  const clean = name.replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ").trim();
  return clean.slice(0, 150).trim() || "export";
}

/**
 * `Content-Disposition: attachment` with the readable (Cyrillic) name in `filename*` (RFC 6266 / 5987,
 * understood by every current browser) and an ASCII name for older clients.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const utf8 = safeFileName(fileName);
  const ascii = safeFileName(asciiFallback).replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of a download: never cached (it may hold personal data and changes), never sniffed. */
export function downloadHeaders(contentType: string, fileName: string, asciiFallback: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": contentDisposition(fileName, asciiFallback),
    "Cache-Control": "private, no-store, max-age=0",
    Pragma: "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}
