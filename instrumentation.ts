/** Next's start-up hook: the background jobs (outbox, reminders) run in the Node.js runtime only. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("./lib/jobs");
  startBackgroundJobs();
}
