"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, authAction, type ActionResult } from "@/lib/auth/action";
import { createProgramme, updateProgramme } from "@/lib/dal/programme-editor";
import { createProgrammeSchema, updateProgrammeSchema, type ProgrammeInput, type UpdateProgrammeInput } from "@/lib/validation/editor";

/*
 * The programme editor's actions (admins only: the permission here, the data layer's own check). A refused
 * structural change comes back as a sentence naming what is locked and why.
 */

const create = authAction(
  createProgrammeSchema,
  "programme.manage",
  async (input, { viewer }): Promise<{ id: string }> => {
    const r = await createProgramme({ id: viewer.id, role: viewer.role }, input);
    if (r.ok) {
      revalidatePath("/admin/programmes");
      return { id: r.id };
    }
    const t = await getTranslations("AdminEditor");
    throw new ActionError("conflict", t("codeTaken"), { code: t("codeTaken") });
  },
  { name: "createProgramme" },
);

/** Create a programme with its rubric and form. */
export async function createProgrammeAction(input: ProgrammeInput): Promise<ActionResult<{ id: string }>> {
  return create(input);
}

const update = authAction(
  updateProgrammeSchema,
  "programme.manage",
  async (input, { viewer }): Promise<{ version: string }> => {
    const r = await updateProgramme({ id: viewer.id, role: viewer.role }, input);
    if (r.ok) {
      revalidatePath(`/admin/programmes/${input.programmeId}`);
      return { version: r.version };
    }
    if (r.code === "not_found") throw new ActionError("not_found");
    const t = await getTranslations("AdminEditor");
    if (r.code !== "refused") throw new ActionError("conflict", t("staleProgramme"));
    const fieldErrors: Record<string, string> = {};
    for (const x of r.refusals) {
      if (x.code === "rubric_locked") fieldErrors.criteria = t("refusal.rubric_locked", { items: x.criteria.join(", ") });
      if (x.code === "form_locked") fieldErrors.formSections = t("refusal.form_locked", { items: x.paths.join(", ") });
      if (x.code === "directions_locked") fieldErrors.directions = t("refusal.directions_locked", { items: x.codes.join(", ") });
    }
    throw new ActionError("conflict", Object.values(fieldErrors).join(" "), fieldErrors);
  },
  { name: "updateProgramme" },
);

/** Save an edit of a programme (with the version the form was loaded with). */
export async function updateProgrammeAction(input: UpdateProgrammeInput): Promise<ActionResult<{ version: string }>> {
  return update(input);
}
