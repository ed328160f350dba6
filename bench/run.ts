/**
 * `npm run bench [-- scenario ...]`: benchmarks against a production build (`npm start`) on a real
 * PostgreSQL, printing figures (no pass/fail: targets are compared by reading the table).
 *
 * Scenarios:
 *   floor   GET /api/health (SELECT 1 through the app's pool, renders nothing): the ceiling no page can
 *           pass; its requests per second and p50/p95/p99 at 10 and 100 connections.
 *   memory  the server's resident memory at idle, after the floor's load has settled.
 * Environment: BENCH_URL to use a running portal; BENCH_SECONDS per run (default 10).
 */
import { load, type LoadResult } from "./lib/load";
import { serverRssMiB, startServer } from "./lib/server";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

function row(name: string, c: number, r: LoadResult): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${name.padEnd(28)} ${String(c).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${String(r.errors + r.non2xx).padStart(7)}`;
}

async function main() {
  const wanted = new Set(process.argv.slice(2));
  const all = wanted.size === 0;
  const server = await startServer();
  const lines: string[] = [];
  try {
    console.log(`\nJas Grant benchmarks against ${server.url} (${seconds} s per run, 2 s warm-up)`);
    if (all || wanted.has("memory")) {
      await new Promise((r) => setTimeout(r, 3000));
      const rss = serverRssMiB(server.dataDir);
      lines.push(`idle server memory (RSS, fresh start): ${rss === null ? "n/a (BENCH_URL)" : `${rss.toFixed(0)} MiB`}`);
    }
    if (all || wanted.has("floor")) {
      lines.push("");
      lines.push(`${"scenario".padEnd(28)} ${"conn".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`);
      for (const c of [10, 100]) {
        const r = await load({ url: `${server.url}/api/health`, connections: c, durationMs: seconds * 1000, warmupMs: 2000 });
        lines.push(row("floor: GET /api/health", c, r));
      }
    }
    if (all || wanted.has("memory")) {
      await new Promise((r) => setTimeout(r, 5000));
      const rss = serverRssMiB(server.dataDir);
      lines.push("");
      lines.push(`idle server memory (RSS, 5 s after load): ${rss === null ? "n/a (BENCH_URL)" : `${rss.toFixed(0)} MiB`}`);
    }
  } finally {
    await server.stop();
  }
  console.log(lines.join("\n"));
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
