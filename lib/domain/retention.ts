/**
 * Retention of personal data (Law No. 94-V: keep data only as long as the purpose needs). Pure rules;
 * lib/dal/retention.ts applies them.
 *
 * - An application is due for anonymisation when its call was archived more than the retention period
 *   ago and it was not successful: every status except `awarded` (a grant's records are public money's
 *   records and are kept with the grant).
 * - A person's account is anonymised with their last application: when every application of theirs has
 *   been anonymised (or they have none left) and they have not signed in within the period either.
 */
import type { ApplicationStatus } from "./workflow";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Calls archived before this instant are past retention. */
export function retentionCutoff(at: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError("retention period must be a whole number of days ≥ 1");
  return new Date(at.getTime() - retentionDays * DAY_MS);
}

/** Statuses whose personal content is removed at the end of retention. */
export const UNSUCCESSFUL_STATUSES: readonly ApplicationStatus[] = [
  "draft",
  "submitted",
  "withdrawn",
  "ineligible",
  "in_review",
  "reviewed",
  "waitlisted",
  "not_awarded",
  "award_revoked",
];

export function isDueForAnonymisation(
  app: { status: ApplicationStatus; anonymisedAt: Date | null },
  call: { archivedAt: Date | null },
  cutoff: Date,
): boolean {
  if (app.anonymisedAt) return false;
  if (!call.archivedAt || call.archivedAt.getTime() >= cutoff.getTime()) return false;
  return UNSUCCESSFUL_STATUSES.includes(app.status);
}

/** The account goes with its last application, unless the person still uses it. */
export function isAccountDue(
  person: { anonymisedAt: Date | null; role: string; lastSignInAt: Date | null; createdAt: Date },
  applicationsKept: number,
  cutoff: Date,
): boolean {
  if (person.anonymisedAt || person.role !== "applicant") return false;
  if (applicationsKept > 0) return false;
  const lastActive = person.lastSignInAt && person.lastSignInAt > person.createdAt ? person.lastSignInAt : person.createdAt;
  return lastActive.getTime() < cutoff.getTime();
}
