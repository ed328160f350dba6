import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  check,
} from "drizzle-orm/pg-core";
import { attemptKindEnum, consentKindEnum, languageEnum, roleEnum, sexEnum, tokenPurposeEnum } from "./enums";
import { districts } from "./reference";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    /** null until the person sets a password (accounts made by admins). */
    passwordHash: text("password_hash"),
    role: roleEnum("role").notNull().default("applicant"),
    active: boolean("active").notNull().default(true),
    sessionVersion: integer("session_version").notNull().default(1),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    surname: text("surname").notNull(),
    givenName: text("given_name").notNull(),
    patronymic: text("patronymic"),
    /** Applicants only. Personal data: never leaves the DAL for reviewers; masked in lists. */
    iin: char("iin", { length: 12 }),
    birthDate: date("birth_date", { mode: "string" }),
    sex: sexEnum("sex"),
    phone: text("phone"),
    districtCode: text("district_code").references(() => districts.code),
    language: languageEnum("language").notNull().default("kk"),
    organisation: text("organisation"),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`),
    uniqueIndex("users_iin_uq").on(t.iin),
    index("users_role_active_idx").on(t.role, t.active),
    index("users_district_idx").on(t.districtCode),
    index("users_surname_idx").on(sql`lower(${t.surname})`),
    check("users_iin_format", sql`${t.iin} IS NULL OR ${t.iin} ~ '^[0-9]{12}$'`),
    check("users_phone_format", sql`${t.phone} IS NULL OR ${t.phone} ~ '^\\+7[0-9]{10}$'`),
    check("users_applicant_fields", sql`${t.role} <> 'applicant' OR ${t.anonymisedAt} IS NOT NULL OR (${t.iin} IS NOT NULL AND ${t.birthDate} IS NOT NULL AND ${t.districtCode} IS NOT NULL)`),
    check("users_session_version_positive", sql`${t.sessionVersion} >= 1`),
  ],
);

/** Consent to personal-data processing (and a legal representative's consent for applicants aged 14–17). */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: consentKindEnum("kind").notNull(),
    textVersion: text("text_version").notNull(),
    language: languageEnum("language").notNull(),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull().defaultNow(),
    guardianName: text("guardian_name"),
    guardianIin: char("guardian_iin", { length: 12 }),
    guardianRelation: text("guardian_relation"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("consents_user_idx").on(t.userId),
    check(
      "consents_guardian_fields",
      sql`${t.kind} <> 'guardian' OR (${t.guardianName} IS NOT NULL AND ${t.guardianIin} IS NOT NULL AND ${t.guardianRelation} IS NOT NULL)`,
    ),
  ],
);

/** One-time links: e-mail verification (24 h), password reset (1 h), first password (72 h). Only a hash is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("auth_tokens_hash_uq").on(t.tokenHash), index("auth_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Sign-in, reset and verification attempts for throttling. The key is a SHA-256 of the lower-cased
 * e-mail, so the table holds no address in clear.
 */
export const authAttempts = pgTable(
  "auth_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: attemptKindEnum("kind").notNull(),
    keyHash: text("key_hash").notNull(),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_attempts_key_idx").on(t.kind, t.keyHash, t.at)],
);

/**
 * Sessions ended by "sign out" on one device: the JWT's session id (`sid`) is refused from then on,
 * even if a copy of the cookie survives (a request in flight that re-sets it, a copied cookie).
 * Rows are kept until the token would have expired anyway, then purged.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sid: uuid("sid").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("ended_sessions_user_idx").on(t.userId), index("ended_sessions_expires_idx").on(t.expiresAt)],
);
