import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { applications, calls, users } from "@/db/schema";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { screeningDecisionSchema, type ScreeningDecisionInput } from "@/lib/validation/screening";
import { applicationReference, type Actor } from "./applications";
import { enqueueMail } from "./outbox";
import { applyTransition } from "./workflow";
import { requireAdmin, UUID_RE } from "./guard";

/** One row of the screening queue (admins may see the applicant's name; no IIN, phone or e-mail). */
export type ScreeningQueueRow = {
  id: string;
  reference: string;
  title: string;
  districtCode: string;
  direction: string | null;
  applicantName: string;
  requestedAmount: number | null;
  submittedAt: Date | null;
};

/** Submitted applications of a call awaiting screening, oldest submission first. Admin only. */
export async function listAwaitingScreening(actor: Actor, callId: string): Promise<ScreeningQueueRow[]> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return [];
  const rows = await getDb()
    .select({
      id: applications.id,
      title: applications.title,
      districtCode: applications.districtCode,
      direction: applications.direction,
      surname: users.surname,
      givenName: users.givenName,
      requestedAmount: applications.requestedAmount,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(and(eq(applications.callId, callId), eq(applications.status, "submitted")))
    .orderBy(asc(applications.submittedAt), asc(applications.id));
  return rows.map((r) => ({
    id: r.id,
    reference: applicationReference(r.id),
    title: r.title,
    districtCode: r.districtCode,
    direction: r.direction,
    applicantName: `${r.surname} ${r.givenName}`,
    requestedAmount: r.requestedAmount,
    submittedAt: r.submittedAt,
  }));
}

export type ScreenResult =
  | { ok: true; status: ApplicationStatus }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> }
  /** Unknown id. */
  | { ok: false; code: "not_found" }
  /** Already screened (by another admin, or a second click): nothing was written. */
  | { ok: false; code: "conflict"; status: ApplicationStatus }
  /** Not submitted (a draft or a withdrawn application): there is nothing to screen. */
  | { ok: false; code: "invalid_transition"; status: ApplicationStatus };

/**
 * Screen one submitted application: pass (→ in_review) or refuse with a reason (→ ineligible).
 * In ONE transaction: lock the application row (`SELECT … FOR UPDATE`), check it is still `submitted`,
 * apply the workflow transition (status, screenedAt/By, reason, version, and its audit row) and, for a
 * refusal, write the e-mail to the applicant in their language with the reason.
 *
 * Two admins at once: the second waits on the row lock, then finds the status changed and gets
 * `conflict` with nothing written. Non-admins: thrown `forbidden` (as the other admin functions).
 */
export async function screenApplication(actor: Actor, applicationId: string, input: ScreeningDecisionInput): Promise<ScreenResult> {
  requireAdmin(actor);
  const parsed = screeningDecisionSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const [k, v] of Object.entries(z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>)) {
      if (v?.[0]) fieldErrors[k] = v[0];
    }
    if (!Object.keys(fieldErrors).length) fieldErrors.decision = "decisionRequired";
    return { ok: false, code: "invalid", fieldErrors };
  }
  const decision = parsed.data;
  if (!UUID_RE.test(applicationId)) return { ok: false, code: "not_found" };

  return getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({
        status: applications.status,
        applicantId: applications.applicantId,
        email: users.email,
        givenName: users.givenName,
        language: users.language,
        titleKk: calls.titleKk,
        titleRu: calls.titleRu,
        titleEn: calls.titleEn,
      })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.applicantId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applications.id, applicationId))
      .for("update", { of: applications });
    if (!a) return { ok: false as const, code: "not_found" as const };
    if (a.status === "draft" || a.status === "withdrawn") return { ok: false as const, code: "invalid_transition" as const, status: a.status };
    if (a.status !== "submitted") return { ok: false as const, code: "conflict" as const, status: a.status };

    const transition = decision.decision === "pass" ? "screen_pass" : "screen_refuse";
    const t = await applyTransition(tx, {
      applicationId,
      transition,
      actor,
      reason: decision.decision === "refuse" ? decision.reason : undefined,
    });
    if (!t.ok) {
      // Cannot happen under the lock after the check above; refuse rather than half-write.
      throw new Error(`screening transition refused: ${t.code}`);
    }
    if (decision.decision === "refuse") {
      await enqueueMail(tx, {
        userId: a.applicantId,
        to: a.email,
        language: a.language,
        template: "screening_refused",
        payload: {
          name: a.givenName,
          url: `${env().APP_URL.replace(/\/$/, "")}/my/applications/${applicationId}`,
          callTitle: { kk: a.titleKk, ru: a.titleRu, en: a.titleEn },
          reference: applicationReference(applicationId),
          reason: decision.reason,
        },
      });
    }
    return { ok: true as const, status: t.to };
  });
}
