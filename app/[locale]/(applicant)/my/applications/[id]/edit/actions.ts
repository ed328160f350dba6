"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authAction } from "@/lib/auth/action";
import { submitApplication } from "@/lib/dal/applications";
import { deleteAttachment } from "@/lib/dal/attachments";
import { eligibilityReasonText } from "@/lib/i18n/eligibility";
import { validationMessage } from "@/lib/i18n/validation";

const idSchema = z.object({ applicationId: z.string().max(64) });

/**
 * Submit the viewer's draft (the wizard's review step). The data layer re-checks everything in one
 * transaction and is idempotent: a double click or a retry answers ok without a second submission.
 * Refusals: `email_unverified`, `ineligible` (reasons in fieldErrors), `incomplete` (field path →
 * message in fieldErrors), `deadline_passed`, `conflict` (no longer a draft), `not_found`.
 */
export const submitApplicationAction = authAction(
  idSchema,
  "application.submit_own",
  async ({ applicationId }, { viewer }) => {
    const r = await submitApplication({ id: viewer.id, role: "applicant" }, applicationId);
    if (r.ok) return { revision: r.revision, alreadySubmitted: r.alreadySubmitted };
    const t = await getTranslations("Wizard");
    switch (r.code) {
      case "not_found":
        throw new ActionError("not_found");
      case "deadline_passed":
        throw new ActionError("deadline_passed", t("submitDeadlinePassed"));
      case "email_unverified":
        throw new ActionError("email_unverified", t("submitEmailUnverified"));
      case "invalid_transition":
        throw new ActionError("conflict", t("submitNotDraft"));
      case "ineligible": {
        const [te, ts] = await Promise.all([getTranslations("Eligibility"), getTranslations("ApplicationStatus")]);
        const fieldErrors = Object.fromEntries(
          r.reasons.map((reason) => [
            reason.code,
            eligibilityReasonText(te as unknown as Parameters<typeof eligibilityReasonText>[0], ts as unknown as Parameters<typeof eligibilityReasonText>[1], reason),
          ]),
        );
        throw new ActionError("ineligible", t("submitIneligible"), fieldErrors);
      }
      case "incomplete": {
        const tv = await getTranslations("Validation");
        const fieldErrors: Record<string, string> = {};
        for (const issue of r.issues) fieldErrors[issue.path] ??= validationMessage(tv, issue.message);
        throw new ActionError("incomplete", t("submitIncomplete"), fieldErrors);
      }
    }
  },
  { name: "submitApplication" },
);

const attachmentSchema = z.object({ attachmentId: z.string().max(64) });

/** Remove a file from the viewer's own draft (before the deadline). */
export const deleteAttachmentAction = authAction(
  attachmentSchema,
  "application.edit_own",
  async ({ attachmentId }, { viewer }) => {
    const r = await deleteAttachment({ id: viewer.id, role: "applicant" }, attachmentId);
    if (r.ok) return;
    if (r.code === "deadline_passed") throw new ActionError("deadline_passed");
    if (r.code === "not_draft") throw new ActionError("conflict");
    throw new ActionError("not_found");
  },
  { name: "deleteAttachment" },
);
