import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export type OutgoingMail = { deliveryKey: string; from: string; to: string; subject: string; text: string; html: string };
export type MailTransport = { kind: "smtp" | "file"; send(mail: OutgoingMail): Promise<void>; close(): void };

function message(m: OutgoingMail) {
  // The delivery key is the Message-ID: a receiving server (or a reader of .eml files) can tell a
  // repeated delivery of the same e-mail from a new one.
  return { from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: `<${m.deliveryKey}@jasgrant>` };
}

/** SMTP through nodemailer when SMTP_URL is set; otherwise `.eml` files under the mail folder. */
export function createTransport(smtpUrl: string | undefined, mailDir: string): MailTransport {
  if (smtpUrl) {
    const t: Transporter = nodemailer.createTransport(smtpUrl);
    return {
      kind: "smtp",
      async send(m) {
        await t.sendMail(message(m));
      },
      close: () => t.close(),
    };
  }
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(m) {
      const info = await t.sendMail(message(m));
      fs.mkdirSync(mailDir, { recursive: true });
      // Named by the delivery key: delivering the same e-mail twice rewrites one file.
      const file = path.join(mailDir, `${m.deliveryKey}.eml`);
      const tmp = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, info.message as Buffer);
      fs.renameSync(tmp, file);
    },
    close: () => t.close(),
  };
}
