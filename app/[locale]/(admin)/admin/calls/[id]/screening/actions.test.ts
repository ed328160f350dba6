import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The screening action is a public POST endpoint: the admin is allowed, the other roles are refused
 * before the data layer is reached; the data layer's outcomes become translated results.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({ screenApplication: vi.fn() }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/screening", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { screenApplicationAction } = await import("./actions");

const person = (role: Viewer["role"]): Viewer => ({
  id: "00000000-0000-4000-8000-000000000001",
  role,
  language: "en",
  givenName: "Test",
  surname: "Person",
  displayName: "Test Person",
});
const applicationId = "00000000-0000-4000-8000-000000000009";
const REASON = "The applicant is older than 35 on the closing date.";

describe("screenApplicationAction", () => {
  beforeEach(() => {
    dal.screenApplication.mockReset();
    dal.screenApplication.mockResolvedValue({ ok: true, status: "ineligible" });
  });

  it("an admin refuses with a reason (the data layer gets the viewer, not a client id)", async () => {
    viewer.current = person("admin");
    expect(await screenApplicationAction({ applicationId, decision: "refuse", reason: REASON })).toEqual({ ok: true, data: { status: "ineligible" } });
    expect(dal.screenApplication).toHaveBeenCalledWith({ id: person("admin").id, role: "admin" }, applicationId, { decision: "refuse", reason: REASON });
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`a ${role} is forbidden, and nothing is screened`, async () => {
      viewer.current = person(role);
      expect(await screenApplicationAction({ applicationId, decision: "pass" })).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      expect(dal.screenApplication).not.toHaveBeenCalled();
    });
  }

  it("the signed-out are refused", async () => {
    viewer.current = null;
    expect(await screenApplicationAction({ applicationId, decision: "pass" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("an empty reason is refused with its translated message, before the data layer", async () => {
    viewer.current = person("admin");
    expect(await screenApplicationAction({ applicationId, decision: "refuse", reason: "  " })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: en.Validation.reasonRequired },
    });
    expect(await screenApplicationAction({ applicationId, decision: "refuse", reason: "Too short" })).toMatchObject({
      fieldErrors: { reason: en.Validation.reasonTooShort },
    });
    expect(dal.screenApplication).not.toHaveBeenCalled();
  });

  it("screened first by another admin: a conflict that says so", async () => {
    viewer.current = person("admin");
    dal.screenApplication.mockResolvedValue({ ok: false, code: "conflict", status: "in_review" });
    expect(await screenApplicationAction({ applicationId, decision: "pass" })).toEqual({ ok: false, code: "conflict", message: en.AdminScreening.alreadyScreened });
  });

  it("a draft: nothing to screen; an unknown id: not found", async () => {
    viewer.current = person("admin");
    dal.screenApplication.mockResolvedValue({ ok: false, code: "invalid_transition", status: "draft" });
    expect(await screenApplicationAction({ applicationId, decision: "pass" })).toMatchObject({ code: "conflict", message: en.AdminScreening.notSubmitted });
    dal.screenApplication.mockResolvedValue({ ok: false, code: "not_found" });
    expect(await screenApplicationAction({ applicationId, decision: "pass" })).toMatchObject({ code: "not_found", message: en.Errors.not_found });
  });
});
