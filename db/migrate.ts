import path from "node:path";
import { Client } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Apply the committed migrations as the schema's owner, then (re)grant the app role exactly what it
 * needs: it owns nothing, cannot create objects, and may only SELECT and INSERT on the audit log.
 * Idempotent: safe at every start. A migration lock (advisory) keeps two starting servers apart.
 */
export async function migrateDatabase(ownerUrl: string, appRole?: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl, application_name: "jas-grant-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(74201)");
    await client.query("SET client_min_messages = warning");
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: "drizzle" });
    const owner = (await client.query<{ u: string }>("SELECT current_user AS u")).rows[0].u;
    if (appRole && appRole !== owner) await grantAppRole(client, appRole);
  } finally {
    await client.query("SELECT pg_advisory_unlock(74201)").catch(() => undefined);
    await client.end();
  }
}

export async function grantAppRole(client: Client, appRole: string): Promise<void> {
  const role = client.escapeIdentifier(appRole);
  await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
}

/** The user name of a postgres:// URL. */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
