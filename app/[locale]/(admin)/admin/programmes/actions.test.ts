import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The programme editor's and MRP table's actions: only an admin reaches the data layer; refusals and
 * conflicts come back in words. The session and the data layer are replaced; permissions and schemas are real.
 */
const en = catalogue("en");
const t = en.AdminEditor;
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({ createProgramme: vi.fn(), updateProgramme: vi.fn() }));
const mrp = vi.hoisted(() => ({ addMrp: vi.fn(), updateMrp: vi.fn() }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/programme-editor", () => dal);
vi.mock("@/lib/dal/mrp", () => mrp);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/catalogue")).catalogue("en");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
  };
});

const { createProgrammeAction, updateProgrammeAction } = await import("./actions");
const { addMrpAction, updateMrpAction } = await import("../mrp/actions");

const ID = "00000000-0000-4000-8000-000000000001";
const PROGRAMME = "00000000-0000-4000-8000-0000000000b1";
const person = (role: Viewer["role"]): Viewer => ({ id: ID, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" });
const L = (s: string) => ({ kk: s, ru: s, en: s });
const programme = {
  code: "young_farmer",
  name: L("Жас фермер"),
  description: L(""),
  eligibility: { minAge: "18", maxAge: "35", guardianConsentBelow: "", excludePastWinners: false, individualsOnly: true, requiresTrainingCertificate: false },
  awardKind: "fixed" as const,
  awardAmount: "2000000",
  awardMrpMultiple: "",
  directions: [],
  tieBreak: ["normalised_score" as const],
  scoreOutOf: "100",
  active: true,
  criteria: [{ code: "idea", name: L("Идея"), description: L(""), scaleMin: "0", scaleMax: "10", weight: "1" }],
  formSections: [{ key: "project", title: L("Жоба"), fields: [{ key: "summary", type: "textarea" as const, label: L("Сипаттама"), hint: L(""), required: true, maxLength: "" }] }],
};
const { code: _code, ...rest } = programme;
const edit = { ...rest, programmeId: PROGRAMME, version: "2027-01-01T00:00:00.000Z" };

beforeEach(() => {
  dal.createProgramme.mockReset().mockResolvedValue({ ok: true, id: PROGRAMME });
  dal.updateProgramme.mockReset().mockResolvedValue({ ok: true, version: "v2" });
  mrp.addMrp.mockReset().mockResolvedValue({ ok: true });
  mrp.updateMrp.mockReset().mockResolvedValue({ ok: true });
});

describe("programme and MRP actions", () => {
  it("an admin creates and edits programmes and MRP years", async () => {
    viewer.current = person("admin");
    expect(await createProgrammeAction(programme)).toEqual({ ok: true, data: { id: PROGRAMME } });
    expect(dal.createProgramme).toHaveBeenCalledWith({ id: ID, role: "admin" }, expect.objectContaining({ code: "young_farmer", awardAmount: 2_000_000 }));
    expect(await updateProgrammeAction(edit)).toEqual({ ok: true, data: { version: "v2" } });
    expect(await addMrpAction({ year: "2027", amount: "4 500" })).toEqual({ ok: true });
    expect(mrp.addMrp).toHaveBeenCalledWith({ id: ID, role: "admin" }, 2027, 4_500);
    expect(await updateMrpAction({ year: "2027", amount: "4600", expected: 4_500 })).toEqual({ ok: true });
    expect(mrp.updateMrp).toHaveBeenCalledWith({ id: ID, role: "admin" }, 2027, 4_600, 4_500);
  });

  it("a reviewer and an applicant are refused before the data layer", async () => {
    for (const role of ["reviewer", "applicant"] as const) {
      viewer.current = person(role);
      expect(await createProgrammeAction(programme)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateProgrammeAction(edit)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await addMrpAction({ year: "2027", amount: "4500" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateMrpAction({ year: "2027", amount: "4500", expected: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(dal.createProgramme).not.toHaveBeenCalled();
    expect(dal.updateProgramme).not.toHaveBeenCalled();
    expect(mrp.addMrp).not.toHaveBeenCalled();
    expect(mrp.updateMrp).not.toHaveBeenCalled();
  });

  it("says why a structural change is refused, and when the form is stale or the code taken", async () => {
    viewer.current = person("admin");
    dal.updateProgramme.mockResolvedValue({ ok: false, code: "refused", refusals: [{ code: "rubric_locked", criteria: ["idea"] }, { code: "directions_locked", codes: ["it"] }] });
    const r = await updateProgrammeAction(edit);
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    if (!r.ok) {
      expect(r.fieldErrors?.criteria).toContain("(idea)");
      expect(r.fieldErrors?.criteria).toMatch(/^Reviews have already started/);
      expect(r.fieldErrors?.directions).toBe("Applications already exist, so these directions cannot be removed: it.");
    }
    dal.updateProgramme.mockResolvedValue({ ok: false, code: "conflict" });
    expect(await updateProgrammeAction(edit)).toEqual({ ok: false, code: "conflict", message: t.staleProgramme });
    dal.createProgramme.mockResolvedValue({ ok: false, code: "code_taken" });
    expect(await createProgrammeAction(programme)).toMatchObject({ ok: false, fieldErrors: { code: t.codeTaken } });
    mrp.addMrp.mockResolvedValue({ ok: false, code: "exists" });
    expect(await addMrpAction({ year: "2027", amount: "4500" })).toMatchObject({ ok: false, message: "2027 already has an MRP: change it in the table." });
    mrp.updateMrp.mockResolvedValue({ ok: false, code: "conflict" });
    expect(await updateMrpAction({ year: "2027", amount: "4500", expected: 1 })).toMatchObject({ ok: false, message: t.mrpStale });
  });
});
