import { env } from "@/lib/env";
import { claimDueMail, markMailFailed, markMailSent } from "./store";
import { createTransport, type MailTransport } from "./transport";
import { MAIL_TEMPLATES, renderMail, type MailPayloads, type MailTemplate } from "./templates";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 120_000;

export type SendReport = { sent: number; retried: number; failed: number };

let transport: MailTransport | undefined;
function getTransport(): MailTransport {
  const e = env();
  transport ??= createTransport(e.SMTP_URL, e.MAIL_DIR);
  return transport;
}

/** Deliver what is due, batch after batch, until nothing is left. Safe to run in several processes at once. */
export async function deliverDueMail(batch = 20, t: MailTransport = getTransport()): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const due = await claimDueMail(batch, LEASE_MS);
    if (due.length === 0) return report;
    for (const m of due) {
      try {
        if (!MAIL_TEMPLATES.includes(m.template)) throw new Error(`unknown template ${m.template}`);
        const r = renderMail(m.template as MailTemplate, m.language, m.payload as MailPayloads[MailTemplate]);
        await t.send({ deliveryKey: m.deliveryKey, from: env().MAIL_FROM, to: m.toEmail, ...r });
        await markMailSent(m.id);
        report.sent++;
      } catch (err) {
        // The error text only: it carries no body, and the address stays out of the log.
        const msg = err instanceof Error ? err.message : String(err);
        const outcome = await markMailFailed(m.id, m.attempts, msg, MAX_ATTEMPTS);
        if (outcome === "failed") report.failed++;
        else report.retried++;
        console.error(`[mail] delivery ${m.deliveryKey} failed (attempt ${m.attempts}): ${msg}`);
      }
    }
  }
}
