import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (migration 0001), and the app role is
 * granted only SELECT and INSERT. `changes` holds values only for fields without personal data; for
 * the others it holds the field name alone, so anonymising an applicant never touches the audit.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    changedFields: text("changed_fields").array().notNull().default([]),
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
  ],
);
