/**
 * Runs before each integration test file: copies the migrated template into a database of the file's
 * own and points DATABASE_URL (app role) and DATABASE_OWNER_URL at it, before the file's imports run.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, inject } from "vitest";
import { TEST_ROLES } from "./roles";
import { setTestDatabase, type TestDatabase } from "./db";

const superUrl = inject("superUrl");
const name = `jg_t_${randomBytes(6).toString("hex")}`;

function urlFor(user: string, password: string): string {
  const u = new URL(superUrl);
  u.username = user;
  u.password = password;
  u.pathname = `/${name}`;
  return u.toString();
}

const admin = new Client({ connectionString: superUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEST_ROLES.database} OWNER ${TEST_ROLES.owner}`);
await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${name} TO ${TEST_ROLES.app}`);
await admin.end();

const db: TestDatabase = {
  name,
  superUrl,
  ownerUrl: urlFor(TEST_ROLES.owner, TEST_ROLES.ownerPassword),
  appUrl: urlFor(TEST_ROLES.app, TEST_ROLES.appPassword),
};
setTestDatabase(db);
Object.assign(process.env, {
  DATABASE_URL: db.appUrl,
  DATABASE_OWNER_URL: db.ownerUrl,
  AUTH_SECRET: "integration-test-secret-0123456789abcdef",
  APP_URL: "http://localhost:3000",
  APP_MODE: "demo",
  OUTBOX_POLL_MS: "0",
});

afterAll(async () => {
  const { closeDb } = await import("../db/client");
  await closeDb();
  const c = new Client({ connectionString: superUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});
