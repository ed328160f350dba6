/**
 * Background jobs of a server process: deliver the outbox every OUTBOX_POLL_MS (0 leaves mail and reminders
 * to `npm run mail:send -- --watch` and skips the purge of ended sessions; retention runs regardless),
 * send deadline and review-deadline reminders every 10 minutes, forget ended sessions whose tokens expired (hourly),
 * and apply the retention period (daily, first a few minutes after the start, so a server that restarts
 * often still runs it). Each job is safe to run in several processes at once (SKIP LOCKED claims; unique
 * reminder rows; conditional updates). A job never overlaps itself within a process.
 */
import { sendDeadlineReminders } from "@/lib/dal/reminders";
import { sendReviewReminders } from "@/lib/dal/review-reminders";
import { runRetention } from "@/lib/dal/retention";
import { purgeEndedSessions } from "@/lib/dal/users";
import { env } from "@/lib/env";
import { deliverDueMail } from "@/lib/mail/sender";

type Job = { name: string; everyMs: number; firstAfterMs?: number; run: () => Promise<unknown> };

const timers: NodeJS.Timeout[] = [];

function schedule(job: Job) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job.run();
    } catch (err) {
      console.error(`[jobs] ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const t = setInterval(tick, job.everyMs);
  t.unref();
  timers.push(t);
  if (job.firstAfterMs !== undefined) {
    const first = setTimeout(tick, job.firstAfterMs);
    first.unref();
    timers.push(first);
  }
}

export function startBackgroundJobs(): void {
  if (timers.length) return;
  // Retention is a legal duty: it runs in every server process, whatever runs the mail.
  schedule({
    name: "retention",
    everyMs: 24 * 60 * 60_000,
    firstAfterMs: 5 * 60_000,
    run: async () => {
      const r = await runRetention();
      if (r.applications || r.accounts) console.log(`[jobs] retention: ${r.applications} applications and ${r.accounts} accounts anonymised`);
    },
  });
  const every = env().OUTBOX_POLL_MS;
  // 0: mail and reminders are not this process's (`npm run mail:send -- --watch` does them).
  if (every <= 0) return;
  schedule({ name: "outbox", everyMs: every, run: () => deliverDueMail() });
  schedule({ name: "deadline reminders", everyMs: 10 * 60_000, run: () => sendDeadlineReminders() });
  schedule({ name: "review reminders", everyMs: 10 * 60_000, run: () => sendReviewReminders() });
  schedule({ name: "ended sessions", everyMs: 60 * 60_000, run: () => purgeEndedSessions() });
}

export function stopBackgroundJobs(): void {
  for (const t of timers.splice(0)) clearTimeout(t);
}
