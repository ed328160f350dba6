import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  assignmentStatusEnum,
  conflictKindEnum,
  conflictSourceEnum,
  conflictStatusEnum,
  reviewStatusEnum,
} from "./enums";
import { applications } from "./applications";
import { calls, rubricCriteria } from "./programmes";
import { users } from "./users";

export const reviewAssignments = pgTable(
  "review_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    status: assignmentStatusEnum("status").notNull().default("assigned"),
    declineReason: text("decline_reason"),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("review_assignments_app_reviewer_uq").on(t.applicationId, t.reviewerId),
    index("review_assignments_reviewer_idx").on(t.reviewerId, t.status),
    index("review_assignments_call_idx").on(t.callId, t.status),
    index("review_assignments_assigned_by_idx").on(t.assignedBy),
  ],
);

/** Declared by a reviewer or flagged by the system; a flag is confirmed or dismissed by an admin. */
export const conflicts = pgTable(
  "conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    source: conflictSourceEnum("source").notNull(),
    kind: conflictKindEnum("kind").notNull(),
    note: text("note"),
    /** A declared conflict is confirmed at once; a flag waits for the admin. */
    status: conflictStatusEnum("status").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conflicts_app_reviewer_source_kind_uq").on(t.applicationId, t.reviewerId, t.source, t.kind),
    index("conflicts_reviewer_idx").on(t.reviewerId, t.status),
    index("conflicts_call_idx").on(t.callId, t.status),
    index("conflicts_decided_by_idx").on(t.decidedBy),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: "cascade" }),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    status: reviewStatusEnum("status").notNull().default("draft"),
    comment: text("comment").notNull().default(""),
    /** Weighted total in the programme's points (set on submission). */
    total: numeric("total", { precision: 10, scale: 4, mode: "number" }),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Set when an admin reopens a submitted review (with the reason, also in the audit log). */
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    reopenedBy: uuid("reopened_by").references(() => users.id),
    reopenReason: text("reopen_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_assignment_uq").on(t.assignmentId),
    index("reviews_application_idx").on(t.applicationId, t.status),
    index("reviews_reviewer_idx").on(t.reviewerId, t.status),
    index("reviews_reopened_by_idx").on(t.reopenedBy),
    check("reviews_submitted_has_total", sql`${t.status} <> 'submitted' OR (${t.total} IS NOT NULL AND ${t.submittedAt} IS NOT NULL)`),
  ],
);

export const reviewScores = pgTable(
  "review_scores",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => rubricCriteria.id),
    score: smallint("score").notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] }), index("review_scores_criterion_idx").on(t.criterionId)],
);

/** One row per review-deadline reminder sent (kind `3d` or `1d`) for a reviewer's assignment: sent once. */
export const reviewReminders = pgTable(
  "review_reminders",
  {
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("review_reminders_assignment_kind_uq").on(t.assignmentId, t.kind)],
);
