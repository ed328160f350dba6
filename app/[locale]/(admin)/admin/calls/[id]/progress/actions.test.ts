import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * Reopening a review is a public POST endpoint: the admin is allowed, the other roles are refused before
 * the data layer is reached; the data layer's outcomes become translated results.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({ reopenReview: vi.fn() }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/review-admin", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { reopenReviewAction } = await import("./actions");

const person = (role: Viewer["role"]): Viewer => ({
  id: "00000000-0000-4000-8000-000000000001",
  role,
  language: "en",
  givenName: "Test",
  surname: "Person",
  displayName: "Test Person",
});
const input = { reviewId: "00000000-0000-4000-8000-000000000009", reason: "Criterion 3 has no justification." };

describe("reopenReviewAction", () => {
  beforeEach(() => {
    dal.reopenReview.mockReset();
    dal.reopenReview.mockResolvedValue({ ok: true, reviewId: input.reviewId, applicationId: "a", version: 2 });
  });

  it("an admin reopens with a reason (the data layer gets the viewer, not a client id)", async () => {
    viewer.current = person("admin");
    expect(await reopenReviewAction(input)).toEqual({ ok: true });
    expect(dal.reopenReview).toHaveBeenCalledWith({ id: person("admin").id, role: "admin" }, input.reviewId, input.reason);
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`a ${role} is forbidden, and nothing is reopened`, async () => {
      viewer.current = person(role);
      expect(await reopenReviewAction(input)).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      expect(dal.reopenReview).not.toHaveBeenCalled();
    });
  }

  it("the signed-out are refused", async () => {
    viewer.current = null;
    expect(await reopenReviewAction(input)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(dal.reopenReview).not.toHaveBeenCalled();
  });

  it("an empty or short reason is refused with its translated message, before the data layer", async () => {
    viewer.current = person("admin");
    expect(await reopenReviewAction({ ...input, reason: "  " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: en.Validation.reasonRequired } });
    expect(await reopenReviewAction({ ...input, reason: "Too short" })).toMatchObject({ fieldErrors: { reason: en.Validation.reasonTooShort } });
    expect(await reopenReviewAction({ ...input, reviewId: "x" })).toMatchObject({ ok: false, code: "invalid" });
    expect(dal.reopenReview).not.toHaveBeenCalled();
  });

  it("the data layer's refusals become translated conflicts; an unknown review is not_found", async () => {
    viewer.current = person("admin");
    dal.reopenReview.mockResolvedValueOnce({ ok: false, code: "not_submitted" });
    expect(await reopenReviewAction(input)).toEqual({ ok: false, code: "conflict", message: en.AdminReopen.errNotSubmitted });
    dal.reopenReview.mockResolvedValueOnce({ ok: false, code: "application_decided", status: "awarded" });
    expect(await reopenReviewAction(input)).toEqual({ ok: false, code: "conflict", message: en.AdminReopen.errDecided });
    dal.reopenReview.mockResolvedValueOnce({ ok: false, code: "assignment_inactive" });
    expect(await reopenReviewAction(input)).toEqual({ ok: false, code: "conflict", message: en.AdminReopen.errInactive });
    dal.reopenReview.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await reopenReviewAction(input)).toMatchObject({ ok: false, code: "not_found", message: en.Errors.not_found });
  });
});
