import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The call editor's actions are public POST endpoints: only an admin reaches the data layer; each refusal of
 * the data layer becomes a sentence in the viewer's language tied to its field. The session and the data
 * layer are replaced; the permission check and the schemas are real.
 */
const en = catalogue("en");
const t = en.AdminEditor;
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({ createCall: vi.fn(), updateCall: vi.fn() }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/call-editor", () => dal);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// next-intl's own translator (nested keys, plurals and placeholders as in the app).
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/catalogue")).catalogue("en");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
  };
});

const { createCallAction, updateCallAction } = await import("./editor-actions");

const ID = "00000000-0000-4000-8000-000000000001";
const CALL = "00000000-0000-4000-8000-0000000000c1";
const person = (role: Viewer["role"]): Viewer => ({ id: ID, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" });

const values = {
  programmeId: "00000000-0000-4000-8000-0000000000b1",
  year: "2027",
  title: { kk: "Бизнес бастау 2027", ru: "Бизнес бастау 2027", en: "Biznes bastau 2027" },
  opensAt: "2027-03-01T09:00",
  closesAt: "2027-04-15T18:00",
  reviewDeadline: "2027-05-31T18:00",
  budgetCap: "15 000 000",
  minScore: "30",
  reviewersPerApplication: "3",
  districts: [{ code: "ili" as const, ceiling: "2", reservedMinimum: "" }],
};
const edit = { ...values, callId: CALL, version: "2027-01-01T00:00:00.000Z", awardAmount: "1 500 000" };

beforeEach(() => {
  dal.createCall.mockReset().mockResolvedValue({ ok: true, id: CALL });
  dal.updateCall.mockReset().mockResolvedValue({ ok: true, version: "2027-01-02T00:00:00.000Z" });
});

describe("call editor actions", () => {
  it("an admin creates and edits; the data layer gets the viewer and typed values", async () => {
    viewer.current = person("admin");
    expect(await createCallAction(values)).toEqual({ ok: true, data: { id: CALL } });
    expect(dal.createCall).toHaveBeenCalledWith({ id: ID, role: "admin" }, expect.objectContaining({ year: 2027, budgetCap: 15_000_000 }));
    expect(await updateCallAction(edit)).toEqual({ ok: true, data: { version: "2027-01-02T00:00:00.000Z" } });
    expect(dal.updateCall).toHaveBeenCalledWith({ id: ID, role: "admin" }, expect.objectContaining({ awardAmount: 1_500_000, callId: CALL }));
  });

  it("a reviewer, an applicant and the signed-out are refused before the data layer", async () => {
    for (const role of ["reviewer", "applicant"] as const) {
      viewer.current = person(role);
      expect(await createCallAction(values)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateCallAction(edit)).toMatchObject({ ok: false, code: "forbidden" });
    }
    viewer.current = null;
    expect(await updateCallAction(edit)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(dal.createCall).not.toHaveBeenCalled();
    expect(dal.updateCall).not.toHaveBeenCalled();
  });

  it("turns refusals into field errors in the viewer's language", async () => {
    viewer.current = person("admin");
    dal.updateCall.mockResolvedValue({
      ok: false,
      code: "refused",
      refusals: [
        { code: "award_amount_locked" },
        { code: "budget_below_awarded", awarded: 3_000_000 },
        { code: "ceiling_below_awarded", district: "ili", awarded: 2 },
        { code: "closes_in_past_with_drafts", drafts: 1 },
        { code: "reviewers_locked", current: 3 },
      ],
    });
    const r = await updateCallAction(edit);
    expect(r).toMatchObject({ ok: false, code: "conflict", message: t.refusal.award_amount_locked });
    if (r.ok) return;
    expect(r.fieldErrors).toEqual({
      awardAmount: t.refusal.award_amount_locked,
      budgetCap: "The budget cap cannot be lower than the amount already awarded (₸3,000,000).",
      // Ili is the 4th district of the form (DISTRICT_CODES order).
      "districts-3-ceiling": "Ili district: the ceiling cannot be lower than the 2 grants already awarded there.",
      closesAt: "The closing date cannot move into the past: 1 applicant still has a draft in this call.",
      reviewersPerApplication: "Reviewers per application cannot change: assignment has already started with 3 per application.",
    });
  });

  it("a stale version is a conflict; a missing MRP names the year", async () => {
    viewer.current = person("admin");
    dal.updateCall.mockResolvedValue({ ok: false, code: "conflict" });
    expect(await updateCallAction(edit)).toEqual({ ok: false, code: "conflict", message: t.staleCall });
    dal.createCall.mockResolvedValue({ ok: false, code: "refused", refusals: [{ code: "mrp_missing", year: 2027 }] });
    expect(await createCallAction(values)).toMatchObject({ ok: false, fieldErrors: { year: "The MRP for 2027 is missing: add it to the MRP table first." } });
  });

  it("refuses invalid input before the data layer", async () => {
    viewer.current = person("admin");
    expect(await createCallAction({ ...values, closesAt: "2027-02-01T09:00" })).toMatchObject({ ok: false, code: "invalid" });
    expect(dal.createCall).not.toHaveBeenCalled();
  });
});
