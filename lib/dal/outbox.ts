import "server-only";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import type { MailLanguage, MailPayloads, MailTemplate } from "@/lib/mail/templates";

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
