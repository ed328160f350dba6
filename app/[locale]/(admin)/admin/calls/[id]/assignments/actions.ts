"use server";

import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { addAssignment, autoAssign, removeAssignment } from "@/lib/dal/assignments";
import { addAssignmentSchema, callIdSchema, removeAssignmentSchema } from "@/lib/validation/assignments";

export type AutoAssignSummary = { added: number; removed: number; unfilled: number };

const auto = authAction(
  callIdSchema,
  "assignment.manage",
  async ({ callId }, { viewer }): Promise<AutoAssignSummary> => {
    // The data layer checks the admin again, locks the call's in-review applications and writes the audit.
    const r = await autoAssign({ id: viewer.id, role: viewer.role }, callId);
    if (!r.ok) throw new ActionError("not_found");
    return { added: r.added, removed: r.removed, unfilled: r.unfilled.length };
  },
  { name: "autoAssign" },
);

/** Assign the call's reviewers automatically; the summary is shown to the admin. */
export async function autoAssignAction(input: { callId: string }): Promise<ActionResult<AutoAssignSummary>> {
  return auto(input);
}

const ADD_ERRORS = { conflicted: "errConflicted", duplicate: "errDuplicate", declined: "errDeclined", not_in_review: "errNotInReview" } as const;

const add = authAction(
  addAssignmentSchema,
  "assignment.manage",
  async ({ applicationId, reviewerId }, { viewer }): Promise<void> => {
    const r = await addAssignment({ id: viewer.id, role: viewer.role }, applicationId, reviewerId);
    if (r.ok) return;
    if (r.code === "not_found") throw new ActionError("not_found");
    const t = await getTranslations("AdminAssignments");
    throw new ActionError("conflict", t(ADD_ERRORS[r.code]));
  },
  { name: "addAssignment" },
);

/** Add one reviewer to one application (refused for a conflicted, duplicate or declined pair). */
export async function addAssignmentAction(input: { callId: string; applicationId: string; reviewerId: string }): Promise<ActionResult> {
  return add(input);
}

const remove = authAction(
  removeAssignmentSchema,
  "assignment.manage",
  async ({ assignmentId, reason }, { viewer }): Promise<void> => {
    const r = await removeAssignment({ id: viewer.id, role: viewer.role }, assignmentId, reason);
    if (r.ok) return;
    if (r.code === "not_found") throw new ActionError("not_found");
    if (r.code === "invalid") {
      const tv = await getTranslations("Validation");
      const message = tv.has(r.fieldErrors.reason as never) ? tv(r.fieldErrors.reason as never) : tv("invalid");
      throw new ActionError("invalid", message, { reason: message });
    }
    const t = await getTranslations("AdminAssignments");
    throw new ActionError("conflict", t("errNotAssigned"));
  },
  { name: "removeAssignment" },
);

/** Remove an assignment with a reason (from the confirmation dialog's form). */
export async function removeAssignmentAction(formData: FormData): Promise<ActionResult> {
  return remove(formData);
}
