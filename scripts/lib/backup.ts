/**
 * Backups with PostgreSQL's own tools: pg_dump (custom format) and pg_restore of the server's own major
 * version, found in PG_BIN_DIR, /usr/lib/postgresql/<major>/bin or on the PATH. A backup is consistent:
 * pg_dump reads the snapshot a transaction exported, and the manifest written beside the dump (row count
 * and checksum of every table) is computed in that same snapshot, so a restore can be proved equal to
 * the moment of the backup even if the portal kept writing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";

export type TableSum = { rows: number; md5: string };
export type Manifest = { createdAt: string; serverVersion: string; database: string; tables: Record<string, TableSum> };

/** The major version of the server behind a connection (e.g. 15, 18). */
export async function serverMajor(client: Client): Promise<number> {
  const v = (await client.query<{ n: string }>("SELECT current_setting('server_version_num') AS n")).rows[0].n;
  return Math.floor(Number(v) / 10_000);
}

function toolMajor(bin: string): number | null {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout ?? "");
  return m ? Number(m[1]) : null;
}

/** pg_dump / pg_restore of exactly this major version, or an error naming what to install. */
export function findTool(tool: "pg_dump" | "pg_restore", major: number): string {
  const candidates = [
    process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : null,
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    `/usr/pgsql-${major}/bin/${tool}`,
    tool,
  ].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    if (c.includes("/") && !fs.existsSync(c)) continue;
    if (toolMajor(c) === major) return c;
  }
  throw new Error(`${tool} of PostgreSQL ${major} (the server's version) was not found: install postgresql-client-${major} or set PG_BIN_DIR`);
}

/**
 * Settings that make a row's text the same on any server: a restore onto a machine with another time
 * zone, date style or locale must not look different.
 */
export async function canonicalSession(client: Client): Promise<void> {
  await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET bytea_output = 'hex'");
}

/**
 * Row count and checksum of every table of the public schema: each row's text hashed, the hashes sorted
 * (byte order) and hashed again, so no single value grows with the table (PostgreSQL caps a value at 1 GB).
 */
export async function tableChecksums(client: Client): Promise<Record<string, TableSum>> {
  await canonicalSession(client);
  const tables = (
    await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  ).rows.map((r) => r.t);
  const out: Record<string, TableSum> = {};
  for (const t of tables) {
    const id = client.escapeIdentifier(t);
    const r = await client.query<{ n: string; md5: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(x.h, '' ORDER BY x.h COLLATE "C"), '')) AS md5 FROM (SELECT md5(t::text) AS h FROM public.${id} t) x`,
    );
    out[t] = { rows: Number(r.rows[0].n), md5: r.rows[0].md5 };
  }
  return out;
}

function run(bin: string, args: string[], url: string): void {
  const u = new URL(url);
  // The password goes by the environment, never on a command line another user could read.
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const r = spawnSync(bin, args, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${(r.stderr || r.stdout || "").trim().split("\n").slice(-5).join(" | ")}`);
}

/** The connection as libpq takes it: the whole URL (its sslmode, host and other parameters kept), without the password. */
function connArgs(url: string): string[] {
  const u = new URL(url);
  u.password = "";
  return [`--dbname=${u.toString()}`];
}

/**
 * Back the database up to `file` (pg_dump custom format) and `file`.json (the manifest), from one
 * exported snapshot. `url` is the schema owner's connection. Returns the manifest.
 */
export async function backupDatabase(url: string, file: string): Promise<Manifest> {
  const client = new Client({ connectionString: url, application_name: "jas-grant-backup" });
  await client.connect();
  try {
    const major = await serverMajor(client);
    const pgDump = findTool("pg_dump", major);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0].s;
    const tables = await tableChecksums(client);
    const serverVersion = (await client.query<{ v: string }>("SHOW server_version")).rows[0].v;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const partial = `${file}.partial`;
    try {
      run(pgDump, [...connArgs(url), "--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, "--file", partial], url);
    } catch (err) {
      // A half-written dump holds personal data and is no backup: it goes.
      fs.rmSync(partial, { force: true });
      throw err;
    }
    await client.query("COMMIT");
    const manifest: Manifest = { createdAt: new Date().toISOString(), serverVersion, database: decodeURIComponent(new URL(url).pathname.slice(1)), tables };
    // The manifest first, then the dump takes its final name: a dump under its final name always has its manifest.
    fs.writeFileSync(`${file}.json.partial`, JSON.stringify(manifest, null, 2));
    fs.renameSync(`${file}.json.partial`, `${file}.json`);
    fs.renameSync(partial, file);
    return manifest;
  } finally {
    await client.end();
  }
}

export type RestoreReport = { tables: number; rows: number; mismatches: string[] };

/**
 * Restore `file` into the database at `url` (the schema owner's connection; the database should be
 * empty: existing objects are dropped first), then compare every table with the backup's manifest.
 */
export async function restoreDatabase(url: string, file: string): Promise<RestoreReport> {
  const manifest = JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as Manifest;
  const client = new Client({ connectionString: url, application_name: "jas-grant-restore" });
  await client.connect();
  try {
    const major = await serverMajor(client);
    const pgRestore = findTool("pg_restore", major);
    run(pgRestore, [...connArgs(url), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file], url);
    const now = await tableChecksums(client);
    const mismatches: string[] = [];
    for (const [t, sum] of Object.entries(manifest.tables)) {
      const got = now[t];
      if (!got) mismatches.push(`${t}: missing`);
      else if (got.rows !== sum.rows || got.md5 !== sum.md5) mismatches.push(`${t}: ${got.rows} rows (${got.md5}), backup had ${sum.rows} (${sum.md5})`);
    }
    for (const t of Object.keys(now)) if (!manifest.tables[t]) mismatches.push(`${t}: not in the backup`);
    return { tables: Object.keys(manifest.tables).length, rows: Object.values(manifest.tables).reduce((a, s) => a + s.rows, 0), mismatches };
  } finally {
    await client.end();
  }
}
