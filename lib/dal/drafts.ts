import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, programmes, type ApplicationData } from "@/db/schema";
import { applicationDataSchema } from "@/lib/validation/application";
import { saveDraft, type Actor, type SaveResult } from "./applications";
import { UUID_RE } from "./guard";

export type DraftSaveResult =
  | SaveResult
  | { ok: false; code: "invalid"; issues: { path: string; message: string }[] };

/**
 * Autosave from the wizard (PUT /api/applications/:id/draft): the sections sent are parsed with the
 * programme's draft schema (the same one the browser uses), then saved with the version guard. Only
 * the viewer's own application is found; anyone else's id is `not_found`.
 */
export async function saveDraftSections(actor: Actor, applicationId: string, expectedVersion: number, raw: unknown): Promise<DraftSaveResult> {
  if (!actor || actor.role !== "applicant" || !UUID_RE.test(applicationId)) return { ok: false, code: "not_found" };
  const [row] = await getDb()
    .select({ sections: programmes.formSections, awardAmount: calls.awardAmount, directions: programmes.directions })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)));
  if (!row) return { ok: false, code: "not_found" };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, code: "invalid", issues: [{ path: "", message: "invalid" }] };
  const known = new Set(row.sections.map((s) => s.key));
  const sent = Object.keys(raw).filter((k) => known.has(k));
  const schema = applicationDataSchema(row.sections, { awardAmount: row.awardAmount, directions: row.directions.map((d) => d.code) }, "draft");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, code: "invalid", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: String(i.message) })) };
  }
  // Only the sections sent are replaced (saveDraft merges by section).
  const data: ApplicationData = {};
  for (const key of sent) {
    const value = (parsed.data as ApplicationData)[key];
    data[key] = value ?? {};
  }
  return saveDraft(actor, applicationId, expectedVersion, data);
}
