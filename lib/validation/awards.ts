import { z } from "zod";

/** Limits of the reason an admin gives for revoking an award (kept in the audit log and the awards list). */
export const REVOKE_REASON_MIN = 10;
export const REVOKE_REASON_MAX = 2000;

const uuid = z.uuid({ error: () => "invalid" });

/** Messages are keys of the `Validation` namespace (the same as the screening and reopen reasons'). */
const reason = z
  .string({ error: () => "reasonRequired" })
  .trim()
  .min(1, "reasonRequired")
  .min(REVOKE_REASON_MIN, "reasonTooShort")
  .max(REVOKE_REASON_MAX, "reasonTooLong");

/** The ranking order a proposal or the waitlist follows (?order=raw; normalised by default). */
export const rankOrderSchema = z.enum(["normalised", "raw"], { error: () => "invalid" });

export const awardCallSchema = z.object({ callId: uuid });

/** "Confirm these N awards": the proposal's order and the fingerprint it was computed with. */
export const confirmProposalSchema = z.object({
  callId: uuid,
  order: rankOrderSchema,
  fingerprint: z.string({ error: () => "invalid" }).trim().min(1, "invalid").max(200, "invalid"),
});

export const revokeAwardSchema = z.object({ awardId: uuid, reason });
export type RevokeAwardInput = z.input<typeof revokeAwardSchema>;

/** One award (a promotion from the waitlist): the key is made by the server when it renders the button. */
export const promoteSchema = z.object({ applicationId: uuid, idempotencyKey: uuid });
