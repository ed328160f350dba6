/** Next's start-up hook: the in-server outbox sender runs in the Node.js runtime only. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxPoller } = await import("./lib/mail/sender");
  startOutboxPoller();
}
