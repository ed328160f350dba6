/** `npm run mail:send [-- --watch]`: write due deadline and review reminders, deliver the outbox's due e-mails; once, or keep polling. */
import { closeDb } from "../db/client";
import { env } from "../lib/env";
import { sendDeadlineReminders } from "../lib/dal/reminders";
import { sendReviewReminders } from "../lib/dal/review-reminders";
import { deliverDueMail } from "../lib/mail/sender";

async function main() {
  const watch = process.argv.includes("--watch");
  do {
    const reminders = await sendDeadlineReminders();
    if (reminders.sent) console.log(`[mail] deadline reminders written: ${reminders.sent}`);
    const review = await sendReviewReminders();
    if (review.sent) console.log(`[mail] review reminders written: ${review.sent}`);
    const r = await deliverDueMail();
    if (r.sent || r.retried || r.failed || !watch) console.log(`[mail] sent ${r.sent}, to retry ${r.retried}, given up ${r.failed}`);
    if (watch) await new Promise((res) => setTimeout(res, Math.max(env().OUTBOX_POLL_MS, 1000)));
  } while (watch);
}

main()
  .catch((e: Error) => {
    console.error(`mail:send: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
