"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authFormAction } from "@/lib/auth/action";
import { startApplication } from "@/lib/dal/applications";
import { eligibilityReasonText } from "@/lib/i18n/eligibility";

const startSchema = z.object({
  callId: z.string().max(64),
  certificateNumber: z.string().max(200).optional(),
});

/** "Start": eligibility again on the server with the programme's facts, then to the wizard. */
export const startApplicationAction = authFormAction(
  startSchema,
  "application.create_own",
  async ({ callId, certificateNumber }, { viewer }) => {
    const r = await startApplication({ id: viewer.id, role: "applicant" }, callId, { trainingCertificate: certificateNumber ?? null });
    if (!r.ok) {
      if (r.code === "not_found") throw new ActionError("not_found");
      const [t, ts, tw] = await Promise.all([getTranslations("Eligibility"), getTranslations("ApplicationStatus"), getTranslations("Wizard")]);
      const text = (reason: (typeof r.reasons)[number]) =>
        eligibilityReasonText(t as unknown as Parameters<typeof eligibilityReasonText>[0], ts as unknown as Parameters<typeof eligibilityReasonText>[1], reason);
      const cert = r.reasons.find((x) => x.code === "certificate_missing" || x.code === "certificate_invalid");
      const others = r.reasons.filter((x) => x !== cert);
      const fieldErrors: Record<string, string> = {};
      if (cert) fieldErrors.certificateNumber = text(cert);
      others.forEach((x, i) => (fieldErrors[`reason${i}`] = text(x)));
      throw new ActionError("ineligible", tw("cannotApplyTitle"), fieldErrors);
    }
    redirect(`/my/applications/${r.applicationId}/edit`);
  },
  { name: "startApplication" },
);
