import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { seed } from "@/db/seed";
import { catalogue } from "@/lib/i18n/catalogue";
import { ACTION_RULES, expectedOutcome, IDENTITIES, type Identity, type Outcome } from "./matrix";
import { HOSTILE_STRINGS } from "./hostile";
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
/** `o`: fields to put over the valid input (the property test's random and hostile values). */
type Invoke = (w: World, who: Identity, o?: Record<string, unknown>) => Promise<Result | void>;

/** A form as the browser would send it: every value a string (a File stays a File). */
function form(values: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    if (v instanceof Blob) fd.append(k, v);
    else fd.append(k, typeof v === "string" ? v : JSON.stringify(v) ?? String(v));
  }
  return fd;
}

/** The valid input with the property test's values over it. */
function over<T extends Record<string, unknown>>(base: T, o?: Record<string, unknown>): T {
  return { ...base, ...(o ?? {}) } as T;
}

const A = "app/[locale]";
const mod = {
  assignments: () => import("@/app/[locale]/(admin)/admin/calls/[id]/assignments/actions"),
  awards: () => import("@/app/[locale]/(admin)/admin/calls/[id]/awards/actions"),
  conflicts: () => import("@/app/[locale]/(admin)/admin/calls/[id]/conflicts/actions"),
  progress: () => import("@/app/[locale]/(admin)/admin/calls/[id]/progress/actions"),
  screening: () => import("@/app/[locale]/(admin)/admin/calls/[id]/screening/actions"),
  pastWinners: () => import("@/app/[locale]/(admin)/admin/past-winners/actions"),
  callEditor: () => import("@/app/[locale]/(admin)/admin/calls/editor-actions"),
  mrp: () => import("@/app/[locale]/(admin)/admin/mrp/actions"),
  programmes: () => import("@/app/[locale]/(admin)/admin/programmes/actions"),
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

/** A call as the editor's form sends it (Almaty local times). */
function callForm(w: World) {
  return {
    year: "2027",
    title: { kk: "Матрица байқауы", ru: "Конкурс матрицы", en: "Matrix call" },
    opensAt: "2027-03-01T09:00",
    closesAt: "2027-04-01T18:00",
    reviewDeadline: "2027-05-01T18:00",
    budgetCap: "15000000",
    minScore: "0",
    reviewersPerApplication: "2",
    districts: [],
    programmeId: w.programmeId,
  };
}

const INVOKE: Record<string, Invoke> = {
  [`${A}/(admin)/admin/calls/editor-actions.ts#createCallAction`]: async (w, _who, o) => (await mod.callEditor()).createCallAction(over(callForm(w), o) as never),
  [`${A}/(admin)/admin/calls/editor-actions.ts#updateCallAction`]: async (w, _who, o) =>
    (await mod.callEditor()).updateCallAction(over({ ...callForm(w), callId: w.openCall, version: "stale", awardAmount: "1500000" }, o) as never),
  [`${A}/(admin)/admin/mrp/actions.ts#addMrpAction`]: async (_w, _who, o) => (await mod.mrp()).addMrpAction(over({ year: 2099, amount: 9999 }, o) as never),
  [`${A}/(admin)/admin/mrp/actions.ts#updateMrpAction`]: async (_w, _who, o) => (await mod.mrp()).updateMrpAction(over({ year: 2026, amount: 4325, expected: 4325 }, o) as never),
  // The programme forms are large: an empty one is refused as invalid for an admin (let through) and before any parsing for anyone else.
  [`${A}/(admin)/admin/programmes/actions.ts#createProgrammeAction`]: async (_w, _who, o) => (await mod.programmes()).createProgrammeAction(over({}, o) as never),
  [`${A}/(admin)/admin/programmes/actions.ts#updateProgrammeAction`]: async (w, _who, o) =>
    (await mod.programmes()).updateProgrammeAction(over({ programmeId: w.programmeId, version: "stale" }, o) as never),
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#autoAssignAction`]: async (w, _who, o) => (await mod.assignments()).autoAssignAction(over({ callId: w.reviewCall }, o)),
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#addAssignmentAction`]: async (w, _who, o) =>
    (await mod.assignments()).addAssignmentAction(over({ callId: w.reviewCall, applicationId: w.appX, reviewerId: w.user.reviewerUnassigned }, o)),
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#removeAssignmentAction`]: async (w, _who, o) =>
    (await mod.assignments()).removeAssignmentAction(form(over({ callId: w.reviewCall, assignmentId: w.assignmentAssigned, reason: "Сарапшы ауырып қалды" }, o))),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#confirmProposalAction`]: async (w, _who, o) =>
    (await mod.awards()).confirmProposalAction(form(over({ callId: w.awardsCall, order: "normalised", fingerprint: "stale-fingerprint" }, o))),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#promoteAction`]: async (w, _who, o) =>
    (await mod.awards()).promoteAction(form(over({ applicationId: w.appAwardable, idempotencyKey: randomUUID() }, o))),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#revokeAwardAction`]: async (w, _who, o) =>
    (await mod.awards()).revokeAwardAction(over({ awardId: w.awardActive, reason: "Шарт талаптары бұзылды" }, o)),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#publishResultsAction`]: async (w, _who, o) => (await mod.awards()).publishResultsAction(form(over({ callId: w.awardsCall }, o))),
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#archiveCallAction`]: async (w, _who, o) => (await mod.awards()).archiveCallAction(form(over({ callId: w.awardsCall }, o))),
  [`${A}/(admin)/admin/calls/[id]/conflicts/actions.ts#resolveFlagAction`]: async (w, _who, o) =>
    (await mod.conflicts()).resolveFlagAction(over({ applicationId: w.appX, reviewerId: w.user.reviewerUnassigned, kind: "same_surname_district", decision: "dismiss", reason: "Басқа адам, туыс емес" }, o)),
  [`${A}/(admin)/admin/calls/[id]/progress/actions.ts#reopenReviewAction`]: async (w, _who, o) =>
    (await mod.progress()).reopenReviewAction(over({ reviewId: w.reviewSubmitted, reason: "Қорытынды пікір толық емес" }, o)),
  [`${A}/(admin)/admin/calls/[id]/screening/actions.ts#screenApplicationAction`]: async (w, _who, o) =>
    (await mod.screening()).screenApplicationAction(over({ applicationId: w.appScreen, decision: "pass" }, o)),
  [`${A}/(admin)/admin/past-winners/actions.ts#pastWinnersAction`]: async (w, _who, o) =>
    ((await mod.pastWinners()).pastWinnersAction(null, form(over({ intent: "preview", programmeId: w.programmeId, year: "2024", iins: "" }, o))) as Promise<Result>),
  [`${A}/(admin)/admin/users/actions.ts#createStaffAction`]: async (_w, _who, o) =>
    ((await mod.users()).createStaffAction(null, form(over({ email: `matrix-${randomUUID()}@example.kz`, surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: "ҚазҰУ", language: "kk" }, o))) as Promise<Result>),
  [`${A}/(admin)/admin/users/actions.ts#setAccountActiveAction`]: async (w, _who, o) => (await mod.users()).setAccountActiveAction(over({ userId: w.bystander, active: false }, o)),
  [`${A}/(applicant)/calls/[id]/apply/actions.ts#startApplicationAction`]: async (w, _who, o) =>
    ((await mod.apply()).startApplicationAction(null, form(over({ callId: w.openCall2 }, o))) as Promise<Result>),
  [`${A}/(applicant)/my/applications/[id]/actions.ts#withdrawMyApplication`]: async (w, _who, o) => (await mod.myApp()).withdrawMyApplication(over({ applicationId: w.submittedA }, o)),
  [`${A}/(applicant)/my/applications/[id]/actions.ts#reopenMyApplication`]: async (w, _who, o) => (await mod.myApp()).reopenMyApplication(over({ applicationId: w.submittedA }, o)),
  [`${A}/(applicant)/my/applications/[id]/edit/actions.ts#submitApplicationAction`]: async (w, _who, o) => (await mod.edit()).submitApplicationAction(over({ applicationId: w.draftA }, o)),
  [`${A}/(applicant)/my/applications/[id]/edit/actions.ts#deleteAttachmentAction`]: async (w, _who, o) => (await mod.edit()).deleteAttachmentAction(over({ attachmentId: w.attachmentA }, o)),
  [`${A}/(applicant)/my/data/actions.ts#deleteMyAccountAction`]: async (_w, _who, o) => (await mod.myData()).deleteMyAccountAction(form(over({}, o))) as Promise<Result>,
  [`${A}/(reviewer)/review/[assignmentId]/actions.ts#saveReviewDraftAction`]: async (w, who, o) =>
    (await mod.scoring()).saveReviewDraftAction(over({ assignmentId: assignmentOf(w, who), version: 0, comment: "", scores: {}, comments: {} }, o)),
  [`${A}/(reviewer)/review/[assignmentId]/actions.ts#submitReviewAction`]: async (w, who, o) =>
    (await mod.scoring()).submitReviewAction(over({ assignmentId: assignmentOf(w, who), version: 0, comment: "", scores: {}, comments: {} }, o)),
  [`${A}/(reviewer)/review/actions.ts#declareConflictAction`]: async (w, _who, o) =>
    (await mod.queue()).declareConflictAction(form(over({ applicationId: w.appX, kind: "relative", note: "" }, o))),
  [`${A}/(reviewer)/review/actions.ts#declineAssignmentAction`]: async (w, who, o) =>
    (await mod.queue()).declineAssignmentAction(form(over({ assignmentId: assignmentOf(w, who), reason: "Уақытым жоқ, кешіріңіз" }, o))),
  [`${A}/actions.ts#signOutEverywhereAction`]: async () => signOutOutcome(async () => (await mod.root()).signOutEverywhereAction(), "/sign-in?signedOut=everywhere"),
  [`app/_components/language-actions.ts#saveProfileLanguage`]: async (_w, _who, o) => (await mod.language()).saveProfileLanguage((o?.language as string | undefined) ?? "ru"),
  [`${A}/(public)/verify-email/actions.ts#resendVerificationAction`]: async (_w, _who, o) => (await mod.verify()).resendVerificationAction(null, form(over({}, o))),
  [`${A}/actions.ts#signOutAction`]: async () => signOutOutcome(async () => (await mod.root()).signOutAction(), "/sign-in?signedOut=1"),
  [`${A}/(public)/forgot-password/actions.ts#requestPasswordResetAction`]: async (_w, _who, o) =>
    (await mod.forgot()).requestPasswordResetAction(null, form(over({ email: "not an address" }, o))) as Promise<Result>,
  [`${A}/(public)/register/actions.ts#registerAction`]: async (_w, _who, o) => (await mod.register()).registerAction(null, form(over({}, o))) as Promise<Result>,
  [`${A}/(public)/reset-password/actions.ts#resetPasswordAction`]: async (_w, _who, o) =>
    (await mod.reset()).resetPasswordAction(null, form(over({ token: "x", password: "" }, o))) as Promise<Result>,
  [`${A}/(public)/reset-password/actions.ts#setFirstPasswordAction`]: async (_w, _who, o) =>
    (await mod.reset()).setFirstPasswordAction(null, form(over({ token: "x", password: "" }, o))) as Promise<Result>,
  [`${A}/(public)/sign-in/actions.ts#signInAction`]: async (_w, _who, o) => (await mod.signIn()).signInAction({} as never, form(over({ email: "", password: "" }, o))) as unknown as Promise<Result>,
  [`${A}/(public)/verify-email/actions.ts#confirmEmailAction`]: async (_w, _who, o) => (await mod.verify()).confirmEmailAction(null, form(over({ token: "short" }, o))) as Promise<Result>,
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

async function runCell(w: World, key: string, who: Identity, o?: Record<string, unknown>): Promise<Result> {
  session.current = w.claims[who];
  try {
    const r = await INVOKE[key](w, who, o);
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

/** What must hold in the database whatever was posted: money, counts and statuses agree. */
async function invariantViolations(): Promise<string[]> {
  const r = await getDb().execute(sql`
    SELECT 'call ' || c.id || ' awarded_total' AS v FROM calls c
      WHERE c.awarded_total <> coalesce((SELECT sum(amount) FROM awards a WHERE a.call_id = c.id AND a.status = 'active'), 0)
    UNION ALL SELECT 'district ' || d.call_id || '/' || d.district_code FROM call_districts d
      WHERE d.awarded_count <> (SELECT count(*) FROM awards a WHERE a.call_id = d.call_id AND a.district_code = d.district_code AND a.status = 'active')
    UNION ALL SELECT 'application ' || a.id || ' awarded without an active award' FROM applications a
      WHERE a.status = 'awarded' AND NOT EXISTS (SELECT 1 FROM awards w WHERE w.application_id = a.id AND w.status = 'active')
    UNION ALL SELECT 'application ' || w.application_id || ' has an active award but is ' || a.status FROM awards w JOIN applications a ON a.id = w.application_id
      WHERE w.status = 'active' AND a.status <> 'awarded'
    UNION ALL SELECT 'review ' || r.id || ' submitted without its time or total' FROM reviews r
      WHERE r.status = 'submitted' AND (r.submitted_at IS NULL OR r.total IS NULL)`);
  return (r.rows as { v: string }[]).map((x) => x.v);
}

/** Field names the actions read, and some they do not. */
const FIELDS = ["callId", "applicationId", "assignmentId", "awardId", "reviewId", "reviewerId", "userId", "attachmentId", "reason", "decision", "kind", "note", "order", "fingerprint", "idempotencyKey", "email", "password", "token", "language", "role", "surname", "givenName", "organisation", "intent", "programmeId", "year", "iins", "version", "comment", "scores", "comments", "active", "__proto__", "constructor", "$ACTION_ID_x"];
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);
const PROPERTY_RUNS = Number(process.env.FC_ACTION_RUNS ?? 20);

describe("every action under random and hostile payloads (fast-check), as the identity it lets through", () => {
  for (const key of keys) {
    const rule = ACTION_RULES[key];
    const who = IDENTITIES.find((i) => expectedOutcome(rule, i) === "allowed" && i !== "signedOut") ?? "signedOut";
    it(`${key.replace(/^app\//, "")} as ${who}`, async () => {
      const w = await buildWorld(getDb());
      const codes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 4 }), async (o) => {
          const result = await runCell(w, key, who, o);
          codes.set(result.ok ? "ok" : String(result.code), (codes.get(result.ok ? "ok" : String(result.code)) ?? 0) + 1);
          // Never the generic "something went wrong" (a 500 in disguise): a refusal with its reason, or a result.
          expect(result.code, JSON.stringify({ o, result }).slice(0, 500)).not.toBe("error");
          // An "invalid" answer names its fields, each with a message.
          if (result.code === "invalid" && result.fieldErrors) for (const m of Object.values(result.fieldErrors as Record<string, string>)) expect(m).toBeTruthy();
        }),
        { numRuns: PROPERTY_RUNS },
      );
      console.log(`[fuzz] ${key.split("/").slice(-2).join("/")}: ${JSON.stringify(Object.fromEntries(codes))}`);
      expect(await invariantViolations()).toEqual([]);
      expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(PROPERTY_RUNS);
    });
  }
});
