/**
 * The admin dashboard over a large call: the `--scale` benchmark call topped up to BENCH_DASHBOARD_APPLICATIONS
 * (default 10,000) reviewed applications (seeded through the owner's URL, as the ranking scenario does), then
 * (1) GET /admin/dashboard as the demo admin — every call (the benchmark call plus the demo's), and the
 * benchmark call alone (?call=<id>) — 20 sequential requests each after 3 warm-ups (p50/p95/max), and
 * (2) the data layer alone: `dashboardData` in this process against the same database, 20 runs each.
 * Figures only.
 */
import { BENCHMARK_CALL_ID } from "../../db/seed/scale";
import { percentile, request, signIn } from "../lib/http";
import { DEMO_ADMIN, seedBenchmarkCall } from "../lib/scale";


export type Timing = { samples: number; p50: number; p95: number; max: number };

function timing(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { samples: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}

export type DashboardBench = {
  /** Applications received in all calls / in the benchmark call. */
  applications: { all: number; call: number };
  seedMs: number;
  pages: { path: string; timing: Timing; bytes: number }[];
  dal: { label: string; timing: Timing }[];
};

export async function dashboardBench(base: string, ownerUrl: string, n = 10_000, runs = 20): Promise<DashboardBench> {
  const { adminId, seedMs } = await seedBenchmarkCall(ownerUrl, n);

  // (1) The page through the production server.
  const jar = await signIn(base, DEMO_ADMIN.email, DEMO_ADMIN.password);
  const pages: DashboardBench["pages"] = [];
  for (const path of ["/admin/dashboard", `/admin/dashboard?call=${BENCHMARK_CALL_ID}`]) {
    const get = async () => {
      const t0 = performance.now();
      const res = await request(`${base}${path}`, { headers: { cookie: jar.header() } });
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
      if (!res.body.includes('id="table-funnel"')) throw new Error(`GET ${path}: no funnel table in the page`);
      return { ms, body: res.body };
    };
    for (let i = 0; i < 3; i++) await get(); // warm-up
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await get();
      ms.push(r.ms);
      bytes = Buffer.byteLength(r.body);
    }
    pages.push({ path: path.replace(BENCHMARK_CALL_ID, "<id>"), timing: timing(ms), bytes });
  }

  // (2) The data layer alone, in this process (lib/env reads these on first use).
  process.env.DATABASE_URL = ownerUrl;
  process.env.APP_MODE = "demo";
  process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123";
  process.env.APP_URL ??= base;
  const { dashboardData } = await import("../../lib/dal/dashboard");
  const { closeDb } = await import("../../db/client");
  const actor = { id: adminId, role: "admin" as const };
  const dal: DashboardBench["dal"] = [];
  const applications = { all: 0, call: 0 };
  try {
    for (const [label, filters] of [
      ["dashboardData, all calls", {}],
      ["dashboardData, the benchmark call", { call: BENCHMARK_CALL_ID }],
    ] as const) {
      for (let i = 0; i < 3; i++) await dashboardData(actor, filters); // warm-up
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const d = await dashboardData(actor, filters);
        ms.push(performance.now() - t0);
        if ("call" in filters) applications.call = d.funnel.submitted;
        else applications.all = d.funnel.submitted;
      }
      dal.push({ label, timing: timing(ms) });
    }
  } finally {
    await closeDb();
  }
  return { applications, seedMs, pages, dal };
}
