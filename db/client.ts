import { Pool, type PoolConfig } from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle: what dependent writes share (ARCHITECTURE.md habit 4). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Holder = { pool?: Pool; db?: Db };
// One pool per process, kept across hot reloads in development.
const holder: Holder = ((globalThis as { __jasGrantDb?: Holder }).__jasGrantDb ??= {});

export function poolConfig(connectionString: string, max: number, connectTimeoutMs: number): PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: "jas-grant",
    // A runaway query must not hold a connection forever.
    statement_timeout: 30_000,
  };
}

export function getPool(): Pool {
  if (!holder.pool) {
    const e = env();
    const pool = new Pool(poolConfig(e.DATABASE_URL, e.DB_POOL_MAX, e.DB_CONNECT_TIMEOUT_MS));
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on("error", (err) => console.error(`[db] idle client error: ${err.message}`));
    holder.pool = pool;
  }
  return holder.pool;
}

export function getDb(): Db {
  holder.db ??= drizzle(getPool(), { schema });
  return holder.db;
}

/** Close the pool (scripts and tests). */
export async function closeDb(): Promise<void> {
  const pool = holder.pool;
  holder.pool = undefined;
  holder.db = undefined;
  await pool?.end();
}

export { schema };
