import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authAttempts } from "@/db/schema";
import { now } from "@/lib/clock";

export type AttemptKind = "sign_in" | "reset" | "verify";

/** At most LIMIT counted attempts per e-mail and kind within WINDOW (held in PostgreSQL, so across processes). */
export const THROTTLE_LIMIT = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** The table keeps a SHA-256 of the lower-cased e-mail, never the address. */
export function throttleKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export type Slot = { ok: true; attemptId: string } | { ok: false; retryAt: Date };

/**
 * Take an attempt slot atomically: under a transaction-scoped advisory lock on the key, count the
 * attempts in the window (for sign-in: failures since the last success) and, when under the limit,
 * record this attempt at once as a failure. Concurrent attempts on other connections or processes
 * queue on the lock, so a burst cannot slip past the limit. Call `succeed(slot)` when a sign-in succeeds.
 */
export async function takeSlot(kind: AttemptKind, email: string): Promise<Slot> {
  const key = throttleKey(email);
  const at = now();
  const since = new Date(at.getTime() - THROTTLE_WINDOW_MS);
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${kind}:${key}`}, 0))`);
    const counted = await tx.execute<{ n: number; oldest: Date | null }>(sql`
      SELECT count(*)::int AS n, min(at) AS oldest FROM ${authAttempts}
       WHERE kind = ${kind} AND key_hash = ${key} AND at > ${since} AND success = false
         AND at > coalesce((SELECT max(at) FROM ${authAttempts}
                             WHERE kind = ${kind} AND key_hash = ${key} AND success = true), '-infinity')`);
    const { n, oldest } = counted.rows[0];
    if (n >= THROTTLE_LIMIT) {
      const first = oldest ? new Date(oldest) : at;
      return { ok: false as const, retryAt: new Date(first.getTime() + THROTTLE_WINDOW_MS) };
    }
    const [row] = await tx.insert(authAttempts).values({ kind, keyHash: key, success: false, at }).returning({ id: authAttempts.id });
    return { ok: true as const, attemptId: row.id };
  });
}

/** The attempt succeeded (sign-in): earlier failures no longer count. */
export async function succeed(slot: Extract<Slot, { ok: true }>): Promise<void> {
  await getDb().execute(sql`UPDATE ${authAttempts} SET success = true WHERE id = ${slot.attemptId}`);
}

/** Housekeeping: attempts older than a day serve no purpose. */
export async function pruneAttempts(): Promise<number> {
  const r = await getDb().execute(sql`DELETE FROM ${authAttempts} WHERE at < ${new Date(now().getTime() - 86_400_000)}`);
  return r.rowCount ?? 0;
}
