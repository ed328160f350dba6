/**
 * `npm run db:backup [-- --out FILE]`: back up the production database (DATABASE_OWNER_URL, else
 * DATABASE_URL) with pg_dump of the server's own major version, to FILE (default
 * backups/jasgrant-<time>.dump) and FILE.json, a manifest of every table's row count and checksum taken
 * in the dump's own snapshot. See docs/OPERATIONS.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "./lib/backup";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_OWNER_URL (or DATABASE_URL): the database to back up");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(values.out ?? `backups/jasgrant-${stamp}.dump`);
  const t0 = performance.now();
  const m = await backupDatabase(url, file);
  const rows = Object.values(m.tables).reduce((a, t) => a + t.rows, 0);
  console.log(`[backup] ${file} (PostgreSQL ${m.serverVersion}): ${Object.keys(m.tables).length} tables, ${rows} rows, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`[backup] manifest ${file}.json`);
}

main().catch((e: Error) => {
  console.error(`db:backup: ${e.message}`);
  process.exitCode = 1;
});
