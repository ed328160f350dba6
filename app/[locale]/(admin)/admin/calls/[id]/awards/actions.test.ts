import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The awards page's actions are public POST endpoints: the admin is allowed, the other roles and the signed-out
 * are refused before the data layer is reached; the data layer's outcomes become results in words. The session
 * and the data layer are replaced; the permission check and the input schemas are real.
 */
const en = catalogue("en");
const t = en.AdminAwardActions;
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({
  confirmProposal: vi.fn(),
  awardApplication: vi.fn(),
  revokeAward: vi.fn(),
  publishResults: vi.fn(),
  archiveCall: vi.fn(),
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/awards", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { archiveCallAction, confirmProposalAction, promoteAction, publishResultsAction, revokeAwardAction } = await import("./actions");

const ID = "00000000-0000-4000-8000-000000000001";
const CALL = "00000000-0000-4000-8000-0000000000c1";
const APP = "00000000-0000-4000-8000-0000000000a1";
const AWARD = "00000000-0000-4000-8000-0000000000d1";
const KEY = "00000000-0000-4000-8000-0000000000e1";
const FINGERPRINT = "a".repeat(64);
const ADMIN = { id: ID, role: "admin" };

function person(role: Viewer["role"]): Viewer {
  return { id: ID, role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" };
}

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

const confirmForm = (o: Partial<Record<string, string>> = {}) => form({ callId: CALL, order: "normalised", fingerprint: FINGERPRINT, ...o } as Record<string, string>);
const promoteForm = (o: Partial<Record<string, string>> = {}) => form({ applicationId: APP, idempotencyKey: KEY, ...o } as Record<string, string>);
const reason = "The grantee declined the grant in writing.";
const next = { applicationId: APP, reference: "JG-0000A1AB", title: "Bakery", districtCode: "ili", rank: 4, score: 71.5 };

beforeEach(() => {
  for (const f of Object.values(dal)) f.mockReset();
  dal.confirmProposal.mockResolvedValue({ ok: true, awarded: 3 });
  dal.awardApplication.mockResolvedValue({ ok: true, awardId: AWARD, repeated: false });
  dal.revokeAward.mockResolvedValue({ ok: true, next: null });
  dal.publishResults.mockResolvedValue({ ok: true, awarded: 3, waitlisted: 2, notAwarded: 1 });
  dal.archiveCall.mockResolvedValue({ ok: true });
});

describe("awards actions: who may", () => {
  it("an admin confirms, promotes, revokes, publishes and archives; the data layer gets the viewer, not a client id", async () => {
    viewer.current = person("admin");
    expect(await confirmProposalAction(confirmForm({ order: "raw" }))).toEqual({ ok: true, data: { awarded: 3 } });
    expect(dal.confirmProposal).toHaveBeenCalledWith(ADMIN, CALL, "raw", FINGERPRINT);
    expect(await promoteAction(promoteForm())).toEqual({ ok: true, data: { repeated: false } });
    expect(dal.awardApplication).toHaveBeenCalledWith(ADMIN, APP, KEY);
    expect(await revokeAwardAction({ awardId: AWARD, reason })).toEqual({ ok: true, data: { next: null } });
    expect(dal.revokeAward).toHaveBeenCalledWith(ADMIN, AWARD, reason);
    expect(await publishResultsAction(form({ callId: CALL }))).toEqual({ ok: true, data: { awarded: 3, waitlisted: 2, notAwarded: 1 } });
    expect(dal.publishResults).toHaveBeenCalledWith(ADMIN, CALL);
    expect(await archiveCallAction(form({ callId: CALL }))).toEqual({ ok: true });
    expect(dal.archiveCall).toHaveBeenCalledWith(ADMIN, CALL);
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`a ${role} is forbidden from every action, and the data layer is not called`, async () => {
      viewer.current = person(role);
      for (const result of [
        await confirmProposalAction(confirmForm()),
        await promoteAction(promoteForm()),
        await revokeAwardAction({ awardId: AWARD, reason }),
        await publishResultsAction(form({ callId: CALL })),
        await archiveCallAction(form({ callId: CALL })),
      ]) {
        expect(result).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      }
      for (const f of Object.values(dal)) expect(f).not.toHaveBeenCalled();
    });
  }

  it("the signed-out are refused", async () => {
    viewer.current = null;
    expect(await promoteAction(promoteForm())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await confirmProposalAction(confirmForm())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(dal.awardApplication).not.toHaveBeenCalled();
    expect(dal.confirmProposal).not.toHaveBeenCalled();
  });
});

describe("awards actions: what they say", () => {
  beforeEach(() => {
    viewer.current = person("admin");
  });

  it("a stale proposal is a conflict saying so; archived, empty and unknown calls are refused in words", async () => {
    dal.confirmProposal.mockResolvedValueOnce({ ok: false, code: "stale" });
    expect(await confirmProposalAction(confirmForm())).toEqual({ ok: false, code: "conflict", message: t.stale });
    dal.confirmProposal.mockResolvedValueOnce({ ok: false, code: "archived" });
    expect(await confirmProposalAction(confirmForm())).toEqual({ ok: false, code: "conflict", message: t.errArchived });
    dal.confirmProposal.mockResolvedValueOnce({ ok: false, code: "empty" });
    expect(await confirmProposalAction(confirmForm())).toEqual({ ok: false, code: "conflict", message: t.errEmpty });
    dal.confirmProposal.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await confirmProposalAction(confirmForm())).toMatchObject({ ok: false, code: "not_found", message: en.Errors.not_found });
  });

  it("a proposal without a known order or a fingerprint is invalid, before the data layer", async () => {
    expect(await confirmProposalAction(confirmForm({ order: "best" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await confirmProposalAction(confirmForm({ fingerprint: " " }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await confirmProposalAction(confirmForm({ callId: "x" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(dal.confirmProposal).not.toHaveBeenCalled();
  });

  it("a repeated award (the same key) is a success that says so; a promotion needs a key", async () => {
    dal.awardApplication.mockResolvedValueOnce({ ok: true, awardId: AWARD, repeated: true });
    expect(await promoteAction(promoteForm())).toEqual({ ok: true, data: { repeated: true } });
    expect(await promoteAction(promoteForm({ idempotencyKey: "" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(dal.awardApplication).toHaveBeenCalledTimes(1);
  });

  it("every AwardResult refusal is in words: the money left and the district's ceiling formatted on the server", async () => {
    dal.awardApplication.mockResolvedValueOnce({ ok: false, code: "budget_exhausted", remaining: 750_000 });
    expect(await promoteAction(promoteForm())).toEqual({ ok: false, code: "budget_exhausted", message: t.errBudget });
    dal.awardApplication.mockResolvedValueOnce({ ok: false, code: "district_ceiling", districtCode: "konaev", ceiling: 10 });
    expect(await promoteAction(promoteForm())).toEqual({ ok: false, code: "conflict", message: t.errCeiling });
    dal.awardApplication.mockResolvedValueOnce({ ok: false, code: "not_reviewed" });
    expect(await promoteAction(promoteForm())).toEqual({ ok: false, code: "conflict", message: t.errNotReviewed });
    dal.awardApplication.mockResolvedValueOnce({ ok: false, code: "already_awarded" });
    expect(await promoteAction(promoteForm())).toEqual({ ok: false, code: "conflict", message: t.errAlreadyAwarded });
    dal.awardApplication.mockResolvedValueOnce({ ok: false, code: "archived" });
    expect(await promoteAction(promoteForm())).toEqual({ ok: false, code: "conflict", message: t.errArchived });
    dal.awardApplication.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await promoteAction(promoteForm())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a revocation returns the next application with a fresh idempotency key for its Promote button", async () => {
    dal.revokeAward.mockResolvedValueOnce({ ok: true, next });
    const r = await revokeAwardAction({ awardId: AWARD, reason });
    expect(r).toMatchObject({ ok: true, data: { next: { ...next, idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) } } });
  });

  it("a revocation needs a reason of 10 characters or more; the data layer's refusals are in words", async () => {
    expect(await revokeAwardAction({ awardId: AWARD, reason: "  " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: en.Validation.reasonRequired } });
    expect(await revokeAwardAction({ awardId: AWARD, reason: "Declined" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: en.Validation.reasonTooShort } });
    expect(dal.revokeAward).not.toHaveBeenCalled();
    dal.revokeAward.mockResolvedValueOnce({ ok: false, code: "invalid", fieldErrors: { reason: "awardReasonTooShort" } });
    expect(await revokeAwardAction({ awardId: AWARD, reason })).toEqual({ ok: false, code: "invalid", message: en.Validation.reasonTooShort, fieldErrors: { reason: en.Validation.reasonTooShort } });
    dal.revokeAward.mockResolvedValueOnce({ ok: false, code: "not_active" });
    expect(await revokeAwardAction({ awardId: AWARD, reason })).toEqual({ ok: false, code: "conflict", message: t.errNotActive });
    dal.revokeAward.mockResolvedValueOnce({ ok: false, code: "archived" });
    expect(await revokeAwardAction({ awardId: AWARD, reason })).toEqual({ ok: false, code: "conflict", message: t.errArchived });
    dal.revokeAward.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await revokeAwardAction({ awardId: AWARD, reason })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("publishing and archiving refuse in words", async () => {
    for (const [code, message] of [
      ["already_published", t.errAlreadyPublished],
      ["archived", t.errArchived],
      ["reviews_missing", t.errReviewsMissing],
    ] as const) {
      dal.publishResults.mockResolvedValueOnce({ ok: false, code });
      expect(await publishResultsAction(form({ callId: CALL }))).toEqual({ ok: false, code: "conflict", message });
    }
    dal.publishResults.mockResolvedValueOnce({ ok: false, code: "not_found" });
    expect(await publishResultsAction(form({ callId: CALL }))).toMatchObject({ ok: false, code: "not_found" });
    dal.archiveCall.mockResolvedValueOnce({ ok: false, code: "not_published" });
    expect(await archiveCallAction(form({ callId: CALL }))).toEqual({ ok: false, code: "conflict", message: t.errNotPublished });
    dal.archiveCall.mockResolvedValueOnce({ ok: false, code: "already_archived" });
    expect(await archiveCallAction(form({ callId: CALL }))).toEqual({ ok: false, code: "conflict", message: t.errAlreadyArchived });
  });
});
