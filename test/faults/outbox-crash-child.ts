/**
 * A mail sender that dies: delivers due e-mails from the outbox to .eml files (the real file transport)
 * and kills itself with SIGKILL right after the CRASH_AFTER-th delivery, before marking it sent.
 * Run by test/faults/outbox.faults.test.ts with DATABASE_URL, MAIL_DIR and CRASH_AFTER set.
 */
import { deliverDueMail } from "../../lib/mail/sender";
import { createTransport } from "../../lib/mail/transport";

const file = createTransport(undefined, process.env.MAIL_DIR!);
const crashAfter = Number(process.env.CRASH_AFTER);
let n = 0;
await deliverDueMail(10, {
  kind: "file",
  async send(m) {
    await file.send(m);
    n += 1;
    if (n === crashAfter) process.kill(process.pid, "SIGKILL");
  },
  close: () => file.close(),
});
