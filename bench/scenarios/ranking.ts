/**
 * The ranking of a large call: the benchmark call of `--scale` data (2,000 applications × 3 reviews by
 * default, BENCH_RANKING_APPLICATIONS to change) seeded into the bench database through the owner's URL,
 * then (1) GET /admin/calls/<BENCHMARK_CALL_ID>/ranking as the demo admin, sequentially, after a warm-up:
 * its first page (50 rows) and a page in the middle by the raw rank (?sort=raw&page=N), and (2) the data
 * layer alone: `callRanking` for one page in this process against the same database. The whole call is
 * ranked every time (normalisation needs all reviews); only a page of rows is decorated and rendered.
 * Figures only.
 */
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../../db/schema";
import { BENCHMARK_CALL_ID, seedScale } from "../../db/seed/scale";
import { percentile, request, signIn } from "../lib/http";

const ADMIN = { email: "admin@jasgrant.demo", password: "demo-password-2026" };

export type Timing = { samples: number; p50: number; p95: number; max: number };

function timing(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { samples: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}

export type PageTiming = { path: string; timing: Timing; bytes: number; rows: number };
export type RankingBench = { applications: number; reviews: number; seedMs: number; pages: PageTiming[]; dal: Timing };

export async function rankingBench(base: string, ownerUrl: string, n = 2000, runs = 20): Promise<RankingBench> {
  const pool = new Pool({ connectionString: ownerUrl, max: 4 });
  const db = drizzle(pool, { schema });
  let adminId: string;
  let seedMs: number;
  try {
    const r = await seedScale(db, n, () => hash(ADMIN.password));
    seedMs = r.ms;
    const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ADMIN.email));
    if (!admin) throw new Error("the demo admin is missing from the bench database");
    adminId = admin.id;
  } finally {
    await pool.end();
  }

  // (1) The page through the production server: the first page, and a page in the middle by raw rank.
  const jar = await signIn(base, ADMIN.email, ADMIN.password);
  const pagePath = `/admin/calls/${BENCHMARK_CALL_ID}/ranking`;
  const middle = Math.max(1, Math.ceil(n / 50 / 2));
  const pages: PageTiming[] = [];
  for (const path of [pagePath, `${pagePath}?sort=raw&page=${middle}`]) {
    const get = async () => {
      const t0 = performance.now();
      const res = await request(`${base}${path}`, { headers: { cookie: jar.header() } });
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
      return { ms, body: res.body };
    };
    for (let i = 0; i < 3; i++) await get(); // warm-up
    const ms: number[] = [];
    let body = "";
    for (let i = 0; i < runs; i++) {
      const r = await get();
      ms.push(r.ms);
      body = r.body;
    }
    // Rows rendered: one reference cell per row.
    const rows = (body.match(/data-testid="reference"/g) ?? []).length;
    pages.push({ path: path.replace(BENCHMARK_CALL_ID, "<id>"), timing: timing(ms), bytes: Buffer.byteLength(body), rows });
  }

  // (2) The data layer alone, in this process (lib/env reads these on first use).
  process.env.DATABASE_URL = ownerUrl;
  process.env.APP_MODE = "demo";
  process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123";
  process.env.APP_URL ??= base;
  const { callRanking } = await import("../../lib/dal/ranking");
  const { closeDb } = await import("../../db/client");
  const actor = { id: adminId, role: "admin" as const };
  let applications = 0;
  let reviews = 0;
  const dalMs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) await callRanking(actor, BENCHMARK_CALL_ID); // warm-up
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = await callRanking(actor, BENCHMARK_CALL_ID, { page: 1 });
      dalMs.push(performance.now() - t0);
      applications = r!.total;
      reviews = r!.reviewsCounted;
    }
  } finally {
    await closeDb();
  }
  return { applications, reviews, seedMs, pages, dal: timing(dalMs) };
}
