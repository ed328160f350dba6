import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The scoring actions are public POST endpoints: the reviewer's "allowed" next to the applicant's and the
 * admin's "forbidden", signed-out refused, and each refusal of the data layer turned into its message. The
 * session and the data layer are replaced; the permission check and the zod schema are real.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({ saveReview: vi.fn() }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/reviews", () => ({ saveReview: dal.saveReview }));
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { saveReviewDraftAction, submitReviewAction } = await import("./actions");

const ID = "00000000-0000-4000-8000-000000000001";
const ASG = "00000000-0000-4000-8000-0000000000d1";
const CRIT = "00000000-0000-4000-8000-0000000000c1";
const person = (role: Viewer["role"]): Viewer => ({ id: ID, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" });
const payload = { assignmentId: ASG, version: 1, comment: "A clear plan with a real market.", scores: { [CRIT]: 7 }, comments: {} };

beforeEach(() => {
  dal.saveReview.mockReset();
  dal.saveReview.mockResolvedValue({ ok: true, version: 2, savedAt: new Date("2026-12-02T10:00:00Z") });
});

describe.each([
  ["saveReviewDraftAction", saveReviewDraftAction, "draft"],
  ["submitReviewAction", submitReviewAction, "submit"],
] as const)("%s", (_name, action, mode) => {
  it("allowed: a reviewer's input reaches the data layer with the reviewer as actor", async () => {
    viewer.current = person("reviewer");
    expect(await action(payload)).toEqual({ ok: true, data: { version: 2, savedAt: "2026-12-02T10:00:00.000Z" } });
    expect(dal.saveReview).toHaveBeenCalledWith({ id: ID, role: "reviewer" }, payload, mode);
  });

  it.each(["applicant", "admin"] as const)("forbidden: %s", async (role) => {
    viewer.current = person(role);
    expect(await action(payload)).toMatchObject({ ok: false, code: "forbidden" });
    expect(dal.saveReview).not.toHaveBeenCalled();
  });

  it("signed out: unauthenticated, and the input is not even read", async () => {
    viewer.current = null;
    expect(await action({ ...payload, assignmentId: "bad" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(dal.saveReview).not.toHaveBeenCalled();
  });

  it("a malformed payload is refused before the data layer", async () => {
    viewer.current = person("reviewer");
    expect(await action({ ...payload, scores: { [CRIT]: "seven" } } as never)).toMatchObject({ ok: false, code: "invalid" });
    expect(dal.saveReview).not.toHaveBeenCalled();
  });

  it("the data layer's refusals become messages in the viewer's language", async () => {
    viewer.current = person("reviewer");
    dal.saveReview.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await action(payload)).toEqual({ ok: false, code: "not_found", message: en.Scoring.notFound });
    dal.saveReview.mockResolvedValueOnce({ ok: false, code: "locked" });
    expect(await action(payload)).toEqual({ ok: false, code: "conflict", message: en.Scoring.locked });
    dal.saveReview.mockResolvedValueOnce({ ok: false, code: "conflict", version: 3 });
    expect(await action(payload)).toEqual({ ok: false, code: "conflict", message: en.Scoring.conflict });
    dal.saveReview.mockResolvedValueOnce({ ok: false, code: "invalid", issues: { [`scores.${CRIT}`]: "reviewScoreRange", comment: "reviewOverallRequired" } });
    expect(await action(payload)).toEqual({
      ok: false,
      code: "invalid",
      message: en.Validation.reviewScoreRange,
      fieldErrors: { [`scores.${CRIT}`]: en.Validation.reviewScoreRange, comment: en.Validation.reviewOverallRequired },
    });
  });
});
