import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { endedSessions, users } from "@/db/schema";
import { now } from "@/lib/clock";
import type { Role } from "@/lib/domain/permissions";
import { writeAudit, type AuditActor } from "./audit";
import { UUID_RE } from "./guard";

export type Language = "kk" | "ru" | "en";

/** What sign-in needs. The hash never leaves lib/auth. */
export type SignInUser = {
  id: string;
  role: Role;
  active: boolean;
  sessionVersion: number;
  passwordHash: string | null;
};

/** The signed-in person as the app sees them: no password hash, no IIN, no contact data. */
export type ViewerRow = {
  id: string;
  role: Role;
  active: boolean;
  sessionVersion: number;
  language: Language;
  givenName: string;
  surname: string;
  /** The token's session was ended by signing out on that device. */
  sessionEnded: boolean;
};

/** An account by e-mail (case-insensitive, the unique index is on lower(email)); anonymised ones never sign in. */
export async function findUserForSignIn(email: string): Promise<SignInUser | null> {
  const rows = await getDb()
    .select({
      id: users.id,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`, isNull(users.anonymisedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Fresh role, active flag and session version of a user, and whether the token's session `sid` was
 * ended: one query, read once per request by getViewer().
 */
export async function loadViewer(id: string, sid: string): Promise<ViewerRow | null> {
  if (!isUuid(id) || !isUuid(sid)) return null;
  const rows = await getDb()
    .select({
      id: users.id,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      language: users.language,
      givenName: users.givenName,
      surname: users.surname,
      sessionEnded: sql<boolean>`EXISTS (SELECT 1 FROM ${endedSessions} WHERE ${endedSessions.sid} = ${sid})`,
    })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.anonymisedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Sign out everywhere: every JWT issued before carries an older session version and getViewer()
 * refuses it. One transaction with its audit row. Returns the new version, or null if no such user.
 */
export async function bumpSessionVersion(userId: string, actor: AuditActor): Promise<number | null> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now() })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) return null;
    await writeAudit(tx, {
      actor,
      action: "user.sign_out_everywhere",
      entityType: "user",
      entityId: userId,
      changes: { sessionVersion: row.sessionVersion },
    });
    return row.sessionVersion;
  });
}

/** A successful sign-in, for the audit trail (who accessed the personal data, and when). */
export async function recordSignIn(user: { id: string; role: Role }): Promise<void> {
  await writeAudit(getDb(), {
    actor: { id: user.id, role: user.role },
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
  });
}

function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/**
 * Sign out of one device: its session id is refused from now on. Kept until the token would have
 * expired (`maxAgeSeconds` after now), then purged by purgeEndedSessions().
 */
export async function endSession(userId: string, sid: string, maxAgeSeconds: number): Promise<void> {
  if (!isUuid(userId) || !isUuid(sid)) return;
  const at = now();
  await getDb()
    .insert(endedSessions)
    .values({ sid, userId, endedAt: at, expiresAt: new Date(at.getTime() + maxAgeSeconds * 1000) })
    .onConflictDoNothing();
}

/** Forget ended sessions whose tokens have expired anyway. Returns how many rows went. */
export async function purgeEndedSessions(): Promise<number> {
  const gone = await getDb().delete(endedSessions).where(sql`${endedSessions.expiresAt} < ${now()}`).returning({ sid: endedSessions.sid });
  return gone.length;
}
