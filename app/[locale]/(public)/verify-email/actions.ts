"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authFormAction, type ActionResult } from "@/lib/auth/action";
import { failRateLimited, publicFormAction, type FormResult, type FormState } from "@/lib/auth/public-action";
import { getViewer } from "@/lib/auth/viewer";
import { resendVerification, verifyEmail } from "@/lib/dal/accounts";
import { homeFor } from "@/lib/domain/permissions";

const tokenSchema = z.object({ token: z.string().trim().min(20, "tokenInvalid").max(200, "tokenInvalid") });

const confirm = publicFormAction(
  tokenSchema,
  async ({ token }): Promise<void> => {
    const result = await verifyEmail(token);
    // Used, expired or unknown: back to the link's page, which says which and what to do.
    if (!result.ok) redirect(`/verify-email?token=${encodeURIComponent(token)}`);
    const viewer = await getViewer();
    if (viewer) redirect(`${homeFor(viewer.role)}${viewer.id === result.userId ? "?verified=1" : ""}`);
    redirect("/sign-in?verified=1");
  },
  { name: "verifyEmail" },
);

/**
 * "Confirm my e-mail": a POST from the link's page, never a GET (mail scanners open links).
 * Signed in → their page with a notice; signed out → the sign-in page with a notice.
 */
export async function confirmEmailAction(prev: FormState, formData: FormData): Promise<FormResult> {
  return confirm(prev, formData);
}

const resend = authFormAction(
  z.object({}),
  null, // the signed-in person's own address only (the DAL refuses an already confirmed one)
  async (_input, { viewer }): Promise<void> => {
    const result = await resendVerification(viewer.id);
    if (result.ok) return;
    if (result.code === "rate_limited") return failRateLimited(result.retryAt);
    const t = await getTranslations("AccountNotices");
    throw new ActionError("conflict", t("alreadyVerified"));
  },
  { name: "resendVerification" },
);

/** "Send the link again" (the notice on /my and the page of a dead link). */
export async function resendVerificationAction(prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return resend(prev, formData);
}
