/**
 * `npm run bench [-- [--smoke] scenario ...]`: benchmarks against a production build (`npm start`) on a real
 * PostgreSQL, printing figures and one table of them against issue 10's targets (a missed target does not
 * change the exit code; a scenario that throws does, after the others have run).
 *
 * Scenarios:
 *   floor   GET /api/health (SELECT 1 through the app's pool, renders nothing): the ceiling no page can
 *           pass; its requests per second and p50/p95/p99 at 10 and 100 connections.
 *   memory  the server's resident memory at idle after start, and after the other scenarios' load: 5 s after it and
 *           the lowest reading over the next BENCH_IDLE_SECONDS (default 120), when V8 has handed memory back.
 *   applicants  BENCH_APPLICANTS (default 50) signed-in applicants at once: autosave p50/p95/p99 over
 *           BENCH_SECONDS, then 3 rounds of all of them submitting at the same moment; the floor at the
 *           same concurrency in the same run (bench/scenarios/applicants.ts).
 *   assignment  automatic reviewer assignment, 2,000 applications × 3 reviewers over 30 reviewers (pure
 *           computation, bench/scenarios/assignment.ts; alone it starts no server).
 *   rush     the deadline rush: BENCH_RUSH_APPLICANTS (default 500) applicants with one complete draft each,
 *           signed in before the window (5 at a time); in a BENCH_RUSH_SECONDS (default 60) window each starts
 *           at a random moment of its first half and saves its draft (PUT …/draft), saves again with the
 *           returned version and submits (the wizard's server action), all over HTTP. Every latency, errors
 *           (no answer, non-2xx, not ok), the peak of requests in flight, and from the database: every
 *           acknowledged submit must be submitted with a revision (else lost). The floor is measured after it
 *           at the rush's PEAK CONCURRENCY (requests in flight at once), same run (bench/scenarios/rush.ts).
 *   my       (alias dashboard-applicant) BENCH_MY_USERS (default 100) signed-in applicants, each its own
 *           session cookie and 2 applications, loading GET /my (the applicant's dashboard) in a closed loop
 *           over BENCH_SECONDS; against the floor at 100 connections (bench/scenarios/my.ts).
 *   ranking  the ranking of the `--scale` benchmark call (BENCH_RANKING_APPLICATIONS, default 10,000 × 3 reviews):
 *           GET /admin/calls/<id>/ranking as the admin (its first page of 50 rows, and a middle page by raw
 *           rank), 20 sequential requests each after a warm-up (p50/p95/max), `callRanking` for one page
 *           alone in-process, and the same aggregation as one bare SQL query through pg, 20 sequential runs
 *           after 3 warm-ups (the page's p95 against 3 × its p95) (bench/scenarios/ranking.ts).
 *   awards   "fill the budget" on the same call (budget for 91 grants): `proposeAwards` and then `confirmProposal`
 *           of its 91 awards in one transaction, in-process, 3 runs, each undone afterwards
 *           (bench/scenarios/awards.ts).
 *   dashboard  GET /admin/dashboard as the admin with the `--scale` benchmark call topped up to
 *           BENCH_DASHBOARD_APPLICATIONS (default 10,000) reviewed applications: all calls and the benchmark
 *           call alone, 20 sequential requests each after a warm-up (p50/p95/max), and `dashboardData`
 *           in-process (bench/scenarios/dashboard.ts).
 *   storm    300 award actions at once over HTTP against a budget of 91 grants, split across the benchmark
 *           server and a second `next start` on the same database (port BENCH_PORT + 1); the invariants
 *           read back from the database (bench/scenarios/storm.ts).
 *   export   the applications export of a call of 200,000 rows (BENCH_EXPORT_ROWS) and of a control call of 20,000
 *           (BENCH_EXPORT_CONTROL_ROWS), CSV and XLSX: over HTTP (time, bytes, rows/s, the server's RSS before
 *           and at its peak) and in-process with forced GCs (heap retained) (bench/scenarios/export.ts).
 *   pages    100 concurrent readers of the landing page and of an open call's page, beside the floor at 100
 *           connections, and of the page shell alone (the 404 page) for comparison (bench/scenarios/pages.ts).
 *   js       the script files a 360 px Chromium fetches for the landing page (signed out) and the application
 *           wizard (signed in) until the network is quiet (no nomodule polyfills), gzipped
 *           (bench/scenarios/pages.ts).
 *   lighthouse  Lighthouse 12 (mobile emulation, simulated throttling) in headless Chromium (CHROME_PATH, default
 *           /usr/bin/chromium) on the public pages (landing, an open call, results, sign-in, registration, forgotten
 *           password; the smoke pass: the first two) and the wizard signed in: performance
 *           ≥ 90, accessibility 100, best practices ≥ 95; the audits that cost a missed score are printed
 *           (bench/scenarios/lighthouse.ts).
 * Every run ends with one table (scenario, figure, floor, ratio, target, pass/fail), also written to
 * bench/results/latest.json and latest.md (bench/lib/report.ts).
 * Smoke mode (`npm run bench -- --smoke`, or BENCH_SMOKE=1; .ci/run runs it): every scenario (or those named)
 * with tiny sizes (SMOKE_SIZES below: 2 s runs, 10 applicants, 200 ranking applications, 2,000
 * export rows…; an explicit variable wins; Lighthouse as in a full run, about 10 s a page) on a data folder of its
 * own (.data/bench-smoke), its table written to bench/results/smoke.json and smoke.md; it proves the harness
 * works, its figures mean nothing. It exits non-zero when a scenario throws or outlasts BENCH_STEP_TIMEOUT_S
 * (default 300 s in smoke mode, 3,600 s otherwise), not when a target is missed.
 * Environment: BENCH_PORT (default 3200) for the server it starts (storm's second server on BENCH_PORT + 1); BENCH_URL to use a running portal (then BENCH_DATABASE_URL, its owner's URL, for the
 * applicants' set-up); BENCH_SECONDS per run (default 10).
 */
import os from "node:os";
import path from "node:path";
import { load, type LoadResult } from "./lib/load";
import { request } from "./lib/http";
import { serverRssMiB, startServer } from "./lib/server";
import { Report, renderText, writeResults } from "./lib/report";
import { assignmentBench } from "./scenarios/assignment";
import { jsBench, pagesBench } from "./scenarios/pages";
import { awardsBench } from "./scenarios/awards";
import { stormBench } from "./scenarios/storm";
import { rankingBench } from "./scenarios/ranking";
import { dashboardBench } from "./scenarios/dashboard";
import { exportBench } from "./scenarios/export";
import { LIGHTHOUSE_TARGETS, lighthouseBench } from "./scenarios/lighthouse";
import { myBench } from "./scenarios/my";
import { rushBench, type RushResult } from "./scenarios/rush";
import {
  autosaveLoad,
  benchDatabaseUrl,
  floorLoad,
  prepareApplicants,
  serverActionId,
  signInAll,
  stats,
  submitRound,
  type Stats,
} from "./scenarios/applicants";

const args = process.argv.slice(2);
/** Smoke mode: every scenario with tiny sizes, proving the harness works (exit 1 only if a scenario throws). */
const smoke = args.includes("--smoke") || process.env.BENCH_SMOKE === "1";
/** Tiny sizes of the smoke pass; an explicit environment variable still wins. */
const SMOKE_SIZES: Record<string, string> = {
  BENCH_SECONDS: "2",
  BENCH_APPLICANTS: "10",
  BENCH_RUSH_APPLICANTS: "10",
  BENCH_RUSH_SECONDS: "6",
  BENCH_MY_USERS: "10",
  BENCH_RANKING_APPLICATIONS: "200",
  BENCH_DASHBOARD_APPLICATIONS: "300",
  BENCH_STORM_ACTIONS: "60",
  BENCH_STORM_GRANTS: "20",
  BENCH_EXPORT_ROWS: "2000",
  BENCH_EXPORT_CONTROL_ROWS: "200",
};
if (smoke) for (const [k, v] of Object.entries(SMOKE_SIZES)) process.env[k] ??= v;
const SCENARIOS = ["assignment", "memory", "floor", "applicants", "rush", "my", "ranking", "awards", "dashboard", "storm", "export", "pages", "js", "lighthouse"];
const ALIASES: Record<string, string> = { "dashboard-applicant": "my" };

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
/** A scenario that has not ended by then counts as failed and the run goes on (a hang must not stall CI). */
const stepTimeoutS = Number(process.env.BENCH_STEP_TIMEOUT_S ?? (smoke ? 300 : 3600));

function statsRow(name: string, c: number, r: Stats): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${name.padEnd(28)} ${String(c).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${String(r.errors).padStart(7)}`;
}

const HEADER = `${"scenario".padEnd(28)} ${"conn".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`;

const SUBMIT_ROUNDS = 3;
const SUBMIT_ACTION = { file: "app/[locale]/(applicant)/my/applications/[id]/edit/actions.ts", name: "submitApplicationAction" };

async function applicantsScenario(base: string, dataDir: string, lines: string[], report: Report): Promise<void> {
  const n = Number(process.env.BENCH_APPLICANTS ?? 50);
  const applicants = await prepareApplicants(benchDatabaseUrl(dataDir), n, SUBMIT_ROUNDS);
  await signInAll(base, applicants);
  const actionId = serverActionId(path.resolve("."), SUBMIT_ACTION.file, SUBMIT_ACTION.name);

  const floor = await floorLoad(base, n, seconds);
  const autosave = await autosaveLoad(base, applicants, seconds);
  const all: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  for (let round = 0; round < SUBMIT_ROUNDS; round++) {
    const r = await submitRound(base, applicants, round, async (a, applicationId, agent) => {
      // As the browser calls a server action: POST to the page with its id; the reply is an RSC stream.
      const res = await request(`${base}/my/applications/${applicationId}/edit`, {
        method: "POST",
        agent,
        headers: {
          "next-action": actionId,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          origin: base,
          cookie: a.jar!.header(),
        },
        body: JSON.stringify([{ applicationId }]),
      });
      const ok = res.status === 200 && res.body.includes('"ok":true') && res.body.includes('"alreadySubmitted":false');
      if (!ok && errors === 0) console.error(`submit failed: HTTP ${res.status} ${res.body.slice(0, 400)}`);
      return ok;
    });
    all.push(...r.latencies);
    errors += r.errors;
  }
  const submit = stats(all, errors, (performance.now() - t0) / 1000);

  lines.push("");
  lines.push(`applicants: ${n} signed-in applicants at once (Бизнес бастау drafts, complete plans)`);
  lines.push(HEADER);
  lines.push(row("floor: GET /api/health", n, floor));
  lines.push(statsRow("autosave: PUT …/draft", n, autosave));
  lines.push(statsRow(`submit (${SUBMIT_ROUNDS} rounds of ${n})`, n, submit));
  report.ratio(`applicants (${n} at once)`, "autosave p95", autosave.p95, "ms", floor.p95, "≤", 5, "5 × the floor's p95");
  report.ratio(`applicants (${n} at once)`, "submit p95", submit.p95, "ms", floor.p95, "≤", 5, "5 × the floor's p95");
  report.add({ scenario: `applicants (${n} at once)`, figure: "errors", value: autosave.errors + submit.errors, unit: "", target: "0", pass: autosave.errors + submit.errors === 0 });
}

async function rushScenario(base: string, dataDir: string, lines: string[], report: Report): Promise<void> {
  const n = Number(process.env.BENCH_RUSH_APPLICANTS ?? 500);
  const windowS = Number(process.env.BENCH_RUSH_SECONDS ?? 60);
  const r = await rushBench(base, benchDatabaseUrl(dataDir), n, windowS);
  // The floor at the concurrency the rush reached at its peak (requests in flight at once), same run.
  const floor = await floorLoad(base, Math.max(1, r.peakInFlight), seconds);
  const f = (x: number) => x.toFixed(1);
  const d = (name: string, x: RushResult["latency"]["all"]) => `  ${name.padEnd(26)} ${String(x.samples).padStart(5)} requests: p50 ${f(x.p50)} ms, p95 ${f(x.p95)} ms, p99 ${f(x.p99)} ms, max ${f(x.max)} ms`;
  lines.push("");
  lines.push(`rush: ${n} applicants (signed in beforehand in ${(r.signInMs / 1000).toFixed(1)} s), each starting at a random moment in the first ${windowS / 2} s of a ${windowS} s window: save, save, submit`);
  lines.push(d("all requests", r.latency.all));
  lines.push(d("saves: PUT …/draft", r.latency.save));
  lines.push(d("submits: server action", r.latency.submit));
  lines.push(`  last answer ${r.lastAnswerS.toFixed(1)} s after the window opened; peak ${r.peakInFlight} requests in flight; errors ${r.errors}`);
  for (const e of r.errorSamples) lines.push(`    first ${e}`);
  lines.push(`  submits acknowledged ${r.acknowledged}, submitted with a revision in the database ${r.submitted}, lost ${r.lost}`);
  lines.push(`  floor at the rush's peak concurrency (${Math.max(1, r.peakInFlight)} connections): p50 ${f(floor.p50)} ms, p95 ${f(floor.p95)} ms, ${floor.rps.toFixed(0)} req/s`);
  const scenario = `rush (${n} applicants, ${windowS} s)`;
  report.add({ scenario, figure: "errors", value: r.errors, unit: "", target: "0", pass: r.errors === 0 });
  report.add({ scenario, figure: "lost submissions", value: r.lost, unit: "", target: "0", pass: r.lost === 0 });
  report.add({ scenario, figure: "submitted / applicants", value: r.submitted, unit: `of ${n}`, target: "", pass: null });
  report.ratio(scenario, `p95 of all requests (floor at ${Math.max(1, r.peakInFlight)} conn.)`, r.latency.all.p95, "ms", floor.p95, "≤", 5, "5 × the floor's p95");
  report.limit(scenario, "last answer after the window opened", r.lastAnswerS, "s", "≤", windowS);
}

function row(name: string, c: number, r: LoadResult): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${name.padEnd(28)} ${String(c).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${String(r.errors + r.non2xx).padStart(7)}`;
}

async function main() {
  const wanted = new Set(args.filter((a) => !a.startsWith("--")).map((a) => ALIASES[a] ?? a));
  const unknown = [...wanted].filter((w) => !SCENARIOS.includes(w));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")} (known: ${SCENARIOS.join(", ")})`);
  const all = wanted.size === 0;
  const want = (name: string) => all || wanted.has(name);
  const failed: string[] = [];
  const t0 = performance.now();
  if (want("assignment")) {
    assignmentBench(); // warm-up
    const runs = Array.from({ length: 5 }, () => assignmentBench()).sort((a, b) => a - b);
    console.log(`\nautomatic assignment, 2000 applications × 3 over 30 reviewers, 2% conflicted pairs: median ${runs[2].toFixed(1)} ms (best ${runs[0].toFixed(1)} ms)`);
    if (wanted.size === 1) return;
  }
  const port = Number(process.env.BENCH_PORT ?? 3200);
  const server = await startServer(port, smoke ? ".data/bench-smoke" : ".data/bench");
  const lines: string[] = [];
  const report = new Report();
  const startedAt = new Date().toISOString();
  let floor100: LoadResult | undefined;
  const floorAt100 = async () => (floor100 ??= await load({ url: `${server.url}/api/health`, connections: 100, durationMs: seconds * 1000, warmupMs: 2000 }));
  /** Run one scenario; a throw is reported and the run goes on (the exit code says so at the end). */
  const step = async (name: string, fn: () => Promise<void>) => {
    const s0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no end after ${stepTimeoutS} s (BENCH_STEP_TIMEOUT_S)`)), stepTimeoutS * 1000);
    });
    try {
      await Promise.race([fn(), timeout]);
      console.log(`[bench] ${name} done in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    } catch (e) {
      failed.push(name);
      // A failed query's message carries its parameters (thousands of values): its first line and the cause.
      const err = e as Error & { cause?: { message?: string; detail?: string } };
      const why = `${err.message.split("\n")[0].slice(0, 300)}${err.cause?.message ? ` — cause: ${err.cause.message}${err.cause.detail ? ` (${err.cause.detail})` : ""}` : ""}`;
      console.error(`[bench] ${name} FAILED after ${((performance.now() - s0) / 1000).toFixed(1)} s: ${why}\n${(err.stack ?? "").split("\n").filter((l) => l.trimStart().startsWith("at ")).slice(0, 8).join("\n")}`);
      lines.push("", `${name}: FAILED — ${why}`);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    console.log(`\nJas Grant benchmarks against ${server.url} (${seconds} s per run, 2 s warm-up)`);
    if (want("memory")) await step("memory", async () => {
      await new Promise((r) => setTimeout(r, 3000));
      const rss = serverRssMiB(server.dataDir);
      lines.push(`idle server memory (RSS, fresh start): ${rss === null ? "n/a (BENCH_URL)" : `${rss.toFixed(0)} MiB`}`);
      if (rss !== null) report.limit("memory", "idle RSS after start", rss, "MiB", "≤", 250);
    });
    if (want("floor")) await step("floor", async () => {
      lines.push("");
      lines.push(HEADER);
      for (const c of [10, 100]) {
        const r = await load({ url: `${server.url}/api/health`, connections: c, durationMs: seconds * 1000, warmupMs: 2000 });
        lines.push(row("floor: GET /api/health", c, r));
        report.add({ scenario: `floor (${c} connections)`, figure: "requests/s", value: r.rps, unit: "req/s", target: "" });
        report.add({ scenario: `floor (${c} connections)`, figure: "p95", value: r.p95, unit: "ms", target: "" });
        if (c === 100) floor100 = r;
      }
    });
    if (want("applicants")) await step("applicants", () => applicantsScenario(server.url, server.dataDir, lines, report));
    if (want("rush")) await step("rush", () => rushScenario(server.url, server.dataDir, lines, report));
    if (want("my")) await step("my", async () => {
      const floor = await floorAt100();
      const users = Number(process.env.BENCH_MY_USERS ?? 100);
      const r = await myBench(server.url, benchDatabaseUrl(server.dataDir), seconds, users);
      lines.push("");
      lines.push(`my: ${users} signed-in applicants (own session each, 2 applications each) loading their dashboard (${(r.bytes / 1024).toFixed(0)} KiB of HTML); floor at 100 connections`);
      lines.push(HEADER);
      lines.push(row("floor: GET /api/health", 100, floor));
      lines.push(row("GET /my (applicant)", users, r.result));
      const scenario = `my (${users} applicants)`;
      report.ratio(scenario, "GET /my requests/s", r.result.rps, "req/s", floor.rps, "≥", 0.25, "25% of the floor");
      report.add({ scenario, figure: "errors", value: r.result.errors + r.result.non2xx, unit: "", target: "0", pass: r.result.errors + r.result.non2xx === 0 });
    });
    if (want("ranking")) await step("ranking", async () => {
      const n = Number(process.env.BENCH_RANKING_APPLICATIONS ?? 10_000);
      const r = await rankingBench(server.url, benchDatabaseUrl(server.dataDir), n);
      const f = (x: number) => x.toFixed(1);
      lines.push("");
      lines.push(`ranking: ${r.applications} applications, ${r.reviews} reviews counted (seeding took ${(r.seedMs / 1000).toFixed(1)} s)`);
      for (const p of r.pages) {
        lines.push(
          `  GET ${p.path.padEnd(42)} ${p.timing.samples} sequential: p50 ${f(p.timing.p50)} ms, p95 ${f(p.timing.p95)} ms, max ${f(p.timing.max)} ms (${p.rows} rows, ${(p.bytes / 1024).toFixed(0)} KiB)`,
        );
      }
      lines.push(`  ${"callRanking, one page (data layer only)".padEnd(46)} ${r.dal.samples} sequential: p50 ${f(r.dal.p50)} ms, p95 ${f(r.dal.p95)} ms, max ${f(r.dal.max)} ms`);
      lines.push(
        `  ${"the same aggregation, one bare SQL query".padEnd(46)} ${r.bare.samples} sequential: p50 ${f(r.bare.p50)} ms, p95 ${f(r.bare.p95)} ms, max ${f(r.bare.max)} ms (first page: ${r.bareAgrees.same} of ${r.bareAgrees.of} rows in callRanking's order)`,
      );
      const b = r.breakdown;
      lines.push(`  where callRanking's time goes: its 2 big reads bare through pg (${b.rows.applications} + ${b.rows.reviews} rows, in parallel) p50 ${f(b.reads.p50)} ms, p95 ${f(b.reads.p95)} ms; rankApplications + callScoring in JS p50 ${f(b.rankJs.p50)} ms, p95 ${f(b.rankJs.p95)} ms`);
      const scenario = `ranking (${r.applications} applications)`;
      report.limit(scenario, "first page p95, server", r.pages[0].timing.p95, "ms", "≤", 300);
      report.add({ scenario, figure: "callRanking p95 (data layer)", value: r.dal.p95, unit: "ms", target: "" });
      report.add({ scenario, figure: "bare SQL p95", value: r.bare.p95, unit: "ms", target: "" });
      report.ratio(scenario, "first page p95 / bare SQL p95", r.pages[0].timing.p95, "ms", r.bare.p95, "≤", 3, "3 × the bare SQL");
    });
    if (want("awards")) await step("awards", async () => {
      const n = Number(process.env.BENCH_RANKING_APPLICATIONS ?? 10_000);
      const r = await awardsBench(server.url, benchDatabaseUrl(server.dataDir), n);
      const f = (x: number) => x.toFixed(1);
      lines.push("");
      lines.push(`awards: propose and confirm on a ranking of ${r.applications} applications (budget for 91 grants)`);
      for (const [i, run] of r.runs.entries()) {
        lines.push(`  run ${i + 1}: propose ${f(run.proposeMs)} ms, confirm ${run.awarded} awards ${f(run.confirmMs)} ms, together ${f(run.proposeMs + run.confirmMs)} ms`);
      }
      const slowest = Math.max(...r.runs.map((x) => x.proposeMs + x.confirmMs));
      report.limit(`awards (${r.applications} applications)`, "propose + confirm 91, slowest run", slowest, "ms", "≤", 1000);
    });
    if (want("dashboard")) await step("dashboard", async () => {
      const n = Number(process.env.BENCH_DASHBOARD_APPLICATIONS ?? 10_000);
      const r = await dashboardBench(server.url, benchDatabaseUrl(server.dataDir), n);
      const f = (x: number) => x.toFixed(1);
      lines.push("");
      lines.push(
        `dashboard: ${r.applications.all} applications received in all calls, ${r.applications.call} in the benchmark call (seeding took ${(r.seedMs / 1000).toFixed(1)} s)`,
      );
      for (const p of r.pages) {
        lines.push(`  GET ${p.path.padEnd(42)} ${p.timing.samples} sequential: p50 ${f(p.timing.p50)} ms, p95 ${f(p.timing.p95)} ms, max ${f(p.timing.max)} ms (${(p.bytes / 1024).toFixed(0)} KiB)`);
      }
      for (const d of r.dal) {
        lines.push(`  ${`${d.label} (data layer only)`.padEnd(46)} ${d.timing.samples} sequential: p50 ${f(d.timing.p50)} ms, p95 ${f(d.timing.p95)} ms, max ${f(d.timing.max)} ms`);
      }
      for (const p of r.pages) report.add({ scenario: `dashboard (${r.applications.all} applications)`, figure: `GET ${p.path.replace(/[0-9a-f-]{36}/, "<id>")} p95`, value: p.timing.p95, unit: "ms", target: "" });
    });
    if (want("storm")) await step("storm", async () => {
      const port = Number(process.env.BENCH_PORT ?? 3200) + 1;
      const r = await stormBench(server.url, benchDatabaseUrl(server.dataDir), server.dataDir, port, Number(process.env.BENCH_STORM_ACTIONS ?? 300), Number(process.env.BENCH_STORM_GRANTS ?? 91));
      const i = r.invariants;
      lines.push("");
      lines.push(`storm: ${r.attempts} award actions at once over HTTP, two next start processes on one database, budget ${i.cap / 1_500_000} grants`);
      lines.push(
        `  awarded ${r.awarded} (A ${r.perServer.A}, B ${r.perServer.B}), refused budget_exhausted ${r.refusedBudget}, other failures ${r.otherFailures}; wall ${(r.wallMs / 1000).toFixed(2)} s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`,
      );
      lines.push(
        `  invariants: awarded_total ${i.awardedTotal}, sum of active awards ${i.activeSum}, active awards ${i.active}, distinct applications ${i.distinctApps} — ${i.awardedTotal === i.activeSum && i.active === i.distinctApps && i.awardedTotal <= i.cap ? "hold" : "BROKEN"}`,
      );
      report.add({ scenario: `storm (${r.attempts} awards at once)`, figure: "awarded", value: r.awarded, unit: "", target: `= ${i.cap / 1_500_000}, totals agree`, pass: r.awarded === i.cap / 1_500_000 && i.awardedTotal === i.activeSum && r.otherFailures === 0 });
    });
    if (want("export")) await step("export", async () => {
      const r = await exportBench(server.url, benchDatabaseUrl(server.dataDir), server.dataDir);
      const mib = (x: number | null) => (x === null ? "n/a" : `${x.toFixed(0)} MiB`);
      const f1 = (x: number) => x.toFixed(1);
      lines.push("");
      lines.push(`export: applications of a call, ${r.seeded.map((s) => `${s.rows.toLocaleString("en")} rows (${s.added ? `seeded ${s.added.toLocaleString("en")} in ${(s.ms / 1000).toFixed(1)} s` : "already seeded"})`).join(", ")}`);
      lines.push(`  over HTTP from npm start (server RSS: before the request → peak during it → 3 s after)${process.env.NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ""}`);
      for (const h of r.http) {
        lines.push(
          `    ${h.format.padEnd(4)} ${String(h.rows).padStart(7)} rows${h.call.endsWith("again") ? " (again)" : "        "}: ${(h.ms / 1000).toFixed(2).padStart(6)} s, ${(h.bytes / 1024 / 1024).toFixed(1).padStart(6)} MiB, ${Math.round(h.rows / (h.ms / 1000)).toLocaleString("en").padStart(8)} rows/s; RSS ${mib(h.rssBeforeMiB)} → ${mib(h.rssPeakMiB)} → ${mib(h.rssAfterMiB)} (peak +${h.rssBeforeMiB === null || h.rssPeakMiB === null ? "n/a" : (h.rssPeakMiB - h.rssBeforeMiB).toFixed(0)} MiB)`,
        );
      }
      for (const c of r.cancel) {
        if (c.completed) lines.push(`  ${c.format} download to drop after 512 KiB: the whole file was smaller, nothing dropped (not checked)`);
        else lines.push(`  ${c.format} download dropped by the client after 512 KiB: locks of export transactions on applications ${c.locksWhileReading} while reading → ${c.locksAfterCancel} 2 s later (${c.locksWhileReading > 0 && c.locksAfterCancel === 0 ? "cursor released" : "CHECK"})`);
      }
      for (const h of r.http.filter((x) => x.format === "xlsx" && !x.call.endsWith("again"))) {
        if (h.rows >= 100_000) report.limit(`export (${h.rows.toLocaleString("en")} rows)`, "XLSX over HTTP", h.ms / 1000, "s", "≤", 20);
      }
      lines.push("  in-process, data layer + writer, forced GC (JS heap + buffers: before → max retained after a GC while streaming → after; peak without GC)");
      for (const d of r.dal) {
        lines.push(
          `    ${d.format.padEnd(4)} ${String(d.rows).padStart(7)} rows: ${(d.ms / 1000).toFixed(2).padStart(6)} s, ${(d.bytes / 1024 / 1024).toFixed(1).padStart(6)} MiB; memory ${f1(d.heapBeforeMiB)} → ${f1(d.heapRetainedMaxMiB)} (${d.samples} GCs) → ${f1(d.heapAfterMiB)} MiB, growth ${f1(d.heapRetainedMaxMiB - d.heapBeforeMiB)} MiB; peak ${f1(d.heapPeakMiB)} MiB`,
        );
        if (d.rows >= 100_000) report.limit(`export (${d.rows.toLocaleString("en")} rows)`, `${d.format.toUpperCase()} heap growth (in-process)`, d.heapRetainedMaxMiB - d.heapBeforeMiB, "MiB", "≤", 50);
      }
    });
    if (want("pages")) await step("pages", async () => {
      const floor = await floorAt100();
      const r = await pagesBench(server.url, benchDatabaseUrl(server.dataDir), seconds);
      lines.push("");
      lines.push("pages: 100 concurrent readers");
      lines.push(HEADER);
      lines.push(row("floor: GET /api/health", 100, floor));
      lines.push(row("GET / (landing)", 100, r.landing));
      lines.push(row(`GET ${r.callPath.replace(/[0-9a-f-]{36}/, "<id>")}`, 100, r.call));
      lines.push(row("GET /<missing> (shell, 404)", 100, r.shell));
      report.ratio("pages (100 readers)", "GET / requests/s", r.landing.rps, "req/s", floor.rps, "≥", 0.4, "40% of the floor");
      report.ratio("pages (100 readers)", "GET /calls/<id> requests/s", r.call.rps, "req/s", floor.rps, "≥", 0.4, "40% of the floor");
      report.add({ scenario: "pages (100 readers)", figure: "the page shell alone (404 page) requests/s", value: r.shell.rps, unit: "req/s", floor: floor.rps, ratio: r.shell.rps / floor.rps, target: "" });
      report.add({ scenario: "pages (100 readers)", figure: "errors", value: r.landing.errors + r.landing.non2xx + r.call.errors + r.call.non2xx, unit: "", target: "0", pass: r.landing.errors + r.landing.non2xx + r.call.errors + r.call.non2xx === 0 });
    });
    if (want("js")) await step("js", async () => {
      const weights = await jsBench(server.url, benchDatabaseUrl(server.dataDir));
      lines.push("");
      lines.push("js: script files loaded on arrival (gzip level 9)");
      for (const w of weights) lines.push(`  ${w.page.padEnd(40)} ${String(w.scripts).padStart(3)} files, ${w.rawKiB.toFixed(0).padStart(5)} KiB raw, ${w.gzipKiB.toFixed(1).padStart(6)} KiB gzip`);
      report.limit("js", "landing, gzip", weights[0].gzipKiB, "KiB", "≤", 130);
      report.limit("js", "wizard, gzip", weights[1].gzipKiB, "KiB", "≤", 200);
    });
    if (want("lighthouse")) await step("lighthouse", async () => {
      const pages = await lighthouseBench(server.url, benchDatabaseUrl(server.dataDir), { smoke });
      lines.push("");
      lines.push("lighthouse: mobile emulation (default), simulated throttling, headless Chromium");
      for (const p of pages) {
        lines.push(`  ${p.page.padEnd(36)} performance ${p.scores.performance}, accessibility ${p.scores.accessibility}, best practices ${p.scores["best-practices"]} (${(p.ms / 1000).toFixed(0)} s${p.attempts > 1 ? `, attempt ${p.attempts}` : ""})`);
        for (const w of p.runWarnings) lines.push(`    warning: ${w}`);
        for (const a of p.failing) {
          lines.push(`    ${a.category}: ${a.id} — ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}${a.weight > 0 ? ` [weight ${a.weight}, score ${a.score}]` : ` [score ${a.score}]`}`);
          for (const item of a.items) lines.push(`      · ${item}`);
        }
        for (const [cat, target] of Object.entries(LIGHTHOUSE_TARGETS)) {
          report.limit(`lighthouse ${p.page}`, cat, p.scores[cat as keyof typeof LIGHTHOUSE_TARGETS], "", "≥", target);
        }
      }
    });
    if (want("memory")) await step("memory (after the load)", async () => {
      // Right after a load V8 keeps the heap it grew to; it hands memory back once the process has been
      // idle for a while. Both are shown: 5 s after the load, and once idle (the lowest reading over the
      // next BENCH_IDLE_SECONDS, default 120, sampled every 5 s).
      const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? (smoke ? 10 : 120));
      await new Promise((r) => setTimeout(r, 5000));
      const first = serverRssMiB(server.dataDir);
      let settled = first;
      const samples: string[] = [];
      for (let t = 5; t < idleSeconds && first !== null; t += 5) {
        await new Promise((r) => setTimeout(r, 5000));
        const rss = serverRssMiB(server.dataDir);
        if (rss !== null) {
          settled = Math.min(settled ?? rss, rss);
          if ((t + 5) % 30 === 0) samples.push(`+${t + 5} s ${rss.toFixed(0)}`);
        }
      }
      lines.push("");
      lines.push(
        first === null
          ? "idle server memory after the load: n/a (BENCH_URL)"
          : `idle server memory after the load (RSS, MiB): +5 s ${first.toFixed(0)}${samples.length ? `, ${samples.join(", ")}` : ""}; lowest ${settled!.toFixed(0)}`,
      );
      if (first !== null) {
        report.add({ scenario: "memory", figure: "RSS 5 s after the load", value: first, unit: "MiB", target: "" });
        report.limit("memory", `idle RSS after the load (lowest in ${idleSeconds} s)`, settled!, "MiB", "≤", 250);
      }
    });
  } finally {
    await server.stop();
  }
  const totalS = (performance.now() - t0) / 1000;
  console.log(lines.join("\n"));
  if (report.rows.length) {
    console.log(`\n${renderText(report.rows)}`);
    const name = smoke ? "smoke" : "latest";
    writeResults(
      report.rows,
      { startedAt, machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`, scenarios: [...(smoke ? ["--smoke"] : []), ...wanted] },
      undefined,
      name,
    );
    console.log(`\nwritten to bench/results/${name}.json and ${name}.md`);
  }
  console.log(`\n${smoke ? "smoke pass" : "benchmarks"}: ${totalS.toFixed(0)} s${failed.length ? `; FAILED scenarios: ${failed.join(", ")}` : ", every scenario ran"}`);
  // Explicitly: a scenario that timed out may still hold sockets open.
  process.exit(failed.length ? 1 : 0);
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
