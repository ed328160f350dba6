/**
 * Integration tests run on a real PostgreSQL: TEST_DATABASE_URL (a superuser URL, e.g. the machine's
 * PostgreSQL 15 in CI) or an embedded server started here under .data/test. A template database is
 * migrated once per run; each test file gets its own copy (test/db-setup.ts).
 */
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { startEmbedded, type EmbeddedServer } from "../db/embedded";
import { ensureDatabase } from "../db/bootstrap";
import { migrateDatabase } from "../db/migrate";
import { TEST_ROLES } from "./roles";

let server: EmbeddedServer | undefined;

export default async function setup(project: TestProject) {
  let superUrl = process.env.TEST_DATABASE_URL;
  if (!superUrl) {
    server = await startEmbedded({ dataDir: path.resolve(".data/test"), log: () => undefined });
    superUrl = server.superUrl;
  }
  const admin = new Client({ connectionString: superUrl });
  await admin.connect();
  // Leftovers of an interrupted run.
  const old = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'jg_t_%' OR datname = $1", [TEST_ROLES.database]);
  for (const { datname } of old.rows) await admin.query(`DROP DATABASE ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  await admin.end();

  const { ownerUrl } = await ensureDatabase(superUrl, TEST_ROLES);
  await migrateDatabase(ownerUrl, TEST_ROLES.app);
  const version = await (async () => {
    const c = new Client({ connectionString: superUrl });
    await c.connect();
    const v = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
    await c.end();
    return v;
  })();
  console.log(`[integration] PostgreSQL ${version} (${server ? "embedded" : "TEST_DATABASE_URL"})`);
  project.provide("superUrl", superUrl);

  return async () => {
    await server?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    superUrl: string;
  }
}
