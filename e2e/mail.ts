import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

/**
 * The e-mails the e2e server wrote as `.eml` files (no SMTP_URL in e2e: the outbox sender writes them
 * under <E2E_DATA_DIR>/mail). Tests read them as the person would: find the one sent to an address,
 * follow its link.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const MAIL_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e", "mail");

export type Mail = { file: string; to: string; subject: string; text: string; html: string; mtimeMs: number };

function decodeWords(s: string): string {
  // RFC 2047: whitespace between two adjacent encoded words is not part of the text.
  return s.replace(/(\?=)\s+(?==\?utf-8\?)/gi, "$1").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf("\n\n");
  const head = raw.slice(0, at).replace(/\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: raw.slice(at + 2) };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const enc = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

/** Parse one .eml as nodemailer writes it (multipart/alternative with text and HTML). */
export function parseEml(raw: string): { to: string; subject: string; text: string; html: string } {
  const { headers, body } = splitHeaders(raw.replace(/\r\n/g, "\n"));
  let text = "";
  let html = "";
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [body];
  for (const part of parts) {
    const p = boundary ? splitHeaders(part.replace(/^\n/, "")) : { headers, body };
    const type = (p.headers["content-type"] ?? "text/plain").toLowerCase();
    if (type.startsWith("text/plain")) text = decodeBody(p.headers, p.body);
    else if (type.startsWith("text/html")) html = decodeBody(p.headers, p.body);
  }
  return { to: headers["to"] ?? "", subject: decodeWords(headers["subject"] ?? ""), text, html };
}

/** Every mail written so far to `to` (oldest first). */
export function mailsTo(to: string): Mail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => {
      const file = path.join(MAIL_DIR, f);
      return { file, mtimeMs: fs.statSync(file).mtimeMs, ...parseEml(fs.readFileSync(file, "utf8")) };
    })
    .filter((m) => m.to.toLowerCase().includes(to.toLowerCase()))
    .sort((a, b) => a.mtimeMs - b.mtimeMs);
}

/**
 * Wait (the outbox sender polls) for a mail to `to` whose text has a link to `pathPrefix`, written
 * after `since` (ms since epoch), and return that link as a path with its query ("/verify-email?token=…").
 */
export async function waitForLink(to: string, pathPrefix: string, since = 0, timeout = 30_000): Promise<{ mail: Mail; link: string }> {
  let found: { mail: Mail; link: string } | undefined;
  await expect
    .poll(
      () => {
        for (const mail of mailsTo(to).reverse()) {
          if (mail.mtimeMs < since) continue;
          const m = new RegExp(`https?://[^\\s"<>]+(${pathPrefix.replace(/[/?]/g, "\\$&")}[^\\s"<>]*)`).exec(mail.text);
          if (m) {
            found = { mail, link: m[1] };
            return true;
          }
        }
        return false;
      },
      { timeout, message: `a mail to ${to} with a link to ${pathPrefix}` },
    )
    .toBe(true);
  return found!;
}
