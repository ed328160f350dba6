import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * Withdraw and reopen are public POST endpoints: the applicant acts on their own id from the
 * session; other roles and the signed-out are refused; the data layer's refusals become clear
 * messages. The session and the data layer are replaced; the permission check is real.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({
  withdrawApplication: vi.fn(async (): Promise<{ ok: true } | { ok: false; code: string }> => ({ ok: true })),
  reopenApplication: vi.fn(async (): Promise<{ ok: true } | { ok: false; code: string }> => ({ ok: true })),
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/applications", () => dal);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { withdrawMyApplication, reopenMyApplication } = await import("./actions");

const ME = "00000000-0000-4000-8000-000000000001";
const APP = "00000000-0000-4000-8000-0000000000aa";
function person(role: Viewer["role"]): Viewer {
  return { id: ME, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" };
}
function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe("withdrawMyApplication", () => {
  beforeEach(() => dal.withdrawApplication.mockClear());

  it("withdraws the applicant's own application, as the applicant from the session", async () => {
    viewer.current = person("applicant");
    expect(await withdrawMyApplication(form({ applicationId: APP, applicantId: "someone-else" }))).toEqual({ ok: true });
    expect(dal.withdrawApplication).toHaveBeenCalledWith({ id: ME, role: "applicant" }, APP);
  });

  for (const role of ["reviewer", "admin"] as const) {
    it(`a ${role} is forbidden and nothing happens`, async () => {
      viewer.current = person(role);
      expect(await withdrawMyApplication(form({ applicationId: APP }))).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      expect(dal.withdrawApplication).not.toHaveBeenCalled();
    });
  }

  it("the signed-out are refused", async () => {
    viewer.current = null;
    expect(await withdrawMyApplication(form({ applicationId: APP }))).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("says clearly when the deadline has passed, or the status changed, or the id is not theirs", async () => {
    viewer.current = person("applicant");
    dal.withdrawApplication.mockResolvedValueOnce({ ok: false, code: "deadline_passed" });
    expect(await withdrawMyApplication(form({ applicationId: APP }))).toEqual({ ok: false, code: "deadline_passed", message: en.ApplicationView.tooLate });
    dal.withdrawApplication.mockResolvedValueOnce({ ok: false, code: "invalid_transition" });
    expect(await withdrawMyApplication(form({ applicationId: APP }))).toEqual({ ok: false, code: "conflict", message: en.ApplicationView.notWithdrawable });
    dal.withdrawApplication.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await withdrawMyApplication(form({ applicationId: APP }))).toEqual({ ok: false, code: "not_found", message: en.Errors.not_found });
  });
});

describe("reopenMyApplication", () => {
  it("reopens the applicant's own application; a stale status gets the reopen message", async () => {
    viewer.current = person("applicant");
    expect(await reopenMyApplication(form({ applicationId: APP }))).toEqual({ ok: true });
    expect(dal.reopenApplication).toHaveBeenCalledWith({ id: ME, role: "applicant" }, APP);
    dal.reopenApplication.mockResolvedValueOnce({ ok: false, code: "invalid_transition" });
    expect(await reopenMyApplication(form({ applicationId: APP }))).toEqual({ ok: false, code: "conflict", message: en.ApplicationView.notReopenable });
  });

  it("a reviewer is forbidden", async () => {
    viewer.current = person("reviewer");
    dal.reopenApplication.mockClear();
    expect(await reopenMyApplication(form({ applicationId: APP }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(dal.reopenApplication).not.toHaveBeenCalled();
  });
});
