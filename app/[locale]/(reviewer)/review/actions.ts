"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { declineAssignment } from "@/lib/dal/assignments";
import { declareConflict } from "@/lib/dal/conflicts";
import { declineAssignmentSchema } from "@/lib/validation/assignments";
import { declareConflictFormSchema } from "@/lib/validation/conflicts";

async function invalid(fieldErrors: Record<string, string>): Promise<never> {
  const tv = await getTranslations("Validation");
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors)) out[k] = tv.has(v as never) ? tv(v as never) : tv("invalid");
  throw new ActionError("invalid", Object.values(out)[0], out);
}

const declare = authAction(
  declareConflictFormSchema,
  "conflict.declare",
  async ({ applicationId, kind, note }, { viewer }): Promise<void> => {
    // The data layer checks the reviewer again, locks the application, and removes the assignment.
    const r = await declareConflict({ id: viewer.id, role: viewer.role }, applicationId, { kind, note });
    if (r.ok) return;
    if (r.code === "not_found") throw new ActionError("not_found");
    await invalid(r.fieldErrors);
  },
  { name: "declareConflict" },
);

/** Declare a conflict of interest with one application (from the queue's dialog). */
export async function declareConflictAction(formData: FormData): Promise<ActionResult> {
  return declare(formData);
}

const decline = authAction(
  declineAssignmentSchema,
  "assignment.decline_own",
  async ({ assignmentId, reason }, { viewer }): Promise<void> => {
    const r = await declineAssignment({ id: viewer.id, role: viewer.role }, assignmentId, reason);
    if (r.ok) return;
    if (r.code === "not_found") throw new ActionError("not_found");
    if (r.code === "invalid") await invalid(r.fieldErrors);
    const t = await getTranslations("ReviewQueue");
    throw new ActionError("conflict", t(r.code === "already_submitted" ? "errAlreadySubmitted" : "errNotAssigned"));
  },
  { name: "declineAssignment" },
);

/** Decline one of my assignments with a reason (from the queue's dialog). */
export async function declineAssignmentAction(formData: FormData): Promise<ActionResult> {
  return decline(formData);
}
