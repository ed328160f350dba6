"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { addMrp, updateMrp } from "@/lib/dal/mrp";
import { mrpSchema, mrpUpdateSchema } from "@/lib/validation/editor";

const add = authAction(
  mrpSchema,
  "programme.manage",
  async ({ year, amount }, { viewer }): Promise<void> => {
    const r = await addMrp({ id: viewer.id, role: viewer.role }, year, amount);
    if (r.ok) {
      revalidatePath("/admin/mrp");
      return;
    }
    const t = await getTranslations("AdminEditor");
    throw new ActionError("conflict", t("mrpExists", { year }), { year: t("mrpExists", { year }) });
  },
  { name: "addMrp" },
);

/** Add a year's MRP. */
export async function addMrpAction(input: z.input<typeof mrpSchema>): Promise<ActionResult> {
  return add(input);
}

const update = authAction(
  mrpUpdateSchema,
  "programme.manage",
  async ({ year, amount, expected }, { viewer }): Promise<void> => {
    const r = await updateMrp({ id: viewer.id, role: viewer.role }, year, amount, expected);
    if (r.ok) {
      revalidatePath("/admin/mrp");
      return;
    }
    if (r.code === "not_found") throw new ActionError("not_found");
    throw new ActionError("conflict", (await getTranslations("AdminEditor"))("mrpStale"));
  },
  { name: "updateMrp" },
);

/** Change a year's MRP (with the amount the form showed, to catch another admin's change). */
export async function updateMrpAction(input: z.input<typeof mrpUpdateSchema>): Promise<ActionResult> {
  return update(input);
}
