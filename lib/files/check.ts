/**
 * Upload checks, by content: the first bytes decide the type, whatever the name or the declared
 * Content-Type says. Pure, unit-tested.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_APPLICATION = 5;

export type FileKind = { mime: "application/pdf"; ext: "pdf" } | { mime: "image/jpeg"; ext: "jpg" } | { mime: "image/png"; ext: "png" };

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(head: Uint8Array, sig: number[]): boolean {
  return head.length >= sig.length && sig.every((b, i) => head[i] === b);
}

/** The type of a file from its first bytes, or null when it is none of PDF, JPEG, PNG. */
export function sniff(head: Uint8Array): FileKind | null {
  if (startsWith(head, PDF)) return { mime: "application/pdf", ext: "pdf" };
  if (startsWith(head, PNG)) return { mime: "image/png", ext: "png" };
  if (startsWith(head, JPEG)) return { mime: "image/jpeg", ext: "jpg" };
  return null;
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control or
 * bidirectional-override characters, no leading dots, at most 120 characters, with the extension
 * of the real type.
 */
export function safeFileName(name: string, kind: FileKind): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let clean = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/^\.+/, "")
    .trim();
  clean = clean.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  if (!clean) clean = "file";
  return `${clean.slice(0, 110)}.${kind.ext}`;
}

export type UploadRefusal = "empty" | "too_large" | "type_not_allowed" | "too_many";

/** Checks that need only the size and the first bytes (the route handler streams the rest). */
export function checkUpload(head: Uint8Array, size: number): { ok: true; kind: FileKind } | { ok: false; code: UploadRefusal } {
  if (size <= 0) return { ok: false, code: "empty" };
  if (size > MAX_FILE_BYTES) return { ok: false, code: "too_large" };
  const kind = sniff(head);
  if (!kind) return { ok: false, code: "type_not_allowed" };
  return { ok: true, kind };
}
