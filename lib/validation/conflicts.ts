import { z } from "zod";

/** What a reviewer may declare (the flag kinds are the system's own, see lib/domain/conflict-flags.ts). */
export const DECLARED_CONFLICT_KINDS = ["relative", "colleague", "same_organisation", "other"] as const;
export type DeclaredConflictKind = (typeof DECLARED_CONFLICT_KINDS)[number];

export const CONFLICT_NOTE_MAX = 1000;
export const RESOLUTION_REASON_MIN = 5;
export const RESOLUTION_REASON_MAX = 1000;

/** A reviewer's declaration: the kind, and a note (required for "other", which says nothing by itself). */
export const declareConflictSchema = z
  .object({
    kind: z.enum(DECLARED_CONFLICT_KINDS, { error: () => "kindRequired" }),
    note: z.string().trim().max(CONFLICT_NOTE_MAX, "noteTooLong").optional().default(""),
  })
  .refine((v) => v.kind !== "other" || v.note.length >= 3, { path: ["note"], message: "noteRequired" });

export type DeclareConflictInput = z.output<typeof declareConflictSchema>;

/** The admin's decision on a flag: confirm or dismiss, always with a reason (it goes to the audit log). */
export const resolveFlagSchema = z.object({
  applicationId: z.uuid("invalid"),
  reviewerId: z.uuid("invalid"),
  kind: z.enum(["same_surname_district", "same_organisation", "shared_email_domain", "applied_same_call"], { error: () => "kindRequired" }),
  decision: z.enum(["confirm", "dismiss"], { error: () => "decisionRequired" }),
  reason: z
    .string({ error: () => "reasonRequired" })
    .trim()
    .min(1, "reasonRequired")
    .min(RESOLUTION_REASON_MIN, "reasonTooShort")
    .max(RESOLUTION_REASON_MAX, "reasonTooLong"),
});

export type ResolveFlagInput = z.output<typeof resolveFlagSchema>;

/** The reviewer's declaration form on /review: the application it is about, plus the declaration. */
export const declareConflictFormSchema = z
  .object({
    applicationId: z.uuid({ error: () => "invalid" }),
    kind: z.enum(DECLARED_CONFLICT_KINDS, { error: () => "kindRequired" }),
    note: z.string().trim().max(CONFLICT_NOTE_MAX, "noteTooLong").optional().default(""),
  })
  .refine((v) => v.kind !== "other" || v.note.length >= 3, { path: ["note"], message: "noteRequired" });
