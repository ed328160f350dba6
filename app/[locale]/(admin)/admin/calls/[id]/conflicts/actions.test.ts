import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/** Resolving a conflict flag: the admin is allowed, the other roles refused; reasons are required. */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({ resolveFlag: vi.fn() }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/conflicts", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { resolveFlagAction } = await import("./actions");

const person = (role: Viewer["role"]): Viewer => ({
  id: "00000000-0000-4000-8000-000000000001",
  role,
  language: "en",
  givenName: "Test",
  surname: "Person",
  displayName: "Test Person",
});
const input = {
  applicationId: "00000000-0000-4000-8000-000000000009",
  reviewerId: "00000000-0000-4000-8000-000000000008",
  kind: "same_organisation" as const,
  decision: "confirm" as const,
  reason: "Both work at the same university department.",
};

describe("resolveFlagAction", () => {
  beforeEach(() => {
    dal.resolveFlag.mockReset();
    dal.resolveFlag.mockResolvedValue({ ok: true, conflictId: "c", status: "confirmed", assignmentRemoved: true });
  });

  it("an admin confirms; the result says whether an assignment was removed", async () => {
    viewer.current = person("admin");
    expect(await resolveFlagAction(input)).toEqual({ ok: true, data: { status: "confirmed", assignmentRemoved: true } });
    expect(dal.resolveFlag).toHaveBeenCalledWith({ id: person("admin").id, role: "admin" }, input);
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`a ${role} is forbidden, and nothing is decided`, async () => {
      viewer.current = person(role);
      expect(await resolveFlagAction(input)).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      expect(dal.resolveFlag).not.toHaveBeenCalled();
    });
  }

  it("a reason is required (translated), before the data layer", async () => {
    viewer.current = person("admin");
    expect(await resolveFlagAction({ ...input, reason: "" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: en.Validation.reasonRequired } });
    expect(dal.resolveFlag).not.toHaveBeenCalled();
  });

  it("a flag the rules no longer raise and never stored: not found", async () => {
    viewer.current = person("admin");
    dal.resolveFlag.mockResolvedValue({ ok: false, code: "not_found" });
    expect(await resolveFlagAction(input)).toMatchObject({ ok: false, code: "not_found", message: en.Errors.not_found });
  });
});
