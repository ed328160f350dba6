import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["applicant", "reviewer", "admin"]);
export const languageEnum = pgEnum("language", ["kk", "ru", "en"]);
export const sexEnum = pgEnum("sex", ["male", "female"]);
export const applicationStatusEnum = pgEnum("application_status", [
  "draft",
  "submitted",
  "withdrawn",
  "ineligible",
  "in_review",
  "reviewed",
  "awarded",
  "waitlisted",
  "not_awarded",
  "award_revoked",
]);
export const awardStatusEnum = pgEnum("award_status", ["active", "revoked"]);
export const awardKindEnum = pgEnum("award_kind", ["fixed", "mrp"]);
export const assignmentStatusEnum = pgEnum("assignment_status", ["assigned", "declined", "removed"]);
export const reviewStatusEnum = pgEnum("review_status", ["draft", "submitted"]);
export const conflictKindEnum = pgEnum("conflict_kind", [
  "relative",
  "colleague",
  "same_organisation",
  "other",
  "same_surname_district",
  "shared_email_domain",
  "applied_same_call",
]);
export const conflictSourceEnum = pgEnum("conflict_source", ["declared", "flagged"]);
export const conflictStatusEnum = pgEnum("conflict_status", ["pending", "confirmed", "dismissed"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sending", "sent", "failed"]);
export const tokenPurposeEnum = pgEnum("token_purpose", ["verify_email", "reset_password", "set_password"]);
export const attemptKindEnum = pgEnum("attempt_kind", ["sign_in", "reset", "verify"]);
export const consentKindEnum = pgEnum("consent_kind", ["personal_data", "guardian"]);
