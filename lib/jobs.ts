/**
 * Background jobs of a server process: deliver the outbox every OUTBOX_POLL_MS (0 turns the jobs off),
 * send deadline and review-deadline reminders every 10 minutes, and forget ended sessions whose tokens expired (hourly). Each job is safe to run in several processes at once
 * (SKIP LOCKED claims; unique reminder rows). A job never overlaps itself within a process.
 */
import { sendDeadlineReminders } from "@/lib/dal/reminders";
import { sendReviewReminders } from "@/lib/dal/review-reminders";
import { purgeEndedSessions } from "@/lib/dal/users";
import { env } from "@/lib/env";
import { deliverDueMail } from "@/lib/mail/sender";

type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

const timers: NodeJS.Timeout[] = [];

function schedule(job: Job) {
  let running = false;
  const t = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await job.run();
    } catch (err) {
      console.error(`[jobs] ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  }, job.everyMs);
  t.unref();
  timers.push(t);
}

export function startBackgroundJobs(): void {
  const every = env().OUTBOX_POLL_MS;
  if (every <= 0 || timers.length) return;
  schedule({ name: "outbox", everyMs: every, run: () => deliverDueMail() });
  schedule({ name: "deadline reminders", everyMs: 10 * 60_000, run: () => sendDeadlineReminders() });
  schedule({ name: "review reminders", everyMs: 10 * 60_000, run: () => sendReviewReminders() });
  schedule({ name: "ended sessions", everyMs: 60 * 60_000, run: () => purgeEndedSessions() });
}

export function stopBackgroundJobs(): void {
  for (const t of timers.splice(0)) clearInterval(t);
}
