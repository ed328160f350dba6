import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { fileBlobs } from "@/db/schema";
import { seed } from "@/db/seed";
import { backupDatabase, restoreDatabase, tableChecksums } from "@/scripts/lib/backup";
import { testDatabase } from "@/test/db";
import { TEST_ROLES } from "@/test/roles";

/**
 * Backup and restore round trip with PostgreSQL's own tools of the server's major version (PostgreSQL 15
 * in CI): the demo data and binary files, backed up while the portal keeps writing, restored into an
 * empty database; every table's row count and checksum equal the backup's manifest, and the rows
 * written after the backup's snapshot are not in it.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-backup-"));
const restored = `jg_restore_${Date.now().toString(36)}`;
let superClient: Client;

function ownerUrlOf(database: string): string {
  const u = new URL(testDatabase().ownerUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

beforeAll(async () => {
  await seed({ demo: true, log: () => undefined });
  await getDb().insert(fileBlobs).values({ content: Buffer.from([0, 1, 2, 255, 254, 0x25, 0x50, 0x44, 0x46]) });
  superClient = new Client({ connectionString: inject("superUrl") });
  await superClient.connect();
  await superClient.query(`CREATE DATABASE ${restored} OWNER ${TEST_ROLES.owner}`);
});

afterAll(async () => {
  await superClient.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`);
  await superClient.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round-trips every table exactly, from a snapshot taken while writes go on", async () => {
    const file = path.join(dir, "jasgrant.dump");
    // Writes during the backup: each inserts a file blob; none may half-appear in the backup.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await getDb().insert(fileBlobs).values({ content: Buffer.from(`written during the backup ${written}`) });
        written += 1;
      }
    })();
    const t0 = performance.now();
    let manifest;
    try {
      manifest = await backupDatabase(testDatabase().ownerUrl, file);
    } finally {
      writing = false;
      await writer;
    }
    const backupMs = performance.now() - t0;

    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const tables = Object.keys(manifest.tables);
    expect(tables).toEqual(expect.arrayContaining(["users", "applications", "audit_log", "file_blobs", "awards", "reviews"]));
    expect(manifest.tables.users.rows).toBeGreaterThan(5);

    const t1 = performance.now();
    const report = await restoreDatabase(ownerUrlOf(restored), file);
    const restoreMs = performance.now() - t1;
    expect(report.mismatches).toEqual([]);

    // Checked again independently of the manifest: the restored database against the source, table by
    // table, minus what was written after the snapshot (file blobs only).
    const target = new Client({ connectionString: ownerUrlOf(restored) });
    await target.connect();
    const source = new Client({ connectionString: testDatabase().ownerUrl });
    await source.connect();
    try {
      const after = await tableChecksums(target);
      const now = await tableChecksums(source);
      for (const t of tables) {
        if (t === "file_blobs") continue;
        expect(after[t], t).toEqual(now[t]);
      }
      expect(after.file_blobs).toEqual(manifest.tables.file_blobs);
      // The append-only trigger came back with the schema.
      await expect(target.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
      console.log(
        `[faults] backup ${(backupMs / 1000).toFixed(2)} s (${(fs.statSync(file).size / 1024).toFixed(0)} KiB, ${report.rows} rows in ${report.tables} tables, ${written} rows written during it), restore ${(restoreMs / 1000).toFixed(2)} s, 0 differences`,
      );
    } finally {
      await target.end();
      await source.end();
    }
  });

  it("a restore that does not match its manifest says which table differs", async () => {
    const file = path.join(dir, "tampered.dump");
    await backupDatabase(testDatabase().ownerUrl, file);
    const manifest = JSON.parse(fs.readFileSync(`${file}.json`, "utf8"));
    manifest.tables.users.rows += 1;
    fs.writeFileSync(`${file}.json`, JSON.stringify(manifest));
    const report = await restoreDatabase(ownerUrlOf(restored), file);
    expect(report.mismatches).toHaveLength(1);
    expect(report.mismatches[0]).toMatch(/^users: /);
  });
});
