/**
 * "Fill the budget" on a large call: the `--scale` benchmark call (BENCH_RANKING_APPLICATIONS, default
 * 2,000 applications × 3 reviews; budget for 91 grants, three districts reserving 5 each, Konaev capped at
 * 10) seeded through the owner's URL, then, in this process against the same database, `proposeAwards`
 * (rank the whole call, allocate, fingerprint) and `confirmProposal` (the same again under the locks, and
 * the 91 awards in one transaction). Each run is undone afterwards (awards deleted, statuses and totals
 * restored) so the next starts from the same state. Figures only.
 */
import { hash } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../../db/schema";
import { BENCHMARK_CALL_ID, seedScale } from "../../db/seed/scale";

const ADMIN_EMAIL = "admin@jasgrant.demo";

export type AwardsRun = { proposeMs: number; confirmMs: number; awarded: number };
export type AwardsBench = { applications: number; runs: AwardsRun[] };

export async function awardsBench(base: string, ownerUrl: string, n = 2000, runs = 3): Promise<AwardsBench> {
  const pool = new Pool({ connectionString: ownerUrl, max: 2 });
  const db = drizzle(pool, { schema });
  const undo = async () => {
    await db.execute(sql`
      WITH gone AS (DELETE FROM awards WHERE call_id = ${BENCHMARK_CALL_ID} RETURNING application_id)
      UPDATE applications SET status = 'reviewed' WHERE id IN (SELECT application_id FROM gone)`);
    await db.execute(sql`UPDATE calls SET awarded_total = 0, results_published_at = NULL, archived_at = NULL WHERE id = ${BENCHMARK_CALL_ID}`);
    await db.execute(sql`UPDATE call_districts SET awarded_count = 0, awarded_total = 0 WHERE call_id = ${BENCHMARK_CALL_ID}`);
  };
  try {
    await seedScale(db, n, () => hash("demo-password-2026"));
    const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ADMIN_EMAIL));
    if (!admin) throw new Error("the demo admin is missing from the bench database");
    await undo();

    process.env.DATABASE_URL = ownerUrl;
    process.env.APP_MODE = "demo";
    process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123";
    process.env.APP_URL ??= base;
    const { proposeAwards, confirmProposal } = await import("../../lib/dal/awards");
    const { closeDb } = await import("../../db/client");
    const actor = { id: admin.id, role: "admin" as const };
    const out: AwardsRun[] = [];
    let applications = 0;
    try {
      await proposeAwards(actor, BENCHMARK_CALL_ID, "normalised"); // warm-up
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const p = await proposeAwards(actor, BENCHMARK_CALL_ID, "normalised");
        const t1 = performance.now();
        if (!p) throw new Error("no proposal for the benchmark call");
        applications = p.funded.length + p.left.length;
        const c = await confirmProposal(actor, BENCHMARK_CALL_ID, "normalised", p.fingerprint);
        const t2 = performance.now();
        if (!c.ok) throw new Error(`confirm refused: ${c.code}`);
        out.push({ proposeMs: t1 - t0, confirmMs: t2 - t1, awarded: c.awarded });
        await undo();
      }
    } finally {
      await closeDb();
    }
    return { applications, runs: out };
  } finally {
    await undo().catch(() => undefined);
    await pool.end();
  }
}
