/** The `--scale` benchmark call, seeded into the benchmark's database for the scenarios that read it. */
import { hash } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../../db/schema";
import { seedScale } from "../../db/seed/scale";

/** The demo admin the scenarios sign in as. */
export const DEMO_ADMIN = { email: "admin@jasgrant.demo", password: "demo-password-2026" };

/**
 * Tops the benchmark call up to `n` applications with reviews (owner's URL), then ANALYZEs, as a running
 * portal's autovacuum would have done: on fresh statistics the planner picks other plans. Answers the demo
 * admin's id and how long the seeding took.
 */
export async function seedBenchmarkCall(ownerUrl: string, n: number): Promise<{ adminId: string; seedMs: number }> {
  const pool = new Pool({ connectionString: ownerUrl, max: 4 });
  const db = drizzle(pool, { schema });
  try {
    const r = await seedScale(db, n, () => hash(DEMO_ADMIN.password));
    await db.execute(sql`ANALYZE applications, reviews, review_assignments, users`);
    const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, DEMO_ADMIN.email));
    if (!admin) throw new Error("the demo admin is missing from the bench database");
    return { adminId: admin.id, seedMs: r.ms };
  } finally {
    await pool.end();
  }
}
