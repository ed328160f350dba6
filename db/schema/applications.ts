import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  customType,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { applicationStatusEnum } from "./enums";
import { calls } from "./programmes";
import { districts } from "./reference";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** The form's answers, keyed by section then field (validated by the programme's schema in lib/validation). */
export type ApplicationData = Record<string, Record<string, unknown>>;

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    status: applicationStatusEnum("status").notNull().default("draft"),
    /** Edit counter of the draft: a save carrying an older version is refused (stale tab). */
    version: integer("version").notNull().default(1),
    /** The district the application competes in (the applicant's, fixed at submission). */
    districtCode: text("district_code")
      .notNull()
      .references(() => districts.code),
    direction: text("direction"),
    title: text("title").notNull().default(""),
    data: jsonb("data").$type<ApplicationData>().notNull().default({}),
    /** Jobs the plan promises (Бизнес бастау), copied out of data for ranking and dashboards. */
    jobsCreated: integer("jobs_created"),
    requestedAmount: bigint("requested_amount", { mode: "number" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** Screening's reason for refusal, shown to the applicant. */
    screeningReason: text("screening_reason"),
    screenedAt: timestamp("screened_at", { withTimezone: true }),
    screenedBy: uuid("screened_by").references(() => users.id),
    /** Set when retention removed the application's personal content (lib/dal/retention.ts); statistics stay. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_call_applicant_uq").on(t.callId, t.applicantId),
    index("applications_call_status_idx").on(t.callId, t.status),
    index("applications_applicant_idx").on(t.applicantId),
    index("applications_district_idx").on(t.callId, t.districtCode),
    index("applications_submitted_at_idx").on(t.callId, t.submittedAt),
    index("applications_screened_by_idx").on(t.screenedBy),
    index("applications_district_code_idx").on(t.districtCode),
    check("applications_version_positive", sql`${t.version} >= 1`),
    check("applications_jobs_nonnegative", sql`${t.jobsCreated} IS NULL OR ${t.jobsCreated} >= 0`),
  ],
);

/** A frozen snapshot of a submission. A digital signature (ЭЦП) can later be attached to it. */
export const applicationRevisions = pgTable(
  "application_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    data: jsonb("data").$type<ApplicationData>().notNull(),
    /** SHA-256 of the canonical JSON of data and attachment hashes: what a signature will sign. */
    contentHash: text("content_hash").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("application_revisions_app_rev_uq").on(t.applicationId, t.revision)],
);

/** Reserved for signing a revision with the national digital signature (NCALayer), a later stage. */
export const revisionSignatures = pgTable(
  "revision_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => applicationRevisions.id, { onDelete: "cascade" }),
    /** CMS (PKCS#7) signature over the revision's content hash, base64. */
    cms: text("cms").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
  },
  (t) => [index("revision_signatures_revision_idx").on(t.revisionId)],
);

/** Stored file content, behind lib/files' storage interface (an S3-compatible store can replace it). */
export const fileBlobs = pgTable("file_blobs", {
  key: uuid("key").primaryKey().defaultRandom(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: uuid("storage_key")
      .notNull()
      .references(() => fileBlobs.key),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_application_idx").on(t.applicationId),
    index("attachments_storage_key_idx").on(t.storageKey),
    index("attachments_uploaded_by_idx").on(t.uploadedBy),
    check("attachments_size_positive", sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * Reminders already sent for a draft (3 days and 1 day before the deadline). The unique key makes a
 * reminder idempotent across processes: only the process whose INSERT succeeds writes the e-mail.
 */
export const applicationReminders = pgTable(
  "application_reminders",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("application_reminders_app_kind_uq").on(t.applicationId, t.kind)],
);
