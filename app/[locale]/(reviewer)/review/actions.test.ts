import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The reviewer queue's actions are public POST endpoints: the reviewer's "allowed" next to the applicant's
 * and the admin's "forbidden", and signed-out refused. The session and the data layer are replaced; the
 * permission check is real.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({
  declareConflict: vi.fn(async (): Promise<{ ok: true; conflictId: string; assignmentRemoved: boolean } | { ok: false; code: string; fieldErrors?: Record<string, string> }> => ({
    ok: true,
    conflictId: "c",
    assignmentRemoved: true,
  })),
  declineAssignment: vi.fn(async (): Promise<{ ok: true } | { ok: false; code: string; fieldErrors?: Record<string, string> }> => ({ ok: true })),
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/conflicts", () => ({ declareConflict: dal.declareConflict }));
vi.mock("@/lib/dal/assignments", () => ({ declineAssignment: dal.declineAssignment }));
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { declareConflictAction, declineAssignmentAction } = await import("./actions");

const ID = "00000000-0000-4000-8000-000000000001";
const APP = "00000000-0000-4000-8000-0000000000a1";
const ASG = "00000000-0000-4000-8000-0000000000d1";

function person(role: Viewer["role"]): Viewer {
  return { id: ID, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" };
}

function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

const declareForm = (kind = "colleague", note = "") => form({ applicationId: APP, kind, note });
const declineForm = (reason = "Away that week") => form({ assignmentId: ASG, reason });

beforeEach(() => {
  dal.declareConflict.mockClear();
  dal.declineAssignment.mockClear();
});

describe("reviewer queue actions", () => {
  it("a reviewer declares a conflict and declines, as themselves", async () => {
    viewer.current = person("reviewer");
    expect(await declareConflictAction(declareForm("other", "My former student"))).toEqual({ ok: true });
    expect(dal.declareConflict).toHaveBeenCalledWith({ id: ID, role: "reviewer" }, APP, { kind: "other", note: "My former student" });
    expect(await declineAssignmentAction(declineForm())).toEqual({ ok: true });
    expect(dal.declineAssignment).toHaveBeenCalledWith({ id: ID, role: "reviewer" }, ASG, "Away that week");
  });

  it("a missing kind, a missing note for other and a missing reason are refused before the data layer, translated", async () => {
    viewer.current = person("reviewer");
    expect(await declareConflictAction(declareForm(""))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { kind: en.Validation.kindRequired } });
    expect(await declareConflictAction(declareForm("other", ""))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { note: en.Validation.noteRequired } });
    expect(await declineAssignmentAction(declineForm("  "))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: en.Validation.assignmentReasonRequired },
    });
    expect(dal.declareConflict).not.toHaveBeenCalled();
    expect(dal.declineAssignment).not.toHaveBeenCalled();
  });

  it("the data layer's refusals come back translated", async () => {
    viewer.current = person("reviewer");
    dal.declineAssignment.mockResolvedValueOnce({ ok: false, code: "already_submitted" });
    expect(await declineAssignmentAction(declineForm())).toMatchObject({ ok: false, code: "conflict", message: en.ReviewQueue.errAlreadySubmitted });
    dal.declineAssignment.mockResolvedValueOnce({ ok: false, code: "not_assigned" });
    expect(await declineAssignmentAction(declineForm())).toMatchObject({ ok: false, code: "conflict", message: en.ReviewQueue.errNotAssigned });
    dal.declineAssignment.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await declineAssignmentAction(declineForm())).toMatchObject({ ok: false, code: "not_found", message: en.Errors.not_found });
    dal.declareConflict.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await declareConflictAction(declareForm())).toMatchObject({ ok: false, code: "not_found" });
  });

  for (const role of ["applicant", "admin"] as const) {
    it(`a ${role} is forbidden, and the data layer is not called`, async () => {
      viewer.current = person(role);
      for (const result of [await declareConflictAction(declareForm()), await declineAssignmentAction(declineForm())]) {
        expect(result).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      }
      expect(dal.declareConflict).not.toHaveBeenCalled();
      expect(dal.declineAssignment).not.toHaveBeenCalled();
    });
  }

  it("signed out: unauthenticated, and the data layer is not called", async () => {
    viewer.current = null;
    expect(await declareConflictAction(declareForm())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await declineAssignmentAction(declineForm())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(dal.declareConflict).not.toHaveBeenCalled();
    expect(dal.declineAssignment).not.toHaveBeenCalled();
  });
});
