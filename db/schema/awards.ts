import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { awardStatusEnum } from "./enums";
import { applications } from "./applications";
import { calls } from "./programmes";
import { districts } from "./reference";
import { users } from "./users";

export const awards = pgTable(
  "awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    districtCode: text("district_code")
      .notNull()
      .references(() => districts.code),
    amount: bigint("amount", { mode: "number" }).notNull(),
    status: awardStatusEnum("status").notNull().default("active"),
    /** A retried or double-clicked award carries the same key and is answered, not repeated. */
    idempotencyKey: text("idempotency_key"),
    awardedBy: uuid("awarded_by")
      .notNull()
      .references(() => users.id),
    awardedAt: timestamp("awarded_at", { withTimezone: true }).notNull().defaultNow(),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    uniqueIndex("awards_one_active_per_application").on(t.applicationId).where(sql`${t.status} = 'active'`),
    uniqueIndex("awards_idempotency_key_uq").on(t.idempotencyKey),
    index("awards_call_idx").on(t.callId, t.status),
    index("awards_district_idx").on(t.callId, t.districtCode),
    index("awards_district_code_idx").on(t.districtCode),
    index("awards_awarded_by_idx").on(t.awardedBy),
    index("awards_revoked_by_idx").on(t.revokedBy),
    check("awards_amount_positive", sql`${t.amount} > 0`),
    check(
      "awards_revocation_fields",
      sql`${t.status} = 'active' OR (${t.revokedAt} IS NOT NULL AND ${t.revokeReason} IS NOT NULL)`,
    ),
  ],
);
