/**
 * The ranking of a large call: the benchmark call of `--scale` data (2,000 applications × 3 reviews by
 * default, BENCH_RANKING_APPLICATIONS to change) seeded into the bench database through the owner's URL,
 * then (1) GET /admin/calls/<BENCHMARK_CALL_ID>/ranking as the demo admin, sequentially, after a warm-up,
 * and (2) the data layer alone: `callRanking` in this process against the same database. Figures only.
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

export type RankingBench = { applications: number; reviews: number; seedMs: number; page: Timing; pageBytes: number; dal: Timing };

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

  // (1) The page through the production server.
  const jar = await signIn(base, ADMIN.email, ADMIN.password);
  const url = `${base}/admin/calls/${BENCHMARK_CALL_ID}/ranking`;
  const get = async () => {
    const t0 = performance.now();
    const res = await request(url, { headers: { cookie: jar.header() } });
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ranking: HTTP ${res.status}`);
    return { ms, bytes: Buffer.byteLength(res.body) };
  };
  for (let i = 0; i < 3; i++) await get(); // warm-up
  const pageMs: number[] = [];
  let pageBytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await get();
    pageMs.push(r.ms);
    pageBytes = r.bytes;
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
      const r = await callRanking(actor, BENCHMARK_CALL_ID);
      dalMs.push(performance.now() - t0);
      applications = r!.rows.length;
      reviews = r!.reviewsCounted;
    }
  } finally {
    await closeDb();
  }
  return { applications, reviews, seedMs, page: timing(pageMs), pageBytes, dal: timing(dalMs) };
}
