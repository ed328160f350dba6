import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/** Deleting one's account: only for the applicant themself; refused while records must be kept. */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({
  deleteMyAccount: vi.fn(async (): Promise<{ ok: true } | { ok: false; code: "must_keep"; keepUntil: Date | null; reasons: string[] }> => ({ ok: true })),
}));
const auth = vi.hoisted(() => ({ signOut: vi.fn(async () => undefined) }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/auth/config", () => auth);
vi.mock("@/lib/dal/my-data", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { deleteMyAccountAction } = await import("./actions");
const ME = "00000000-0000-4000-8000-000000000001";
const person = (role: Viewer["role"]): Viewer => ({ id: ME, role, language: "en", givenName: "T", surname: "P", displayName: "T P" });

describe("deleteMyAccountAction", () => {
  beforeEach(() => {
    dal.deleteMyAccount.mockClear();
    auth.signOut.mockClear();
  });

  it("anonymises the applicant from the session, then signs this browser out to the goodbye page", async () => {
    viewer.current = person("applicant");
    await deleteMyAccountAction(new FormData());
    expect(dal.deleteMyAccount).toHaveBeenCalledWith({ id: ME, role: "applicant" });
    expect(auth.signOut).toHaveBeenCalledWith({ redirectTo: "/account-deleted" });
  });

  it("refuses while records must be kept, and stays signed in", async () => {
    viewer.current = person("applicant");
    dal.deleteMyAccount.mockResolvedValueOnce({ ok: false, code: "must_keep", keepUntil: null, reasons: ["award"] });
    expect(await deleteMyAccountAction(new FormData())).toEqual({ ok: false, code: "conflict", message: en.MyData.mustKeep });
    expect(auth.signOut).not.toHaveBeenCalled();
  });

  for (const role of ["reviewer", "admin"] as const) {
    it(`a ${role} is forbidden`, async () => {
      viewer.current = person(role);
      expect(await deleteMyAccountAction(new FormData())).toMatchObject({ ok: false, code: "forbidden" });
      expect(dal.deleteMyAccount).not.toHaveBeenCalled();
    });
  }

  it("the signed-out are refused", async () => {
    viewer.current = null;
    expect(await deleteMyAccountAction(new FormData())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(auth.signOut).not.toHaveBeenCalled();
  });
});
