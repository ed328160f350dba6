/**
 * `npm run bench [-- scenario ...]`: benchmarks against a production build (`npm start`) on a real
 * PostgreSQL, printing figures (no pass/fail: targets are compared by reading the table).
 *
 * Scenarios:
 *   floor   GET /api/health (SELECT 1 through the app's pool, renders nothing): the ceiling no page can
 *           pass; its requests per second and p50/p95/p99 at 10 and 100 connections.
 *   memory  the server's resident memory at idle, after the floor's load has settled.
 *   applicants  BENCH_APPLICANTS (default 50) signed-in applicants at once: autosave p50/p95/p99 over
 *           BENCH_SECONDS, then 3 rounds of all of them submitting at the same moment; the floor at the
 *           same concurrency in the same run (bench/scenarios/applicants.ts).
 *   assignment  automatic reviewer assignment, 2,000 applications × 3 reviewers over 30 reviewers (pure
 *           computation, bench/scenarios/assignment.ts; alone it starts no server).
 *   ranking  the ranking of the `--scale` benchmark call (BENCH_RANKING_APPLICATIONS, default 2,000 × 3 reviews):
 *           GET /admin/calls/<id>/ranking as the admin (its first page of 50 rows, and a middle page by raw
 *           rank), 20 sequential requests each after a warm-up (p50/p95/max), and `callRanking` for one page
 *           alone in-process (bench/scenarios/ranking.ts).
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
 *           connections (bench/scenarios/pages.ts).
 *   js       the script files the landing page (signed out) and the application wizard (signed in) load on
 *           arrival, gzipped (bench/scenarios/pages.ts).
 * Every run ends with one table (scenario, figure, floor, ratio, target, pass/fail), also written to
 * bench/results/latest.json and latest.md (bench/lib/report.ts).
 * Environment: BENCH_PORT (default 3200) for the server it starts; BENCH_URL to use a running portal (then BENCH_DATABASE_URL, its owner's URL, for the
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

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

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

function row(name: string, c: number, r: LoadResult): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${name.padEnd(28)} ${String(c).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${String(r.errors + r.non2xx).padStart(7)}`;
}

async function main() {
  const wanted = new Set(process.argv.slice(2));
  const all = wanted.size === 0;
  if (all || wanted.has("assignment")) {
    assignmentBench(); // warm-up
    const runs = Array.from({ length: 5 }, () => assignmentBench()).sort((a, b) => a - b);
    console.log(`\nautomatic assignment, 2000 applications × 3 over 30 reviewers, 2% conflicted pairs: median ${runs[2].toFixed(1)} ms (best ${runs[0].toFixed(1)} ms)`);
    if (wanted.size === 1) return;
  }
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3200));
  const lines: string[] = [];
  const report = new Report();
  const startedAt = new Date().toISOString();
  let floor100: LoadResult | undefined;
  try {
    console.log(`\nJas Grant benchmarks against ${server.url} (${seconds} s per run, 2 s warm-up)`);
    if (all || wanted.has("memory")) {
      await new Promise((r) => setTimeout(r, 3000));
      const rss = serverRssMiB(server.dataDir);
      lines.push(`idle server memory (RSS, fresh start): ${rss === null ? "n/a (BENCH_URL)" : `${rss.toFixed(0)} MiB`}`);
      if (rss !== null) report.limit("memory", "idle RSS after start", rss, "MiB", "≤", 250);
    }
    if (all || wanted.has("floor")) {
      lines.push("");
      lines.push(HEADER);
      for (const c of [10, 100]) {
        const r = await load({ url: `${server.url}/api/health`, connections: c, durationMs: seconds * 1000, warmupMs: 2000 });
        lines.push(row("floor: GET /api/health", c, r));
        report.add({ scenario: `floor (${c} connections)`, figure: "requests/s", value: r.rps, unit: "req/s", target: "" });
        report.add({ scenario: `floor (${c} connections)`, figure: "p95", value: r.p95, unit: "ms", target: "" });
        if (c === 100) floor100 = r;
      }
    }
    if (all || wanted.has("applicants")) await applicantsScenario(server.url, server.dataDir, lines, report);
    if (all || wanted.has("ranking")) {
      const n = Number(process.env.BENCH_RANKING_APPLICATIONS ?? 2000);
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
      report.limit(`ranking (${r.applications} applications)`, "first page p95, server", r.pages[0].timing.p95, "ms", "≤", 300);
    }
    if (all || wanted.has("awards")) {
      const n = Number(process.env.BENCH_RANKING_APPLICATIONS ?? 2000);
      const r = await awardsBench(server.url, benchDatabaseUrl(server.dataDir), n);
      const f = (x: number) => x.toFixed(1);
      lines.push("");
      lines.push(`awards: propose and confirm on a ranking of ${r.applications} applications (budget for 91 grants)`);
      for (const [i, run] of r.runs.entries()) {
        lines.push(`  run ${i + 1}: propose ${f(run.proposeMs)} ms, confirm ${run.awarded} awards ${f(run.confirmMs)} ms, together ${f(run.proposeMs + run.confirmMs)} ms`);
      }
      const slowest = Math.max(...r.runs.map((x) => x.proposeMs + x.confirmMs));
      report.limit(`awards (${r.applications} applications)`, "propose + confirm 91, slowest run", slowest, "ms", "≤", 1000);
    }
    if (all || wanted.has("dashboard")) {
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
    }
    if (all || wanted.has("storm")) {
      const port = Number(process.env.BENCH_PORT ?? 3200) + 1;
      const r = await stormBench(server.url, benchDatabaseUrl(server.dataDir), server.dataDir, port);
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
    }
    if (all || wanted.has("export")) {
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
        lines.push(`  ${c.format} download dropped by the client after 512 KiB: locks of export transactions on applications ${c.locksWhileReading} while reading → ${c.locksAfterCancel} 2 s later (${c.locksWhileReading > 0 && c.locksAfterCancel === 0 ? "cursor released" : "CHECK"})`);
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
    }
    if (all || wanted.has("pages")) {
      floor100 ??= await load({ url: `${server.url}/api/health`, connections: 100, durationMs: seconds * 1000, warmupMs: 2000 });
      const r = await pagesBench(server.url, benchDatabaseUrl(server.dataDir), seconds);
      lines.push("");
      lines.push("pages: 100 concurrent readers");
      lines.push(HEADER);
      lines.push(row("floor: GET /api/health", 100, floor100));
      lines.push(row("GET / (landing)", 100, r.landing));
      lines.push(row(`GET ${r.callPath.replace(/[0-9a-f-]{36}/, "<id>")}`, 100, r.call));
      report.ratio("pages (100 readers)", "GET / requests/s", r.landing.rps, "req/s", floor100.rps, "≥", 0.4, "40% of the floor");
      report.ratio("pages (100 readers)", "GET /calls/<id> requests/s", r.call.rps, "req/s", floor100.rps, "≥", 0.4, "40% of the floor");
      report.add({ scenario: "pages (100 readers)", figure: "errors", value: r.landing.errors + r.landing.non2xx + r.call.errors + r.call.non2xx, unit: "", target: "0", pass: r.landing.errors + r.landing.non2xx + r.call.errors + r.call.non2xx === 0 });
    }
    if (all || wanted.has("js")) {
      const weights = await jsBench(server.url, benchDatabaseUrl(server.dataDir));
      lines.push("");
      lines.push("js: script files loaded on arrival (gzip level 9)");
      for (const w of weights) lines.push(`  ${w.page.padEnd(40)} ${String(w.scripts).padStart(3)} files, ${w.rawKiB.toFixed(0).padStart(5)} KiB raw, ${w.gzipKiB.toFixed(1).padStart(6)} KiB gzip`);
      report.limit("js", "landing, gzip", weights[0].gzipKiB, "KiB", "≤", 130);
      report.limit("js", "wizard, gzip", weights[1].gzipKiB, "KiB", "≤", 200);
    }
    if (all || wanted.has("memory")) {
      await new Promise((r) => setTimeout(r, 5000));
      const rss = serverRssMiB(server.dataDir);
      lines.push("");
      lines.push(`idle server memory (RSS, 5 s after load): ${rss === null ? "n/a (BENCH_URL)" : `${rss.toFixed(0)} MiB`}`);
      if (rss !== null) report.limit("memory", "idle RSS after the load", rss, "MiB", "≤", 250);
    }
  } finally {
    await server.stop();
  }
  console.log(lines.join("\n"));
  if (report.rows.length) {
    console.log(`\n${renderText(report.rows)}`);
    writeResults(report.rows, { startedAt, machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`, scenarios: [...wanted] });
    console.log("\nwritten to bench/results/latest.json and latest.md");
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
