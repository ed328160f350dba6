/**
 * The outbox table: `enqueueMail` (in the caller's transaction) and the sender's side (claim, mark
 * sent, mark failed). Not marked server-only: Next's instrumentation hook and the `mail:send` CLI load it.
 */
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import type { MailLanguage, MailPayloads, MailTemplate } from "./templates";

/** Write an e-mail into the outbox inside the caller's transaction: it exists if and only if the change does. */
export async function enqueueMail<T extends MailTemplate>(
  tx: DbOrTx,
  mail: { userId?: string | null; to: string; language: MailLanguage; template: T; payload: MailPayloads[T] },
): Promise<void> {
  await tx.insert(outbox).values({
    userId: mail.userId ?? null,
    toEmail: mail.to,
    language: mail.language,
    template: mail.template,
    payload: mail.payload as Record<string, unknown>,
  });
}

export type ClaimedMail = {
  id: number;
  deliveryKey: string;
  toEmail: string;
  language: MailLanguage;
  template: MailTemplate;
  payload: Record<string, unknown>;
  attempts: number;
};

/**
 * Claim up to `limit` due e-mails for this sender. `FOR UPDATE SKIP LOCKED` lets several senders
 * (server processes, `npm run mail:send`) run at once without taking the same row; the claim is a lease
 * (`locked_until`), so a sender that crashes mid-batch releases its rows when the lease ends.
 */
export async function claimDueMail(limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  const rows = await getDb().execute<{
    id: string;
    delivery_key: string;
    to_email: string;
    language: MailLanguage;
    template: MailTemplate;
    payload: Record<string, unknown>;
    attempts: number;
  }>(sql`
    UPDATE ${outbox} SET status = 'sending', attempts = attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE id IN (
       SELECT id FROM ${outbox}
        WHERE (status = 'pending' AND next_attempt_at <= now())
           OR (status = 'sending' AND locked_until < now())
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, delivery_key, to_email, language, template, payload, attempts`);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    deliveryKey: r.delivery_key,
    toEmail: r.to_email,
    language: r.language,
    template: r.template,
    payload: r.payload,
    attempts: r.attempts,
  }));
}

export async function markMailSent(id: number): Promise<void> {
  await getDb()
    .update(outbox)
    .set({ status: "sent", sentAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "sending")));
}

/** A failed attempt: retried later with exponential backoff, given up after `maxAttempts`. */
export async function markMailFailed(id: number, attempts: number, error: string, maxAttempts: number): Promise<"retry" | "failed"> {
  const giveUp = attempts >= maxAttempts;
  const backoffSec = Math.min(60 * 2 ** (attempts - 1), 3600);
  await getDb()
    .update(outbox)
    .set({
      status: giveUp ? "failed" : "pending",
      lockedUntil: null,
      lastError: error.slice(0, 500),
      nextAttemptAt: sql`now() + make_interval(secs => ${backoffSec})`,
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, "sending")));
  return giveUp ? "failed" : "retry";
}
