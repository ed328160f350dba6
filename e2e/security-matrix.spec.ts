import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { ACTION_RULES, expectedOutcome, IDENTITIES, PAGE_RULES, ROUTE_RULES, type Identity, type Outcome, type Rule } from "../test/security/matrix";
import { makeIin } from "./accounts";
import { actionId } from "./server-actions";
import { db } from "./awards";
import { DEMO_PASSWORD, signIn } from "./fixtures";

/**
 * The authorisation matrix over real HTTP against `npm start`: every page and route handler with every
 * identity (test/security/matrix.ts says what each must get), and one server action of each kind posted
 * as a browser posts it (its id from the build's manifest). The identities are real sessions: signed in
 * through the sign-in page, then one account deactivated and one's sessions ended by a new session
 * version, with their cookies kept. A refusal must not carry the record's data.
 *
 * The run writes a closed call of its own (review phase): applicant A's application under review with a
 * file, assigned to "reviewer assigned" and to "reviewer conflicted" (who has a confirmed conflict on it),
 * and a pending conflict flag. Marker strings in the application and the person let the spec search
 * refusals' bodies for a leak.
 */

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const MARK_TITLE = `Матрица құпиясы ${run}`;
const MARK_SURNAME = `Матрицаев${run}`;

type World = {
  callId: string;
  programmeId: string;
  openCallId: string;
  appA: string;
  userA: string;
  fileA: string;
  assignmentAssigned: string;
  assignmentConflicted: string;
  reviewerUnassigned: string;
  email: Record<Exclude<Identity, "signedOut" | "admin">, string>;
};

async function writeWorld(): Promise<World> {
  const c = await db();
  try {
    await c.query("BEGIN");
    const { rows: progs } = await c.query<{ id: string }>(`SELECT id FROM programmes WHERE code = 'biznes_bastau'`);
    const { rows: demo } = await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
    const { rows: open } = await c.query<{ id: string }>(`SELECT id FROM calls WHERE closes_at > now() AND opens_at < now() AND archived_at IS NULL ORDER BY closes_at LIMIT 1`);
    const hash = demo[0].password_hash;
    const { rows: call } = await c.query<{ id: string }>(
      `INSERT INTO calls (programme_id, year, title_kk, title_ru, title_en, opens_at, closes_at, review_deadline, budget_cap, award_amount, reviewers_per_application)
       VALUES ($1, $2, $3, $4, $5, now() - interval '60 days', now() - interval '10 days', now() + interval '20 days', 15000000, 1500000, 2) RETURNING id`,
      [progs[0].id, new Date().getUTCFullYear(), `Матрица ${run}`, `Матрица ${run}`, `Matrix ${run}`],
    );
    const callId = call[0].id;
    await c.query(`INSERT INTO call_districts (call_id, district_code) SELECT $1, code FROM districts`, [callId]);

    const email = {
      applicantA: `matrix.a.${run}@example.kz`,
      applicantB: `matrix.b.${run}@example.kz`,
      reviewerAssigned: `matrix.ra.${run}@gmail.com`,
      reviewerUnassigned: `matrix.ru.${run}@gmail.com`,
      reviewerConflicted: `matrix.rc.${run}@gmail.com`,
      deactivated: `matrix.off.${run}@example.kz`,
      staleSession: `matrix.old.${run}@example.kz`,
    };
    const ids: Record<string, string> = {};
    let n = 0;
    for (const [who, address] of Object.entries(email)) {
      n += 1;
      if (who.startsWith("reviewer")) {
        const { rows } = await c.query<{ id: string }>(
          `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, language) VALUES ($1, $2, 'reviewer', now(), 'Сарапшы', $3, 'kk') RETURNING id`,
          [address, hash, `Матрица${n}`],
        );
        ids[who] = rows[0].id;
      } else {
        const birth = { year: 1996 + n, month: 2 + n, day: 3 + n };
        const { rows } = await c.query<{ id: string }>(
          `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
           VALUES ($1, $2, 'applicant', now(), $3, 'Сынақ', $4, $5, 'talgar', 'kk') RETURNING id`,
          [address, hash, who === "applicantA" ? MARK_SURNAME : "Өтінішберов", makeIin(birth), `${birth.year}-${String(birth.month).padStart(2, "0")}-${String(birth.day).padStart(2, "0")}`],
        );
        ids[who] = rows[0].id;
      }
    }
    const { rows: app } = await c.query<{ id: string }>(
      `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, submitted_at, screened_at)
       VALUES ($1, $2, 'in_review', 'talgar', $3, $4, now() - interval '20 days', now() - interval '15 days') RETURNING id`,
      [callId, ids.applicantA, MARK_TITLE, JSON.stringify({ idea: { idea: MARK_TITLE } })],
    );
    const appA = app[0].id;
    await c.query(`INSERT INTO application_revisions (application_id, revision, data, content_hash, submitted_at) VALUES ($1, 1, $2, $3, now() - interval '20 days')`, [
      appA,
      JSON.stringify({ idea: { idea: MARK_TITLE } }),
      `matrix-${run}`,
    ]);
    const { rows: blob } = await c.query<{ key: string }>(`INSERT INTO file_blobs (content) VALUES ($1) RETURNING key`, [Buffer.from(`%PDF-1.4 ${MARK_TITLE}`)]);
    const { rows: file } = await c.query<{ id: string }>(
      `INSERT INTO attachments (application_id, uploaded_by, kind, file_name, mime_type, size_bytes, sha256, storage_key) VALUES ($1, $2, 'pdf', 'plan.pdf', 'application/pdf', 20, $3, $4) RETURNING id`,
      [appA, ids.applicantA, "0".repeat(64), blob[0].key],
    );
    const assign = async (reviewer: string) =>
      (await c.query<{ id: string }>(`INSERT INTO review_assignments (call_id, application_id, reviewer_id, status) VALUES ($1, $2, $3, 'assigned') RETURNING id`, [callId, appA, reviewer])).rows[0].id;
    const assignmentAssigned = await assign(ids.reviewerAssigned);
    const assignmentConflicted = await assign(ids.reviewerConflicted);
    await c.query(`INSERT INTO conflicts (call_id, application_id, reviewer_id, source, kind, status) VALUES ($1, $2, $3, 'declared', 'relative', 'confirmed')`, [callId, appA, ids.reviewerConflicted]);
    await c.query(`INSERT INTO conflicts (call_id, application_id, reviewer_id, source, kind, status) VALUES ($1, $2, $3, 'flagged', 'same_surname_district', 'pending')`, [callId, appA, ids.reviewerUnassigned]);
    await c.query("COMMIT");
    return {
      callId,
      programmeId: progs[0].id,
      openCallId: open[0].id,
      appA,
      userA: ids.applicantA,
      fileA: file[0].id,
      assignmentAssigned,
      assignmentConflicted,
      reviewerUnassigned: ids.reviewerUnassigned,
      email: email as World["email"],
    };
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    await c.end();
  }
}

/** A concrete URL for a page or route pattern, as the identity would try it. */
function sample(pattern: string, w: World, who: Identity): string {
  const assignment = who === "reviewerConflicted" ? w.assignmentConflicted : w.assignmentAssigned;
  const withIds = pattern
    .replace("/[...rest]", "/no-such-page-matrix")
    .replace("/calls/[id]/apply", `/calls/${w.openCallId}/apply`)
    .replace(/^\/calls\/\[id\]$/, `/calls/${w.openCallId}`)
    .replace("/admin/calls/[id]", `/admin/calls/${w.callId}`)
    .replace("/api/calls/[id]/export/[file]", `/api/calls/${w.callId}/export/applications.csv`)
    .replace("/api/calls/[id]", `/api/calls/${w.callId}`)
    .replace("/admin/applications/[id]", `/admin/applications/${w.appA}`)
    .replace("/admin/programmes/[id]", `/admin/programmes/${w.programmeId}`)
    .replace("/admin/users/[id]", `/admin/users/${w.userA}`)
    .replace("/my/applications/[id]", `/my/applications/${w.appA}`)
    .replace("/api/applications/[id]", `/api/applications/${w.appA}`)
    .replace("/api/files/[id]", `/api/files/${w.fileA}`)
    .replace("/review/[assignmentId]", `/review/${assignment}`)
    .replace("/api/auth/[...nextauth]", "/api/auth/session")
    .replace(/^\/admin\/emails$/, "/admin/emails?template=decision&outcome=award_revoked&lang=ru");
  if (withIds.includes("[")) throw new Error(`no sample id for ${pattern}: add one to sample()`);
  return withIds;
}

function pageOutcome(status: number, location: string | undefined): Outcome | `status ${number}` {
  if (status === 200) return "allowed";
  if (status >= 300 && status < 400) return location && new URL(location, "http://x").pathname === "/sign-in" ? "unauthenticated" : "allowed";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  return `status ${status}`;
}

function routeOutcome(status: number): Outcome | `status ${number}` {
  if (status < 400) return "allowed";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  // A business refusal of a person let through (e.g. 409 "not a draft", 400 "invalid").
  if (status === 400 || status === 409 || status === 413 || status === 415) return "allowed";
  return `status ${status}`;
}

/** Over HTTP, a door that hides itself answers 404 to every refusal. */
function expectedOverHttp(rule: Rule, who: Identity): Outcome {
  const e = expectedOutcome(rule, who);
  return rule.hideAs404 && e !== "allowed" ? "not_found" : e;
}

/** Marker strings of applicant A's record in a body (A's own name is in A's own header: not a leak). */
/** The headers every page must carry (proxy.ts), whoever asks: a nonce-only script policy, no framing, no sniffing. */
function pageHeaderProblems(h: Record<string, string>): string[] {
  const out: string[] = [];
  const csp = h["content-security-policy"] ?? "";
  const script = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  if (!/'nonce-[A-Za-z0-9+/=]+'/.test(script)) out.push("script-src without a nonce");
  if (/unsafe-inline|unsafe-eval/.test(script)) out.push("script-src allows inline or eval");
  if (!csp.includes("frame-ancestors 'none'")) out.push("no frame-ancestors 'none'");
  if (h["x-content-type-options"] !== "nosniff") out.push("no nosniff");
  if (h["referrer-policy"] !== "strict-origin-when-cross-origin") out.push("no Referrer-Policy");
  return out;
}

/** Every response of a route handler: not sniffed, not framed, sandboxed if ever rendered. */
function routeHeaderProblems(h: Record<string, string>): string[] {
  const out: string[] = [];
  if (h["x-content-type-options"] !== "nosniff") out.push("no nosniff");
  const csp = h["content-security-policy"] ?? "";
  if (!csp.includes("frame-ancestors 'none'") || !csp.includes("sandbox")) out.push(`CSP "${csp}"`);
  return out;
}

function leaks(body: string, who: Identity): string[] {
  return [MARK_TITLE, ...(who === "applicantA" ? [] : [MARK_SURNAME])].filter((m) => body.includes(m));
}

type Sessions = Record<Identity, { context: BrowserContext; request: APIRequestContext }>;

async function signInAll(browser: Browser, w: World, baseURL: string): Promise<Sessions> {
  const out: Partial<Sessions> = {};
  for (const who of IDENTITIES) {
    const context = await browser.newContext({ baseURL });
    if (who !== "signedOut") {
      const page = await context.newPage();
      await signIn(page, who === "admin" ? "admin@jasgrant.demo" : w.email[who], DEMO_PASSWORD);
      await page.close();
    }
    out[who] = { context, request: context.request };
  }
  // The cookies stay; the database now says no: one account switched off, one's sessions ended.
  const c = await db();
  try {
    await c.query(`UPDATE users SET active = false WHERE email = $1`, [w.email.deactivated]);
    await c.query(`UPDATE users SET session_version = session_version + 1 WHERE email = $1`, [w.email.staleSession]);
  } finally {
    await c.end();
  }
  return out as Sessions;
}

test.describe("authorisation matrix over HTTP", () => {
  test.describe.configure({ mode: "serial" });
  let w: World;
  let sessions: Sessions;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    w = await writeWorld();
    sessions = await signInAll(browser, w, baseURL!);
  });

  test.afterAll(async () => {
    for (const s of Object.values(sessions ?? {})) await s.context.close();
  });

  test("every page, with every identity", async () => {
    test.setTimeout(600_000);
    const wrong: string[] = [];
    let cells = 0;
    for (const [pattern, rule] of Object.entries(PAGE_RULES)) {
      for (const who of IDENTITIES) {
        const url = sample(pattern, w, who);
        const res = await sessions[who].request.get(url, { maxRedirects: 0 });
        cells += 1;
        const got = pageOutcome(res.status(), res.headers().location);
        // Every page type, every answer (200, 403, 404, the sign-in redirect) carries the security headers.
        for (const p of pageHeaderProblems(res.headers())) wrong.push(`${pattern} as ${who} (${res.status()}): ${p}`);
        // The catch-all page is public and answers 404 to everyone.
        const expected = pattern === "/[...rest]" ? "not_found" : expectedOverHttp(rule, who);
        if (got !== expected) wrong.push(`${pattern} as ${who}: expected ${expected}, got ${got}`);
        if (expected !== "allowed") {
          const leaked = leaks(await res.text(), who);
          if (leaked.length) wrong.push(`${pattern} as ${who}: the refusal carries ${leaked.join(", ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(Object.keys(PAGE_RULES).length * IDENTITIES.length);
  });

  test("every route handler, with every identity", async ({ baseURL }) => {
    test.setTimeout(300_000);
    const wrong: string[] = [];
    for (const [key, rule] of Object.entries(ROUTE_RULES)) {
      const [method, pattern] = key.split(" ");
      for (const who of IDENTITIES) {
        const req = sessions[who].request;
        const url = sample(pattern, w, who);
        const headers = { origin: baseURL! };
        let res;
        if (method === "GET") res = await req.get(url, { maxRedirects: 0 });
        else if (method === "PUT") res = await req.put(url, { headers: { ...headers, "content-type": "application/json" }, data: JSON.stringify({ version: 1, data: {} }) });
        else if (pattern === "/api/files")
          res = await req.post(`${url}?applicationId=${w.appA}`, { headers: { ...headers, "content-type": "application/pdf", "x-file-name": "matrix.pdf" }, data: Buffer.from("%PDF-1.4\n%matrix\n") });
        else res = await req.post("/api/auth/callback/credentials", { headers, form: { email: "nobody@example.kz", password: "x" }, maxRedirects: 0 });
        const got = routeOutcome(res.status());
        for (const p of routeHeaderProblems(res.headers())) wrong.push(`${key} as ${who} (${res.status()}): ${p}`);
        const expected = expectedOverHttp(rule, who);
        if (got !== expected) wrong.push(`${key} as ${who}: expected ${expected}, got ${got} (${res.status()})`);
        if (expected !== "allowed") {
          const leaked = leaks(await res.text(), who);
          if (leaked.length) wrong.push(`${key} as ${who}: the refusal carries ${leaked.join(", ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test("one server action of each kind, posted as a browser posts it", async ({ baseURL }) => {
    test.setTimeout(300_000);
    const A = "app/[locale]";
    const kinds: { file: string; name: string; page: (who: Identity) => string; args: (who: Identity) => unknown[] }[] = [
      {
        file: `${A}/(admin)/admin/calls/[id]/conflicts/actions.ts`,
        name: "resolveFlagAction",
        page: () => `/admin/calls/${w.callId}/conflicts`,
        args: () => [{ applicationId: w.appA, reviewerId: w.reviewerUnassigned, kind: "same_surname_district", decision: "dismiss", reason: "Басқа адам, туыс емес" }],
      },
      {
        file: `${A}/(applicant)/my/applications/[id]/actions.ts`,
        name: "withdrawMyApplication",
        page: () => `/my/applications/${w.appA}`,
        args: () => [{ applicationId: w.appA }],
      },
      {
        file: `${A}/(reviewer)/review/[assignmentId]/actions.ts`,
        name: "saveReviewDraftAction",
        page: (who) => `/review/${who === "reviewerConflicted" ? w.assignmentConflicted : w.assignmentAssigned}`,
        args: (who) => [{ assignmentId: who === "reviewerConflicted" ? w.assignmentConflicted : w.assignmentAssigned, version: 0, comment: "", scores: {}, comments: {} }],
      },
      { file: "app/_components/language-actions.ts", name: "saveProfileLanguage", page: () => "/", args: () => ["kk"] },
    ];
    const wrong: string[] = [];
    for (const kind of kinds) {
      const rule = ACTION_RULES[`${kind.file}#${kind.name}`];
      expect(rule, kind.name).toBeDefined();
      const id = actionId(kind.file, kind.name);
      // Refusals first; the identities let through last (their call may change the record).
      const order = [...IDENTITIES].sort((a, b) => Number(expectedOutcome(rule, a) === "allowed") - Number(expectedOutcome(rule, b) === "allowed"));
      for (const who of order) {
        const res = await sessions[who].request.post(kind.page(who), {
          headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: baseURL! },
          data: JSON.stringify(kind.args(who)),
          maxRedirects: 0,
        });
        const body = await res.text();
        const code = /"code":"(\w+)"/.exec(body)?.[1];
        const got: string = /"ok":true/.test(body) ? "allowed" : code === "unauthenticated" || code === "forbidden" || code === "not_found" ? code : code ? "allowed" : `status ${res.status()}`;
        const expected = expectedOutcome(rule, who);
        if (got !== expected) wrong.push(`${kind.name} as ${who}: expected ${expected}, got ${got}`);
        if (expected !== "allowed" && leaks(body, who).length) wrong.push(`${kind.name} as ${who}: the refusal carries ${leaks(body, who).join(", ")}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
