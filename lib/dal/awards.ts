import "server-only";
import type { Localised } from "@/db/schema";
import type { AllocationReason } from "@/lib/domain/allocation";
import type { Actor } from "./applications";

/*
 * Awards under the budget cap (issue 6). The signatures below are the contract the admin's pages use;
 * the bodies are being written.
 */

export type RankOrder = "normalised" | "raw";

export type BudgetDistrict = {
  code: string;
  ceiling: number | null;
  reservedMinimum: number | null;
  awardedCount: number;
  awardedTotal: number;
  /** Grants the ceiling still allows (null: no ceiling). */
  ceilingLeft: number | null;
  /** Reserved grants not yet awarded: max(0, reservedMinimum − awardedCount). */
  reservedLeft: number;
};

export type BudgetPanel = {
  call: {
    id: string;
    title: Localised;
    programmeName: Localised;
    budgetCap: number;
    awardedTotal: number;
    remaining: number;
    awardAmount: number;
    /** floor(remaining / awardAmount). */
    grantsPossible: number;
    minScore: number;
    scoreOutOf: number;
    resultsPublishedAt: Date | null;
    archivedAt: Date | null;
  };
  districts: BudgetDistrict[];
  /** Counts by application status among screened-in applications. */
  counts: { inReview: number; reviewed: number; awarded: number; waitlisted: number; notAwarded: number; revoked: number };
};

export type AwardRow = {
  awardId: string;
  applicationId: string;
  reference: string;
  title: string;
  districtCode: string;
  amount: number;
  status: "active" | "revoked";
  awardedAt: Date;
  awardedByName: string;
  revokedAt: Date | null;
  revokeReason: string | null;
};

export type WaitlistRow = { applicationId: string; reference: string; title: string; districtCode: string; rank: number; score: number | null };

export type AwardResult =
  | { ok: true; awardId: string; /** The same idempotency key was seen before: nothing new was written. */ repeated: boolean }
  | { ok: false; code: "not_found" | "not_reviewed" | "already_awarded" | "archived" }
  | { ok: false; code: "budget_exhausted"; remaining: number }
  | { ok: false; code: "district_ceiling"; districtCode: string; ceiling: number };

export type ProposalRow = {
  applicationId: string;
  reference: string;
  title: string;
  districtCode: string;
  rank: number;
  score: number | null;
  reason: AllocationReason;
};

export type Proposal = {
  callId: string;
  order: RankOrder;
  /** sha256 of the budget state, the call's rules and every candidate's score and rank. */
  fingerprint: string;
  amount: number;
  remainingBefore: number;
  remainingAfter: number;
  total: number;
  funded: ProposalRow[];
  left: ProposalRow[];
};

export type ConfirmResult = { ok: true; awarded: number } | { ok: false; code: "stale" | "not_found" | "archived" | "empty" };

export type RevokeResult =
  | { ok: true; /** The best waitlisted application the money could now fund (offered to the admin), if any. */ next: WaitlistRow | null }
  | { ok: false; code: "not_found" | "not_active" | "archived" }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> };

export type PublishResult = { ok: true; awarded: number; waitlisted: number; notAwarded: number } | { ok: false; code: "not_found" | "already_published" | "archived" | "reviews_missing" };

export type ArchiveResult = { ok: true } | { ok: false; code: "not_found" | "not_published" | "already_archived" };

const pending = (): never => {
  throw new Error("awards: not built yet");
};

export async function budgetPanel(_actor: Actor, _callId: string): Promise<BudgetPanel | null> {
  return pending();
}
export async function listAwards(_actor: Actor, _callId: string): Promise<AwardRow[]> {
  return pending();
}
export async function waitlist(_actor: Actor, _callId: string, _order: RankOrder): Promise<WaitlistRow[]> {
  return pending();
}
export async function awardApplication(_actor: Actor, _applicationId: string, _idempotencyKey: string): Promise<AwardResult> {
  return pending();
}
export async function proposeAwards(_actor: Actor, _callId: string, _order: RankOrder): Promise<Proposal | null> {
  return pending();
}
export async function confirmProposal(_actor: Actor, _callId: string, _order: RankOrder, _fingerprint: string): Promise<ConfirmResult> {
  return pending();
}
export async function revokeAward(_actor: Actor, _awardId: string, _reason: string): Promise<RevokeResult> {
  return pending();
}
export async function publishResults(_actor: Actor, _callId: string): Promise<PublishResult> {
  return pending();
}
export async function archiveCall(_actor: Actor, _callId: string): Promise<ArchiveResult> {
  return pending();
}
