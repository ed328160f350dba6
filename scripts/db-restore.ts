/**
 * `npm run db:restore -- FILE --yes`: restore a backup made by db:backup into the database at
 * DATABASE_OWNER_URL (else DATABASE_URL) with pg_restore of the server's own major version, replacing
 * what is there; grant the app role (DATABASE_URL's user) again; then compare every table with the
 * backup's manifest and exit non-zero on any difference. Stop the portal first. See docs/OPERATIONS.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { grantAppRole, urlUser } from "../db/migrate";
import { restoreDatabase } from "./lib/backup";

async function main() {
  const { values, positionals } = parseArgs({ options: { yes: { type: "boolean" } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new Error("name the backup file: npm run db:restore -- backups/jasgrant-….dump --yes");
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  const appUrl = process.env.DATABASE_URL;
  if (!url || !appUrl) throw new Error("set DATABASE_URL (the app role, granted again after the restore) and DATABASE_OWNER_URL (the schema's owner)");
  if (!values.yes) throw new Error(`this replaces everything in ${new URL(url).pathname.slice(1)}; add --yes to go on`);
  const t0 = performance.now();
  const report = await restoreDatabase(url, path.resolve(file));
  if (urlUser(appUrl) !== urlUser(url)) {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await grantAppRole(c, urlUser(appUrl));
    } finally {
      await c.end();
    }
  }
  console.log(`[restore] ${report.tables} tables, ${report.rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (report.mismatches.length) {
    console.error(`[restore] differs from the backup's manifest:\n  ${report.mismatches.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log("[restore] every table's row count and checksum equal the backup's");
}

main().catch((e: Error) => {
  console.error(`db:restore: ${e.message}`);
  process.exitCode = 1;
});
