import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The assignment page's actions are public POST endpoints: each role gets its "forbidden" next to the
 * admin's "allowed". The session and the data layer are replaced; the permission check is real.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({
  autoAssign: vi.fn(async () => ({ ok: true as const, added: 6, removed: 1, load: {}, target: 2, ceiling: 3, unfilled: [{ applicationId: "x", assigned: 2, missing: 1 }] })),
  addAssignment: vi.fn(async (): Promise<{ ok: true; assignmentId: string } | { ok: false; code: string }> => ({ ok: true, assignmentId: "a" })),
  removeAssignment: vi.fn(async () => ({ ok: true as const })),
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/assignments", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { addAssignmentAction, autoAssignAction, removeAssignmentAction } = await import("./actions");

const ID = "00000000-0000-4000-8000-000000000001";
const CALL = "00000000-0000-4000-8000-0000000000c1";
const APP = "00000000-0000-4000-8000-0000000000a1";
const REV = "00000000-0000-4000-8000-0000000000b1";
const ASG = "00000000-0000-4000-8000-0000000000d1";

function person(role: Viewer["role"]): Viewer {
  return { id: ID, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" };
}

function removeForm(reason: string): FormData {
  const fd = new FormData();
  fd.append("callId", CALL);
  fd.append("assignmentId", ASG);
  fd.append("reason", reason);
  return fd;
}

beforeEach(() => {
  dal.autoAssign.mockClear();
  dal.addAssignment.mockClear();
  dal.removeAssignment.mockClear();
});

describe("assignment actions", () => {
  it("an admin assigns automatically and gets the summary", async () => {
    viewer.current = person("admin");
    expect(await autoAssignAction({ callId: CALL })).toEqual({ ok: true, data: { added: 6, removed: 1, unfilled: 1 } });
    expect(dal.autoAssign).toHaveBeenCalledWith({ id: ID, role: "admin" }, CALL);
  });

  it("an admin adds and removes; a conflicted pair comes back with its message", async () => {
    viewer.current = person("admin");
    expect(await addAssignmentAction({ callId: CALL, applicationId: APP, reviewerId: REV })).toEqual({ ok: true });
    dal.addAssignment.mockResolvedValueOnce({ ok: false, code: "conflicted" });
    expect(await addAssignmentAction({ callId: CALL, applicationId: APP, reviewerId: REV })).toMatchObject({
      ok: false,
      code: "conflict",
      message: en.AdminAssignments.errConflicted,
    });
    expect(await removeAssignmentAction(removeForm("Overloaded"))).toEqual({ ok: true });
    expect(dal.removeAssignment).toHaveBeenCalledWith({ id: ID, role: "admin" }, ASG, "Overloaded");
  });

  it("a removal without a reason is refused before the data layer", async () => {
    viewer.current = person("admin");
    expect(await removeAssignmentAction(removeForm("  "))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: en.Validation.assignmentReasonRequired },
    });
    expect(dal.removeAssignment).not.toHaveBeenCalled();
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`a ${role} is forbidden from every action, and the data layer is not called`, async () => {
      viewer.current = person(role);
      for (const result of [
        await autoAssignAction({ callId: CALL }),
        await addAssignmentAction({ callId: CALL, applicationId: APP, reviewerId: REV }),
        await removeAssignmentAction(removeForm("Overloaded")),
      ]) {
        expect(result).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      }
      expect(dal.autoAssign).not.toHaveBeenCalled();
      expect(dal.addAssignment).not.toHaveBeenCalled();
      expect(dal.removeAssignment).not.toHaveBeenCalled();
    });
  }

  it("signed out: unauthenticated", async () => {
    viewer.current = null;
    expect(await autoAssignAction({ callId: CALL })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
