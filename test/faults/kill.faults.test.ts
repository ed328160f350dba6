import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { request } from "@/bench/lib/http";
import { benchDatabaseUrl, prepareApplicants, serverActionId, signInAll, type Applicant } from "@/bench/scenarios/applicants";
import { launcherGone, portal, root, startPortal, stopPortal } from "./portal";

/**
 * SIGKILL of the server in the middle of concurrent submissions. A portal of its own (`npm start` on
 * .data/faults, its embedded PostgreSQL); 250 signed-in applicants with complete drafts: 50 autosave once
 * (acknowledged versions noted) and stay drafts, 200 submit at once, and the Next process is killed with
 * SIGKILL once a third of the submissions are acknowledged, the rest in flight. After `npm start` again: every submission the client
 * saw acknowledged is there and complete (status, revision, content hash), none is half-written (a
 * status without its revision or the other way round), and every draft keeps its last acknowledged
 * version and answers.
 */

const P = portal("faults", Number(process.env.FAULTS_PORT ?? 3300));
const DATA_DIR = P.dataDir;
const BASE = P.base;
const N = 250;
const SUBMIT = { file: "app/[locale]/(applicant)/my/applications/[id]/edit/actions.ts", name: "submitApplicationAction" };

afterAll(async () => {
  await stopPortal(P);
});

describe("SIGKILL during 200 concurrent submissions", () => {
  it("loses no acknowledged submission, half-writes nothing, keeps every draft's last saved version", async () => {
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
    await startPortal(P);
    const dbUrl = benchDatabaseUrl(DATA_DIR);
    const applicants: Applicant[] = await prepareApplicants(dbUrl, N, 0);
    await signInAll(BASE, applicants);
    const agent = new http.Agent({ keepAlive: true, maxSockets: N });

    // The last 50 drafts autosave once and do not submit: the acknowledged version is what they must keep.
    const saved = new Map<string, { version: number; idea: string }>();
    await Promise.all(
      applicants.slice(N - 50).map(async (a, i) => {
        const idea = `Соңғы сақталған нұсқа ${i}`;
        const r = await request(`${BASE}/api/applications/${a.drafts[0]}/draft`, {
          method: "PUT",
          agent,
          headers: { "content-type": "application/json", cookie: a.jar!.header(), origin: BASE },
          body: JSON.stringify({ version: 1, data: { idea: { idea } } }),
        });
        const json = JSON.parse(r.body) as { ok: boolean; version?: number };
        if (json.ok && json.version) saved.set(a.drafts[0], { version: json.version, idea });
      }),
    );
    expect(saved.size).toBe(50);

    const actionId = serverActionId(root, SUBMIT.file, SUBMIT.name);
    const nextPid = Number(fs.readFileSync(path.join(DATA_DIR, "next.pid"), "utf8").trim());
    const acknowledged = new Set<string>();
    let failed = 0;
    let killedAt = 0;
    const submitting = applicants.slice(0, N - 50);
    const submissions = submitting.map(async (a) => {
      const id = a.drafts[0];
      try {
        const r = await request(`${BASE}/my/applications/${id}/edit`, {
          method: "POST",
          agent,
          headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: BASE, cookie: a.jar!.header() },
          body: JSON.stringify([{ applicationId: id }]),
        });
        if (r.status === 200 && r.body.includes('"ok":true')) acknowledged.add(id);
        else failed += 1;
      } catch {
        failed += 1; // the connection died with the server: not acknowledged
      }
      // Kill once a third of them have been acknowledged: the rest are in flight.
      if (!killedAt && acknowledged.size >= submitting.length / 3) {
        killedAt = performance.now();
        process.kill(nextPid, "SIGKILL");
      }
    });
    await Promise.all(submissions);
    agent.destroy();
    if (!killedAt) {
      // Everything finished before a quarter was counted (a very fast machine): kill now all the same.
      process.kill(nextPid, "SIGKILL");
    }
    await launcherGone(P);

    const restartMs = await startPortal(P);
    const c = new Client({ connectionString: benchDatabaseUrl(DATA_DIR) });
    await c.connect();
    try {
      const ids = applicants.map((a) => a.drafts[0]);
      const { rows } = await c.query<{ id: string; status: string; version: number; idea: string | null; submitted_at: Date | null; revisions: number; hash: string | null }>(
        `SELECT a.id, a.status, a.version, a.data->'idea'->>'idea' AS idea, a.submitted_at,
                (SELECT count(*)::int FROM application_revisions r WHERE r.application_id = a.id) AS revisions,
                (SELECT r.content_hash FROM application_revisions r WHERE r.application_id = a.id ORDER BY r.revision DESC LIMIT 1) AS hash
           FROM applications a WHERE a.id = ANY($1)`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const lost = [...acknowledged].filter((id) => byId.get(id)?.status !== "submitted" || byId.get(id)?.revisions !== 1 || !byId.get(id)?.hash);
      const halfWritten = rows.filter((r) => (r.status === "submitted") !== (r.revisions === 1) || (r.status === "submitted") !== (r.submitted_at !== null));
      const draftsChanged = rows.filter((r) => r.status === "draft" && saved.has(r.id) && (r.version !== saved.get(r.id)!.version || r.idea !== saved.get(r.id)!.idea));
      const submittedInDb = rows.filter((r) => r.status === "submitted").length;
      console.log(
        `[faults] SIGKILL during ${submitting.length} concurrent submissions (${N} applicants): ${acknowledged.size} acknowledged, ${failed} cut off, ${submittedInDb} submitted in the database ` +
          `(${submittedInDb - acknowledged.size} committed but never acknowledged), ${lost.length} acknowledged lost, ${halfWritten.length} half-written, ` +
          `${draftsChanged.length} of ${rows.filter((r) => saved.has(r.id)).length} saved drafts changed; restart to healthy ${(restartMs / 1000).toFixed(1)} s`,
      );
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0); // the kill really cut submissions off
      expect(lost).toEqual([]);
      expect(halfWritten).toEqual([]);
      expect(draftsChanged).toEqual([]);
      expect(rows).toHaveLength(N);
    } finally {
      await c.end();
    }
    // The portal serves again.
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  });
});
