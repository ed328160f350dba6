"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authAction } from "@/lib/auth/action";
import { reopenApplication, withdrawApplication, type SimpleResult } from "@/lib/dal/applications";

const idSchema = z.object({ applicationId: z.string().trim().min(1).max(64) });

/** A refusal of the DAL → the coded failure with a message that says what happened. */
async function refuse(result: Extract<SimpleResult, { ok: false }>, which: "withdraw" | "reopen"): Promise<never> {
  const t = await getTranslations("ApplicationView");
  switch (result.code) {
    case "not_found":
      throw new ActionError("not_found");
    case "deadline_passed":
      throw new ActionError("deadline_passed", t("tooLate"));
    case "invalid_transition":
    case "conflict":
      throw new ActionError("conflict", t(which === "withdraw" ? "notWithdrawable" : "notReopenable"));
    default:
      throw new ActionError("forbidden");
  }
}

/** Withdraw my application (draft or submitted) before the deadline. */
export const withdrawMyApplication = authAction(
  idSchema,
  "application.withdraw_own",
  async ({ applicationId }, { viewer }) => {
    const result = await withdrawApplication({ id: viewer.id, role: "applicant" }, applicationId);
    if (!result.ok) await refuse(result, "withdraw");
    revalidatePath("/my", "layout");
  },
  { name: "withdrawMyApplication" },
);

/** Reopen my withdrawn application as a draft before the deadline. */
export const reopenMyApplication = authAction(
  idSchema,
  "application.edit_own",
  async ({ applicationId }, { viewer }) => {
    const result = await reopenApplication({ id: viewer.id, role: "applicant" }, applicationId);
    if (!result.ok) await refuse(result, "reopen");
    revalidatePath("/my", "layout");
  },
  { name: "reopenMyApplication" },
);
