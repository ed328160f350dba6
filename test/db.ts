/**
 * What an integration test file knows of its database (set by test/db-setup.ts before the file runs).
 * `DATABASE_URL` is the app role (owns nothing, cannot change the audit log); `ownerUrl` migrates.
 */
import { Client } from "pg";

export type TestDatabase = { name: string; superUrl: string; ownerUrl: string; appUrl: string };

let current: TestDatabase | undefined;

export function setTestDatabase(db: TestDatabase): void {
  current = db;
}

export function testDatabase(): TestDatabase {
  if (!current) throw new Error("test/db-setup.ts did not run: is this file named *.int.test.ts?");
  return current;
}

/** A fresh pg client (caller ends it): 'app' is the app role, 'owner' the schema owner. */
export async function connect(as: "app" | "owner" | "super" = "app"): Promise<Client> {
  const db = testDatabase();
  const url = as === "app" ? db.appUrl : as === "owner" ? db.ownerUrl : db.superUrl.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}
