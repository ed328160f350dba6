import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { seed } from "@/db/seed";
import { catalogue } from "@/lib/i18n/catalogue";
import { ACTION_RULES, expectedOutcome, IDENTITIES, type Identity, type Outcome } from "./matrix";
import { buildWorld, type World } from "./world";

/**
 * The authorisation matrix of the server actions, cell by cell, through each action's own code: the
 * exported action is called as Next calls it, with the identity's session cookie claims, against a
 * real PostgreSQL. Only the cookie's decoding is replaced (Auth.js's `auth()` returns the claims); the
 * viewer's re-read from the database, the permission, the input schema and the data layer's
 * ownership checks are the real ones. A refused cell must write nothing and say nothing beyond its code.
 */

const session = vi.hoisted(() => ({
  current: null as null | { id: string; sessionVersion: number; sessionId: string },
  signOuts: [] as { redirectTo?: string }[],
}));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (session.current ? { user: session.current } : null),
  signOut: async (options: { redirectTo?: string }) => {
    session.signOuts.push(options);
  },
  signIn: async () => {
    throw new Error("signIn is not reached by the matrix's payloads");
  },
  SignInThrottled: class extends Error {},
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "matrix" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

const en = catalogue("en") as unknown as { Errors: Record<string, string> };

type Result = { ok: boolean; code?: string; message?: string; [k: string]: unknown };
type Invoke = (w: World, who: Identity) => Promise<Result | void>;

function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

const A = "app/[locale]";
const mod = {
  assignments: () => import("@/app/[locale]/(admin)/admin/calls/[id]/assignments/actions"),
  awards: () => import("@/app/[locale]/(admin)/admin/calls/[id]/awards/actions"),
  conflicts: () => import("@/app/[locale]/(admin)/admin/calls/[id]/conflicts/actions"),
  progress: () => import("@/app/[locale]/(admin)/admin/calls/[id]/progress/actions"),
  screening: () => import("@/app/[locale]/(admin)/admin/calls/[id]/screening/actions"),
  pastWinners: () => import("@/app/[locale]/(admin)/admin/past-winners/actions"),
  users: () => import("@/app/[locale]/(admin)/admin/users/actions"),
  apply: () => import("@/app/[locale]/(applicant)/calls/[id]/apply/actions"),
  myApp: () => import("@/app/[locale]/(applicant)/my/applications/[id]/actions"),
  edit: () => import("@/app/[locale]/(applicant)/my/applications/[id]/edit/actions"),
  myData: () => import("@/app/[locale]/(applicant)/my/data/actions"),
  scoring: () => import("@/app/[locale]/(reviewer)/review/[assignmentId]/actions"),
  queue: () => import("@/app/[locale]/(reviewer)/review/actions"),
  root: () => import("@/app/[locale]/actions"),
  language: () => import("@/app/_components/language-actions"),
  verify: () => import("@/app/[locale]/(public)/verify-email/actions"),
  forgot: () => import("@/app/[locale]/(public)/forgot-password/actions"),
  register: () => import("@/app/[locale]/(public)/register/actions"),
  reset: () => import("@/app/[locale]/(public)/reset-password/actions"),
  signIn: () => import("@/app/[locale]/(public)/sign-in/actions"),
};

/** The reviewer's "own" assignment: the conflicted reviewer tries theirs, everyone else the assigned one's. */
const assignmentOf = (w: World, who: Identity) => (who === "reviewerConflicted" ? w.assignmentConflicted : w.assignmentAssigned);

/** A sign-out action's outcome is where it sends the person. */
async function signOutOutcome(run: () => Promise<void>, signedInTarget: string): Promise<Result> {
  session.signOuts.length = 0;
  await run();
  const target = session.signOuts.at(-1)?.redirectTo;
  // No result of its own: the refusal is "sent to the plain sign-in page", said in the redirect.
  return target === signedInTarget ? { ok: true } : { ok: false, code: "unauthenticated", message: en.Errors.unauthenticated };
}

const INVOKE: Record<string, Invoke> = {
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#autoAssignAction`]: async (w) => (await mod.assignments()).autoAssignAction({ callId: w.reviewCall }),
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#addAssignmentAction`]: async (w) =>
    (await mod.assignments()).addAssignmentAction({ callId: w.reviewCall, applicationId: w.appX, reviewerId: w.user.reviewerUnassigned }),
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#removeAssignmentAction`]: async (w) =>
    (await mod.assignments()).removeAssignmentAction(form({ callId: w.reviewCall, assignmentId: w.assignmentAssigned, reason: "Сарапшы ауырып қалды" })),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#confirmProposalAction`]: async (w) =>
    (await mod.awards()).confirmProposalAction(form({ callId: w.awardsCall, order: "normalised", fingerprint: "stale-fingerprint" })),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#promoteAction`]: async (w) =>
    (await mod.awards()).promoteAction(form({ applicationId: w.appAwardable, idempotencyKey: randomUUID() })),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#revokeAwardAction`]: async (w) =>
    (await mod.awards()).revokeAwardAction({ awardId: w.awardActive, reason: "Шарт талаптары бұзылды" }),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#publishResultsAction`]: async (w) => (await mod.awards()).publishResultsAction(form({ callId: w.awardsCall })),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#archiveCallAction`]: async (w) => (await mod.awards()).archiveCallAction(form({ callId: w.awardsCall })),
  [`${A}/(admin)/admin/calls/[id]/conflicts/actions.ts#resolveFlagAction`]: async (w) =>
    (await mod.conflicts()).resolveFlagAction({ applicationId: w.appX, reviewerId: w.user.reviewerUnassigned, kind: "same_surname_district", decision: "dismiss", reason: "Басқа адам, туыс емес" }),
  [`${A}/(admin)/admin/calls/[id]/progress/actions.ts#reopenReviewAction`]: async (w) =>
    (await mod.progress()).reopenReviewAction({ reviewId: w.reviewSubmitted, reason: "Қорытынды пікір толық емес" }),
  [`${A}/(admin)/admin/calls/[id]/screening/actions.ts#screenApplicationAction`]: async (w) =>
    (await mod.screening()).screenApplicationAction({ applicationId: w.appScreen, decision: "pass" }),
  [`${A}/(admin)/admin/past-winners/actions.ts#pastWinnersAction`]: async (w) =>
    ((await mod.pastWinners()).pastWinnersAction(null, form({ intent: "preview", programmeId: w.programmeId, year: "2024", iins: "" })) as Promise<Result>),
  [`${A}/(admin)/admin/users/actions.ts#createStaffAction`]: async () =>
    ((await mod.users()).createStaffAction(null, form({ email: `matrix-${randomUUID()}@example.kz`, surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: "ҚазҰУ", language: "kk" })) as Promise<Result>),
  [`${A}/(admin)/admin/users/actions.ts#setAccountActiveAction`]: async (w) => (await mod.users()).setAccountActiveAction({ userId: w.bystander, active: false }),
  [`${A}/(applicant)/calls/[id]/apply/actions.ts#startApplicationAction`]: async (w) =>
    ((await mod.apply()).startApplicationAction(null, form({ callId: w.openCall2 })) as Promise<Result>),
  [`${A}/(applicant)/my/applications/[id]/actions.ts#withdrawMyApplication`]: async (w) => (await mod.myApp()).withdrawMyApplication({ applicationId: w.submittedA }),
  [`${A}/(applicant)/my/applications/[id]/actions.ts#reopenMyApplication`]: async (w) => (await mod.myApp()).reopenMyApplication({ applicationId: w.submittedA }),
  [`${A}/(applicant)/my/applications/[id]/edit/actions.ts#submitApplicationAction`]: async (w) => (await mod.edit()).submitApplicationAction({ applicationId: w.draftA }),
  [`${A}/(applicant)/my/applications/[id]/edit/actions.ts#deleteAttachmentAction`]: async (w) => (await mod.edit()).deleteAttachmentAction({ attachmentId: w.attachmentA }),
  [`${A}/(applicant)/my/data/actions.ts#deleteMyAccountAction`]: async () => (await mod.myData()).deleteMyAccountAction(form({})) as Promise<Result>,
  [`${A}/(reviewer)/review/[assignmentId]/actions.ts#saveReviewDraftAction`]: async (w, who) =>
    (await mod.scoring()).saveReviewDraftAction({ assignmentId: assignmentOf(w, who), version: 0, comment: "", scores: {}, comments: {} }),
  [`${A}/(reviewer)/review/[assignmentId]/actions.ts#submitReviewAction`]: async (w, who) =>
    (await mod.scoring()).submitReviewAction({ assignmentId: assignmentOf(w, who), version: 0, comment: "", scores: {}, comments: {} }),
  [`${A}/(reviewer)/review/actions.ts#declareConflictAction`]: async (w) =>
    (await mod.queue()).declareConflictAction(form({ applicationId: w.appX, kind: "relative", note: "" })),
  [`${A}/(reviewer)/review/actions.ts#declineAssignmentAction`]: async (w, who) =>
    (await mod.queue()).declineAssignmentAction(form({ assignmentId: assignmentOf(w, who), reason: "Уақытым жоқ, кешіріңіз" })),
  [`${A}/actions.ts#signOutEverywhereAction`]: async () => signOutOutcome(async () => (await mod.root()).signOutEverywhereAction(), "/sign-in?signedOut=everywhere"),
  [`app/_components/language-actions.ts#saveProfileLanguage`]: async () => (await mod.language()).saveProfileLanguage("ru"),
  [`${A}/(public)/verify-email/actions.ts#resendVerificationAction`]: async () => (await mod.verify()).resendVerificationAction(null, form({})),
  [`${A}/actions.ts#signOutAction`]: async () => signOutOutcome(async () => (await mod.root()).signOutAction(), "/sign-in?signedOut=1"),
  [`${A}/(public)/forgot-password/actions.ts#requestPasswordResetAction`]: async () =>
    (await mod.forgot()).requestPasswordResetAction(null, form({ email: "not an address" })) as Promise<Result>,
  [`${A}/(public)/register/actions.ts#registerAction`]: async () => (await mod.register()).registerAction(null, form({})) as Promise<Result>,
  [`${A}/(public)/reset-password/actions.ts#resetPasswordAction`]: async () =>
    (await mod.reset()).resetPasswordAction(null, form({ token: "x", password: "" })) as Promise<Result>,
  [`${A}/(public)/reset-password/actions.ts#setFirstPasswordAction`]: async () =>
    (await mod.reset()).setFirstPasswordAction(null, form({ token: "x", password: "" })) as Promise<Result>,
  [`${A}/(public)/sign-in/actions.ts#signInAction`]: async () => (await mod.signIn()).signInAction({} as never, form({ email: "", password: "" })) as unknown as Promise<Result>,
  [`${A}/(public)/verify-email/actions.ts#confirmEmailAction`]: async () => (await mod.verify()).confirmEmailAction(null, form({ token: "short" })) as Promise<Result>,
};

/** A digest of everything an action could write: a refused cell must leave it unchanged. */
async function fingerprint(): Promise<string> {
  const r = await getDb().execute(sql`
    SELECT concat_ws('|',
      (SELECT count(*) FROM audit_log), (SELECT count(*) FROM outbox),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, status, version, updated_at), ',' ORDER BY id), '')) FROM applications),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, active, session_version, language, updated_at), ',' ORDER BY id), '')) FROM users),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, status), ',' ORDER BY id), '')) FROM review_assignments),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, status, version), ',' ORDER BY id), '')) FROM reviews),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, status), ',' ORDER BY id), '')) FROM conflicts),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, status), ',' ORDER BY id), '')) FROM awards),
      (SELECT md5(coalesce(string_agg(concat_ws(':', id, awarded_total, results_published_at, archived_at), ',' ORDER BY id), '')) FROM calls),
      (SELECT count(*) FROM attachments), (SELECT count(*) FROM past_winners), (SELECT count(*) FROM ended_sessions)
    ) AS f`);
  return (r.rows[0] as { f: string }).f;
}

const REDIRECT = /NEXT_REDIRECT/;

async function runCell(w: World, key: string, who: Identity): Promise<Result> {
  session.current = w.claims[who];
  try {
    const r = await INVOKE[key](w, who);
    return r ?? { ok: true };
  } catch (err) {
    // Next's redirect() after a successful action (e.g. to the new application's editor).
    if (err instanceof Error && (REDIRECT.test(err.message) || REDIRECT.test(String((err as { digest?: string }).digest)))) return { ok: true };
    throw err;
  } finally {
    session.current = null;
  }
}

function outcomeOf(r: Result): Outcome | "other" {
  if (r.ok) return "allowed";
  if (r.code === "unauthenticated" || r.code === "forbidden" || r.code === "not_found") return r.code;
  return "other";
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
});

const keys = Object.keys(ACTION_RULES).sort();
let cells = 0;

describe("authorisation matrix: server actions", () => {
  it("every action in the matrix has an invoker here", () => {
    expect(keys.filter((k) => !INVOKE[k])).toEqual([]);
    expect(Object.keys(INVOKE).filter((k) => !ACTION_RULES[k])).toEqual([]);
  });

  for (const key of keys) {
    const rule = ACTION_RULES[key];
    it(key.replace(/^app\//, ""), async () => {
      const w = await buildWorld(getDb());
      // Refusals first (they must change nothing), then the identities let through.
      const order = [...IDENTITIES].sort((a, b) => Number(expectedOutcome(rule, a) === "allowed") - Number(expectedOutcome(rule, b) === "allowed"));
      const seen: string[] = [];
      for (const who of order) {
        const expected = expectedOutcome(rule, who);
        const before = expected === "allowed" ? "" : await fingerprint();
        const result = await runCell(w, key, who);
        cells += 1;
        const got = outcomeOf(result);
        seen.push(`${who}: ${got}${got === "other" ? ` (${result.code})` : ""}`);
        if (expected === "allowed") {
          // Let through: whatever the business answer, it is not a refusal of the person.
          expect(got, `${who} → ${JSON.stringify(result)}`).not.toMatch(/^(unauthenticated|forbidden|not_found)$/);
        } else {
          expect(got, `${who} → ${JSON.stringify(result)}`).toBe(expected);
          // Nothing written, nothing said beyond the refusal.
          expect(await fingerprint(), `${who} wrote something`).toBe(before);
          expect(Object.keys(result).filter((k) => !["ok", "code", "message", "values"].includes(k))).toEqual([]);
          if (expected !== "not_found") expect(result.message).toBe(en.Errors[expected]);
          // No record's id in the answer (`values` is the caller's own typed input, kept for the form).
          const said = JSON.stringify({ ...result, values: undefined });
          for (const id of [...Object.values(w).filter((v): v is string => typeof v === "string"), ...Object.values(w.user)]) expect(said).not.toContain(id);
        }
      }
      expect(seen).toHaveLength(IDENTITIES.length);
    });
  }

  it("tested every cell", () => {
    expect(cells).toBe(keys.length * IDENTITIES.length);
  });
});
