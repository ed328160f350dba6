"use server";

import { z } from "zod";
import { authAction, type ActionResult } from "@/lib/auth/action";
import { setLanguage } from "@/lib/dal/accounts";
import { LOCALES } from "@/lib/i18n/routing";

const save = authAction(
  z.object({ language: z.enum(LOCALES) }),
  null, // anyone signed in, for their own profile only
  async ({ language }, { viewer }) => {
    await setLanguage(viewer.id, language);
  },
  { name: "saveProfileLanguage" },
);

/**
 * The language switcher, for a signed-in person: the chosen language also goes into their profile
 * (users.language), so that e-mails are written in it. The cookie is set by the switch itself.
 */
export async function saveProfileLanguage(language: string): Promise<ActionResult> {
  return save({ language: language as (typeof LOCALES)[number] });
}
