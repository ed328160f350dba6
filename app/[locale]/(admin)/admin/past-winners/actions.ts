"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, authFormAction, type ActionResult } from "@/lib/auth/action";
import { importPastWinners, listProgrammesForPastWinners, PAST_WINNERS_MIN_YEAR, previewPastWinners } from "@/lib/dal/past-winners";
import { PAST_WINNERS_MAX_BYTES, parsePastWinnersCsv, type PastWinnerLineError, type PastWinnersFileError } from "@/lib/domain/past-winners-csv";

/** Only the first lines with errors are sent back and shown; the counts cover all. */
const SHOWN_ERRORS = 200;

export type PastWinnersState =
  | {
      stage: "preview";
      programmeId: string;
      programmeName: string;
      year: number;
      /** The valid IINs, one a line: sent back on confirm and checked again there. */
      iins: string;
      dataLines: number;
      valid: number;
      newCount: number;
      existingCount: number;
      errorCount: number;
      errors: { line: number; reason: PastWinnerLineError }[];
    }
  | { stage: "imported"; programmeName: string; year: number; inserted: number; alreadyListed: number };

export type PastWinnersFormState = (ActionResult<PastWinnersState> & { values?: { programmeId: string; year: string } }) | null;

const schema = z.object({
  intent: z.enum(["preview", "import"]).catch("preview"),
  programmeId: z.string().max(100).catch(""),
  year: z.string().max(10).catch(""),
  file: z.unknown().optional(),
  iins: z.string().max(PAST_WINNERS_MAX_BYTES).optional(),
});

const FILE_ERROR_KEY: Record<PastWinnersFileError, "tooLarge" | "tooManyLines" | "notText" | "empty"> = {
  too_large: "tooLarge",
  too_many_lines: "tooManyLines",
  not_text: "notText",
  empty: "empty",
};

const run = authFormAction(
  schema,
  "programme.manage",
  async (input, { viewer }): Promise<PastWinnersState> => {
    const t = await getTranslations("PastWinners");
    const actor = { id: viewer.id, role: viewer.role };
    const maxYear = new Date().getUTCFullYear();
    const fieldErrors: Record<string, string> = {};
    const programmes = await listProgrammesForPastWinners(actor);
    const programme = programmes.find((p) => p.id === input.programmeId);
    if (!programme) fieldErrors.programmeId = t("errors.programmeRequired");
    const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year.trim()) : NaN;
    if (!(year >= PAST_WINNERS_MIN_YEAR && year <= maxYear)) fieldErrors.year = t("errors.yearInvalid", { max: maxYear });

    let content: Uint8Array | string;
    if (input.intent === "import") {
      content = input.iins ?? "";
    } else {
      const file = input.file;
      if (!(file instanceof File) || file.size === 0) {
        fieldErrors.file = t("errors.fileRequired");
        content = "";
      } else if (file.size > PAST_WINNERS_MAX_BYTES) {
        fieldErrors.file = t("errors.tooLarge");
        content = "";
      } else {
        content = new Uint8Array(await file.arrayBuffer());
      }
    }
    if (Object.keys(fieldErrors).length > 0 || !programme) throw new ActionError("invalid", Object.values(fieldErrors)[0], fieldErrors);

    const locale = (await getLocale()) as "kk" | "ru" | "en";
    const programmeName = programme.name[locale];
    const parsed = parsePastWinnersCsv(content);
    if (input.intent === "import") {
      // The confirmed list is checked again: only valid, distinct IINs, as the preview showed.
      if (!parsed.ok || parsed.errors.length > 0 || parsed.iins.length === 0) throw new ActionError("invalid", t("errors.changed"));
      const result = await importPastWinners(actor, programme.id, year, parsed.iins);
      if (!result.ok) throw new ActionError(result.code === "invalid" ? "invalid" : result.code);
      // The lists table on the page shows the new counts (the pages are dynamic; this refreshes the current one).
      revalidatePath("/", "layout");
      return { stage: "imported", programmeName, year, inserted: result.data.inserted, alreadyListed: result.data.alreadyListed };
    }

    if (!parsed.ok) {
      const message = t(`errors.${FILE_ERROR_KEY[parsed.error]}`);
      throw new ActionError("invalid", message, { file: message });
    }
    let counts = { newCount: 0, existingCount: 0 };
    if (parsed.iins.length > 0) {
      const preview = await previewPastWinners(actor, programme.id, year, parsed.iins);
      if (!preview.ok) throw new ActionError(preview.code === "invalid" ? "invalid" : preview.code);
      counts = preview.data;
    }
    return {
      stage: "preview",
      programmeId: programme.id,
      programmeName,
      year,
      iins: parsed.iins.join("\n"),
      dataLines: parsed.dataLines,
      valid: parsed.iins.length,
      newCount: counts.newCount,
      existingCount: counts.existingCount,
      errorCount: parsed.errors.length,
      errors: parsed.errors.slice(0, SHOWN_ERRORS),
    };
  },
  { name: "pastWinners" },
);

/** Check an uploaded file (preview) or import the list the admin confirmed, by the form's `intent`. */
export async function pastWinnersAction(prev: PastWinnersFormState, formData: FormData): Promise<PastWinnersFormState> {
  const result = await run(prev as ActionResult<PastWinnersState> | null, formData);
  const values = { programmeId: String(formData.get("programmeId") ?? ""), year: String(formData.get("year") ?? "") };
  return { ...result, values };
}
