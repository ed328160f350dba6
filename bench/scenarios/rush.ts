/**
 * The deadline rush (issue 10): N applicants (BENCH_RUSH_APPLICANTS, default 500), each with one complete
 * Бизнес бастау draft (prepareApplicants), all signed in BEFORE the timed window (argon2 sign-in, 5 at a
 * time). In the window (BENCH_RUSH_SECONDS, default 60 s) each applicant starts at a random moment spread
 * uniformly over its first half and does what the wizard does at the last minute, over HTTP:
 *   1. save the draft: PUT /api/applications/<id>/draft with version 1 (its first section, edited);
 *   2. save again with the version the first save returned;
 *   3. submit: the wizard's submit server action, POSTed as the browser posts it.
 * Every request's latency is recorded; an error is a failed request, a non-2xx answer or an answer that is
 * not ok. Afterwards the database (owner's URL) is read: every applicant whose submit was acknowledged must
 * have its application submitted with a frozen revision (else it is a lost submission); submitted vs
 * acknowledged are counted. The peak number of requests in flight at once is recorded, so the floor can be
 * measured at the same concurrency in the same run (run.ts).
 */
import http from "node:http";
import path from "node:path";
import { Client } from "pg";
import { percentile, request } from "../lib/http";
import { prepareApplicants, serverActionId, signInAll, type Applicant } from "./applicants";

export const SUBMIT_ACTION = { file: "app/[locale]/(applicant)/my/applications/[id]/edit/actions.ts", name: "submitApplicationAction" };

export type RushResult = {
  applicants: number;
  windowSeconds: number;
  /** Sign-in of every applicant before the window (not timed in the figures). */
  signInMs: number;
  requests: number;
  errors: number;
  /** Example of the first error of each kind, for the log. */
  errorSamples: string[];
  latency: { all: Dist; save: Dist; submit: Dist };
  /** Seconds from the window's start to the last answer. */
  lastAnswerS: number;
  finishedInWindow: boolean;
  peakInFlight: number;
  acknowledged: number;
  submitted: number;
  lost: number;
};

export type Dist = { samples: number; p50: number; p95: number; p99: number; max: number };

function dist(ms: number[]): Dist {
  const s = [...ms].sort((a, b) => a - b);
  return { samples: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

/** The first section of each draft (as stored), to send back edited as the wizard's autosave does. */
async function firstSections(ownerUrl: string, ids: string[]): Promise<Map<string, { key: string; value: Record<string, unknown> }>> {
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; data: Record<string, Record<string, unknown>> }>(`SELECT id, data FROM applications WHERE id = ANY($1::uuid[])`, [ids]);
    const out = new Map<string, { key: string; value: Record<string, unknown> }>();
    for (const r of rows) {
      const key = Object.keys(r.data)[0];
      out.set(r.id, { key, value: r.data[key] });
    }
    return out;
  } finally {
    await c.end();
  }
}

/** The section with its first text field changed (a few characters appended, as typing would). */
function edited(section: Record<string, unknown>, mark: string): Record<string, unknown> {
  const k = Object.keys(section).find((x) => typeof section[x] === "string");
  return k ? { ...section, [k]: `${section[k] as string} ${mark}` } : section;
}

export async function rushBench(base: string, ownerUrl: string, n: number, windowSeconds: number): Promise<RushResult> {
  const applicants: Applicant[] = await prepareApplicants(ownerUrl, n, 0);
  const sections = await firstSections(ownerUrl, applicants.map((a) => a.drafts[0]));
  const s0 = performance.now();
  await signInAll(base, applicants);
  const signInMs = performance.now() - s0;
  const actionId = serverActionId(path.resolve("."), SUBMIT_ACTION.file, SUBMIT_ACTION.name);

  // One connection per applicant at most, as each is its own browser.
  const agent = new http.Agent({ keepAlive: true, maxSockets: n });
  const save: number[] = [];
  const submit: number[] = [];
  let errors = 0;
  const errorSamples = new Map<string, string>();
  let inFlight = 0;
  let peakInFlight = 0;
  let lastAnswer = 0;
  const acked = new Set<string>();
  const fail = (kind: string, detail: string) => {
    errors++;
    if (!errorSamples.has(kind)) errorSamples.set(kind, `${kind}: ${detail.slice(0, 300)}`);
  };
  const timed = async <T>(fn: () => Promise<T>): Promise<{ r: T | null; ms: number; err?: string }> => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const t = performance.now();
    try {
      const r = await fn();
      return { r, ms: performance.now() - t };
    } catch (e) {
      return { r: null, ms: performance.now() - t, err: (e as Error).message };
    } finally {
      inFlight--;
      lastAnswer = Math.max(lastAnswer, performance.now());
    }
  };

  const putDraft = (a: Applicant, version: number, mark: string) => {
    const id = a.drafts[0];
    const s = sections.get(id)!;
    return request(`${base}/api/applications/${id}/draft`, {
      method: "PUT",
      agent,
      headers: { "content-type": "application/json", cookie: a.jar!.header(), origin: base },
      body: JSON.stringify({ version, data: { [s.key]: edited(s.value, mark) } }),
    });
  };

  const saveStep = async (a: Applicant, version: number, mark: string): Promise<number | null> => {
    const { r, ms, err } = await timed(() => putDraft(a, version, mark));
    if (!r) {
      fail("save: no answer", err ?? "");
      return null;
    }
    save.push(ms);
    const json = r.status === 200 ? (JSON.parse(r.body) as { ok?: boolean; version?: number }) : null;
    if (!json?.ok || typeof json.version !== "number") {
      fail(`save: HTTP ${r.status}`, r.body);
      return null;
    }
    return json.version;
  };

  const submitStep = async (a: Applicant) => {
    const applicationId = a.drafts[0];
    const { r, ms, err } = await timed(() =>
      request(`${base}/my/applications/${applicationId}/edit`, {
        method: "POST",
        agent,
        headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: base, cookie: a.jar!.header() },
        body: JSON.stringify([{ applicationId }]),
      }),
    );
    if (!r) return fail("submit: no answer", err ?? "");
    submit.push(ms);
    if (r.status === 200 && r.body.includes('"ok":true')) acked.add(applicationId);
    else fail(`submit: HTTP ${r.status}`, r.body);
  };

  const spreadMs = (windowSeconds * 1000) / 2;
  const t0 = performance.now();
  await Promise.all(
    applicants.map(async (a) => {
      await new Promise((r) => setTimeout(r, Math.random() * spreadMs));
      const v1 = await saveStep(a, 1, "·");
      if (v1 !== null) await saveStep(a, v1, "··");
      await submitStep(a);
    }),
  );
  agent.destroy();
  const lastAnswerS = (lastAnswer - t0) / 1000;

  // Read back: what was acknowledged must be in the database.
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  let submitted = 0;
  let lost = 0;
  try {
    const { rows } = await c.query<{ id: string; status: string; revisions: number }>(
      `SELECT a.id, a.status, (SELECT count(*)::int FROM application_revisions r WHERE r.application_id = a.id) AS revisions
         FROM applications a WHERE a.id = ANY($1::uuid[])`,
      [applicants.map((a) => a.drafts[0])],
    );
    for (const row of rows) {
      const ok = row.status === "submitted" && row.revisions >= 1;
      if (ok) submitted++;
      if (acked.has(row.id) && !ok) lost++;
    }
    lost += [...acked].filter((id) => !rows.some((r) => r.id === id)).length;
  } finally {
    await c.end();
  }

  return {
    applicants: n,
    windowSeconds,
    signInMs,
    requests: save.length + submit.length,
    errors,
    errorSamples: [...errorSamples.values()],
    latency: { all: dist([...save, ...submit]), save: dist(save), submit: dist(submit) },
    lastAnswerS,
    finishedInWindow: lastAnswerS <= windowSeconds,
    peakInFlight,
    acknowledged: acked.size,
    submitted,
    lost,
  };
}
