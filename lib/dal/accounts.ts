import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { and, eq, isNull, ne, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { authTokens, consents, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import type { Registration } from "@/lib/validation/registration";
import { CONSENT_TEXT_VERSION } from "@/lib/validation/registration";
import { writeAudit, type AuditActor } from "./audit";
import { enqueueMail } from "./outbox";
import { takeSlot } from "./throttle";
import { requireAdmin } from "./guard";

type Language = "kk" | "ru" | "en";
type TokenPurpose = "verify_email" | "reset_password" | "set_password";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
  set_password: 72 * 3600_000,
};
const TOKEN_PATH: Record<TokenPurpose, string> = {
  verify_email: "/verify-email",
  reset_password: "/reset-password",
  set_password: "/set-password",
};

/** Only a SHA-256 of a link's token is stored: a copy of the database opens no account. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // A new link replaces the earlier unused ones of the same purpose.
  await tx
    .update(authTokens)
    .set({ usedAt: now() })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
  await tx.insert(authTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now().getTime() + TOKEN_TTL_MS[purpose]),
    createdAt: now(),
  });
  return `${env().APP_URL.replace(/\/$/, "")}${TOKEN_PATH[purpose]}?token=${token}`;
}

export type FieldFailure = { ok: false; code: "invalid"; fieldErrors: Record<string, string> };
export type Throttled = { ok: false; code: "rate_limited"; retryAt: Date };

function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.code === "23505" ? e : e.cause?.code === "23505" ? e.cause : null;
  return c ? (c.constraint ?? "") : null;
}

/**
 * Register an applicant: the account, the personal-data consent (and the legal representative's for
 * 14–17), the verification link and its e-mail, and the audit row, in one transaction. A taken e-mail
 * or IIN is a field error (also when two registrations race: the unique indexes decide).
 */
export async function registerApplicant(r: Registration): Promise<{ ok: true; userId: string } | FieldFailure> {
  const passwordHash = await hash(r.password);
  try {
    return await getDb().transaction(async (tx) => {
      const taken = await tx
        .select({ email: sql<string>`lower(${users.email})`, iin: users.iin })
        .from(users)
        .where(sql`lower(${users.email}) = ${r.email} OR ${users.iin} = ${r.iin}`);
      const fieldErrors: Record<string, string> = {};
      if (taken.some((t) => t.email === r.email)) fieldErrors.email = "emailTaken";
      if (taken.some((t) => t.iin === r.iin)) fieldErrors.iin = "iinTaken";
      if (Object.keys(fieldErrors).length) return { ok: false as const, code: "invalid" as const, fieldErrors };

      const at = now();
      const [u] = await tx
        .insert(users)
        .values({
          email: r.email,
          passwordHash,
          role: "applicant",
          surname: r.surname,
          givenName: r.givenName,
          patronymic: r.patronymic,
          iin: r.iin,
          birthDate: r.birthDate,
          sex: r.sex,
          phone: r.phone,
          districtCode: r.district,
          language: r.language,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: users.id });
      await tx.insert(consents).values({ userId: u.id, kind: "personal_data", textVersion: CONSENT_TEXT_VERSION, language: r.language, givenAt: at });
      if (r.minor) {
        await tx.insert(consents).values({
          userId: u.id,
          kind: "guardian",
          textVersion: CONSENT_TEXT_VERSION,
          language: r.language,
          givenAt: at,
          guardianName: r.guardianName,
          guardianIin: r.guardianIin,
          guardianRelation: r.guardianRelation,
        });
      }
      const url = await issueToken(tx, u.id, "verify_email");
      await enqueueMail(tx, { userId: u.id, to: r.email, language: r.language, template: "verify_email", payload: { name: r.givenName, url } });
      await writeAudit(tx, {
        actor: { id: u.id, role: "applicant" },
        action: "user.register",
        entityType: "user",
        entityId: u.id,
        changedFields: ["email", "surname", "givenName", "patronymic", "iin", "birthDate", "sex", "phone"],
        changes: { districtCode: r.district, language: r.language, consentVersion: CONSENT_TEXT_VERSION, guardianConsent: r.minor },
      });
      return { ok: true as const, userId: u.id };
    });
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === null) throw err;
    return { ok: false, code: "invalid", fieldErrors: constraint.includes("iin") ? { iin: "iinTaken" } : { email: "emailTaken" } };
  }
}

export type LinkOutcome = { ok: true; userId: string } | { ok: false; code: "invalid" | "expired" | "used" };

/** Find a link's token row, locked, and tell why it cannot be used. */
async function findToken(tx: Tx, token: string, purposes: TokenPurpose[]) {
  const [row] = await tx
    .select({ id: authTokens.id, userId: authTokens.userId, purpose: authTokens.purpose, expiresAt: authTokens.expiresAt, usedAt: authTokens.usedAt })
    .from(authTokens)
    .where(eq(authTokens.tokenHash, hashToken(token)))
    .for("update");
  if (!row || !purposes.includes(row.purpose)) return { ok: false as const, code: "invalid" as const };
  if (row.usedAt) return { ok: false as const, code: "used" as const };
  if (row.expiresAt.getTime() <= now().getTime()) return { ok: false as const, code: "expired" as const };
  return { ok: true as const, row };
}

async function markUsed(tx: Tx, tokenId: string) {
  await tx.update(authTokens).set({ usedAt: now() }).where(eq(authTokens.id, tokenId));
}

/** Follow a verification link (valid 24 h, once). */
export async function verifyEmail(token: string): Promise<LinkOutcome> {
  return getDb().transaction(async (tx) => {
    const c = await findToken(tx, token, ["verify_email"]);
    if (!c.ok) return c;
    await markUsed(tx, c.row.id);
    const [u] = await tx
      .update(users)
      .set({ emailVerifiedAt: now(), updatedAt: now() })
      .where(and(eq(users.id, c.row.userId), isNull(users.anonymisedAt)))
      .returning({ id: users.id, role: users.role });
    if (!u) return { ok: false as const, code: "invalid" as const };
    await writeAudit(tx, { actor: { id: u.id, role: u.role }, action: "user.verify_email", entityType: "user", entityId: u.id, changedFields: ["emailVerifiedAt"] });
    return { ok: true as const, userId: u.id };
  });
}

/** Send the verification link again to a signed-in, unverified person (throttled). */
export async function resendVerification(userId: string): Promise<{ ok: true } | Throttled | { ok: false; code: "conflict" }> {
  const [u] = await getDb()
    .select({ email: users.email, givenName: users.givenName, language: users.language, verified: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return { ok: false, code: "conflict" };
  if (u.verified) return { ok: false, code: "conflict" };
  const slot = await takeSlot("verify", u.email);
  if (!slot.ok) return { ok: false, code: "rate_limited", retryAt: slot.retryAt };
  await getDb().transaction(async (tx) => {
    const url = await issueToken(tx, userId, "verify_email");
    await enqueueMail(tx, { userId, to: u.email, language: u.language, template: "verify_email", payload: { name: u.givenName, url } });
  });
  return { ok: true };
}

/**
 * "Send me a reset link". The answer is the same whether or not the e-mail has an account (only the
 * throttle, counted per e-mail either way, can refuse), so the form tells nobody who is registered.
 */
export async function requestPasswordReset(email: string, language: Language): Promise<{ ok: true } | Throttled> {
  const slot = await takeSlot("reset", email);
  if (!slot.ok) return { ok: false, code: "rate_limited", retryAt: slot.retryAt };
  await getDb().transaction(async (tx) => {
    const [u] = await tx
      .select({ id: users.id, email: users.email, role: users.role, givenName: users.givenName, language: users.language, hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL` })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, eq(users.active, true), isNull(users.anonymisedAt)));
    if (!u) return;
    // Someone who never chose a password (an account made by an admin) gets the first-password link.
    const lang = u.language ?? language;
    if (u.hasPassword || u.role === "applicant") {
      const url = await issueToken(tx, u.id, "reset_password");
      await enqueueMail(tx, { userId: u.id, to: u.email, language: lang, template: "reset_password", payload: { name: u.givenName, url } });
    } else {
      const url = await issueToken(tx, u.id, "set_password");
      await enqueueMail(tx, { userId: u.id, to: u.email, language: lang, template: "set_password", payload: { name: u.givenName, url, role: u.role } });
    }
    await writeAudit(tx, { actor: null, action: "user.password_reset_requested", entityType: "user", entityId: u.id });
  });
  return { ok: true };
}

/**
 * Choose a password through a reset (1 h) or first-password (72 h) link, once. Bumps the session
 * version: every session signed in before ends. A first password also proves the e-mail.
 */
export async function setPasswordWithToken(token: string, password: string): Promise<LinkOutcome | FieldFailure> {
  const passwordHash = await hash(password);
  return getDb().transaction(async (tx) => {
    const c = await findToken(tx, token, ["reset_password", "set_password"]);
    if (!c.ok) return c;
    const [u] = await tx
      .select({ id: users.id, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(and(eq(users.id, c.row.userId), isNull(users.anonymisedAt)));
    if (!u || !u.active) return { ok: false as const, code: "invalid" as const };
    // The link stays usable: the person may try again with another password.
    if (password.toLowerCase().includes(u.email.toLowerCase()))
      return { ok: false as const, code: "invalid" as const, fieldErrors: { password: "passwordContainsEmail" } };
    await markUsed(tx, c.row.id);
    await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: now(),
        ...(c.row.purpose === "set_password" ? { emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now()})` } : {}),
      })
      .where(eq(users.id, u.id));
    // Other open reset links die with this change.
    await tx
      .update(authTokens)
      .set({ usedAt: now() })
      .where(and(eq(authTokens.userId, u.id), isNull(authTokens.usedAt), ne(authTokens.purpose, "verify_email")));
    await writeAudit(tx, {
      actor: { id: u.id, role: u.role },
      action: c.row.purpose === "set_password" ? "user.set_first_password" : "user.reset_password",
      entityType: "user",
      entityId: u.id,
      changedFields: ["passwordHash", "sessionVersion"],
    });
    return { ok: true as const, userId: u.id };
  });
}

/** Is a link still usable? (The page shows the form, or says why not, before anything is typed.) */
export async function checkLink(token: string, purposes: TokenPurpose[]): Promise<"ok" | "invalid" | "expired" | "used"> {
  const [row] = await getDb()
    .select({ purpose: authTokens.purpose, expiresAt: authTokens.expiresAt, usedAt: authTokens.usedAt })
    .from(authTokens)
    .where(eq(authTokens.tokenHash, hashToken(token)));
  if (!row || !purposes.includes(row.purpose)) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now().getTime()) return "expired";
  return "ok";
}

/** An admin creates a reviewer or admin account; the person chooses a password through a 72-hour link. */
export async function createStaffAccount(
  actor: AuditActor,
  input: { email: string; surname: string; givenName: string; role: "reviewer" | "admin"; organisation: string; language: Language },
): Promise<{ ok: true; userId: string } | FieldFailure> {
  requireAdmin(actor);
  try {
    return await getDb().transaction(async (tx) => {
      const [exists] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (exists) return { ok: false as const, code: "invalid" as const, fieldErrors: { email: "emailTaken" } };
      const [u] = await tx
        .insert(users)
        .values({ email: input.email, role: input.role, surname: input.surname, givenName: input.givenName, organisation: input.organisation, language: input.language })
        .returning({ id: users.id });
      const url = await issueToken(tx, u.id, "set_password");
      await enqueueMail(tx, { userId: u.id, to: input.email, language: input.language, template: "set_password", payload: { name: input.givenName, url, role: input.role } });
      await writeAudit(tx, {
        actor,
        action: "user.create",
        entityType: "user",
        entityId: u.id,
        changedFields: ["email", "surname", "givenName"],
        changes: { role: input.role, organisation: input.organisation, language: input.language },
      });
      return { ok: true as const, userId: u.id };
    });
  } catch (err) {
    if (uniqueViolation(err) !== null) return { ok: false, code: "invalid", fieldErrors: { email: "emailTaken" } };
    throw err;
  }
}

/**
 * Deactivate or reactivate an account (admin). Deactivation also bumps the session version, so the
 * person is signed out at their next request. An admin cannot deactivate themselves.
 */
export async function setAccountActive(
  actor: AuditActor,
  userId: string,
  active: boolean,
): Promise<{ ok: true } | { ok: false; code: "not_found" | "forbidden" }> {
  requireAdmin(actor);
  if (userId === actor.id && !active) return { ok: false, code: "forbidden" };
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ active, updatedAt: now(), ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }) })
      .where(and(eq(users.id, userId), isNull(users.anonymisedAt)))
      .returning({ id: users.id });
    if (!u) return { ok: false as const, code: "not_found" as const };
    await writeAudit(tx, { actor, action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: userId, changes: { active } });
    return { ok: true as const };
  });
}

/** Whether the signed-in person's e-mail is verified (an unverified applicant can write drafts but not submit). */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const [u] = await getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return Boolean(u?.v);
}

/* ------------------------------------------------------------------------------------------------
 * Additions for the account pages (Foundation II): the admin's list of accounts and the language of
 * one's own profile.
 * ---------------------------------------------------------------------------------------------- */

export const USER_LIST_PAGE_SIZE = 25;
export const USER_STATUSES = ["active", "inactive"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export type UserListFilter = {
  /** Words searched in the name (surname, given name, patronymic) and the e-mail; every word must match. */
  q?: string;
  role?: "applicant" | "reviewer" | "admin";
  status?: UserStatus;
  /** 1-based. */
  page?: number;
};

/**
 * One account as the admin's list shows it. No IIN, phone, birth date or district: an applicant's
 * personal data is read only through the logged personal-data view.
 */
export type UserListRow = {
  id: string;
  email: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  role: "applicant" | "reviewer" | "admin";
  organisation: string | null;
  active: boolean;
  verified: boolean;
  /** An account made by an admin whose owner has not yet chosen a password. */
  passwordSet: boolean;
};

export type UserList = { rows: UserListRow[]; total: number; page: number; pageSize: number };

function likePattern(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/*
 * Case folding that does not depend on the database's locale: the embedded server runs with
 * --locale=C, where lower() and ILIKE fold ASCII only, and an operator's server may use any locale.
 * Russian and Kazakh capitals are mapped explicitly, then lower() does the Latin ones.
 */
const CYRILLIC_UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ";
const CYRILLIC_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
function folded(column: SQL | AnyColumn): SQL {
  return sql`lower(translate(${column}, ${CYRILLIC_UPPER}, ${CYRILLIC_LOWER}))`;
}

/** The accounts (admin only), searched and filtered, a page at a time; anonymised accounts are left out. */
export async function listUsers(actor: AuditActor, filter: UserListFilter = {}): Promise<UserList> {
  requireAdmin(actor);
  const words = (filter.q ?? "").trim().slice(0, 100).split(/\s+/).filter(Boolean).slice(0, 5);
  const conditions = [isNull(users.anonymisedAt)];
  for (const w of words) {
    const p = likePattern(w);
    conditions.push(
      sql`(${folded(users.email)} LIKE ${p} OR ${folded(users.surname)} LIKE ${p} OR ${folded(users.givenName)} LIKE ${p} OR ${folded(sql`coalesce(${users.patronymic}, '')`)} LIKE ${p})`,
    );
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status) conditions.push(eq(users.active, filter.status === "active"));
  const where = and(...conditions);

  const pageSize = USER_LIST_PAGE_SIZE;
  const [{ total }] = await getDb().select({ total: sql<number>`count(*)::int` }).from(users).where(where);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1) || 1), lastPage);
  const rows = await getDb()
    .select({
      id: users.id,
      email: users.email,
      surname: users.surname,
      givenName: users.givenName,
      patronymic: users.patronymic,
      role: users.role,
      organisation: users.organisation,
      active: users.active,
      verified: sql<boolean>`${users.emailVerifiedAt} IS NOT NULL`,
      passwordSet: sql<boolean>`${users.passwordHash} IS NOT NULL`,
    })
    .from(users)
    .where(where)
    .orderBy(sql`lower(${users.surname})`, sql`lower(${users.givenName})`, users.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total, page, pageSize };
}

/**
 * The language of one's own profile (e-mails are written in it). The caller passes the signed-in
 * person's id, never one sent by the browser. An audit row only when it changes. False if no such user.
 */
export async function setLanguage(userId: string, language: Language): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .select({ id: users.id, role: users.role, language: users.language })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.anonymisedAt)))
      .for("update");
    if (!u) return false;
    if (u.language === language) return true;
    await tx.update(users).set({ language, updatedAt: now() }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actor: { id: u.id, role: u.role },
      action: "user.set_language",
      entityType: "user",
      entityId: u.id,
      changes: { language },
    });
    return true;
  });
}
