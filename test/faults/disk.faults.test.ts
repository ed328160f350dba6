import { randomBytes, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { signIn } from "@/bench/lib/http";
import { benchDatabaseUrl } from "@/bench/scenarios/applicants";
import { makeIin } from "@/lib/domain/iin";
import { portal, startPortal, stopPortal } from "./portal";

/**
 * The disk fills during an upload. Uploaded files live in PostgreSQL (file_blobs); here that table is
 * moved to a tablespace on a 12 MB filesystem of its own (a tmpfs mounted for the test, so the rest of
 * the machine is untouched), and an applicant uploads 3 MB files until the filesystem is full. The
 * upload that does not fit gets a clear answer (507 `storage_full`, a message in the applicant's
 * language in the upload widget), leaves no half-file and no attachment row behind, and the draft is
 * unchanged; the portal keeps serving.
 */
const P = portal("faults-disk", Number(process.env.FAULTS_PORT ?? 3300) + 3);
const SMALL = path.join(P.dataDir, "small-disk");
let mounted = false;

afterAll(async () => {
  await stopPortal(P);
  if (mounted) spawnSync("umount", [SMALL]);
});

function pdf(bytes: number): Buffer {
  // Random content does not compress: it takes its full size on disk.
  return Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(bytes)]);
}

describe("disk full during an upload", () => {
  it("answers storage_full, leaves no half-file, keeps the draft", async () => {
    if (fs.existsSync(SMALL)) spawnSync("umount", [SMALL]);
    fs.rmSync(P.dataDir, { recursive: true, force: true });
    await startPortal(P);

    fs.mkdirSync(SMALL, { recursive: true });
    const m = spawnSync("mount", ["-t", "tmpfs", "-o", "size=12m,mode=0700", "tmpfs", SMALL], { encoding: "utf8" });
    // A machine where this cannot be done cannot run this test: it fails, it does not skip.
    expect(m.status, `mounting a 12 MB tmpfs needs root: ${m.stderr}`).toBe(0);
    mounted = true;
    spawnSync("chown", ["postgres:postgres", SMALL]);

    const owner = benchDatabaseUrl(P.dataDir);
    const superUrl = new URL(owner);
    superUrl.username = "postgres";
    superUrl.password = encodeURIComponent(JSON.parse(fs.readFileSync(path.join(P.dataDir, "pg-credentials.json"), "utf8")).superPassword);
    const su = new Client({ connectionString: superUrl.toString() });
    await su.connect();
    const db = new Client({ connectionString: owner });
    await db.connect();
    try {
      await su.query(`CREATE TABLESPACE small_disk LOCATION '${SMALL}'`);
      await su.query(`GRANT CREATE ON TABLESPACE small_disk TO jasgrant_owner`);
      await db.query(`ALTER TABLE file_blobs SET TABLESPACE small_disk`);

      // An applicant with a draft in the open call.
      const { rows: demo } = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
      const { rows: open } = await db.query<{ id: string }>(`SELECT id FROM calls WHERE closes_at > now() AND opens_at < now() AND archived_at IS NULL ORDER BY closes_at LIMIT 1`);
      const email = `disk.${randomUUID().slice(0, 8)}@example.kz`;
      const { rows: u } = await db.query<{ id: string }>(
        `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
         VALUES ($1, $2, 'applicant', now(), 'Дисков', 'Сынақ', $3, '1999-04-05', 'ili', 'kk') RETURNING id`,
        [email, demo[0].password_hash, makeIin("1999-04-05", "male", 4321)],
      );
      const { rows: a } = await db.query<{ id: string }>(
        `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data) VALUES ($1, $2, 'draft', 'ili', 'Дискке сыймаған жоспар', '{"idea":{"idea":"Сақталған мәтін"}}') RETURNING id`,
        [open[0].id, u[0].id],
      );
      const appId = a[0].id;
      const before = (await db.query(`SELECT version, data, title, updated_at FROM applications WHERE id = $1`, [appId])).rows[0];
      const jar = await signIn(P.base, email, "demo-password-2026");

      const outcomes: { status: number; code?: string }[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${P.base}/api/files?applicationId=${appId}`, {
          method: "POST",
          headers: { origin: P.base, cookie: jar.header(), "content-type": "application/pdf", "x-file-name": `plan-${i}.pdf` },
          body: new Uint8Array(pdf(3 * 1024 * 1024)),
        });
        const body = (await r.json()) as { ok: boolean; code?: string };
        outcomes.push({ status: r.status, code: body.code });
        if (r.status !== 201) break;
      }
      const stored = outcomes.filter((o) => o.status === 201).length;
      const last = outcomes.at(-1)!;
      const { rows: counts } = await db.query<{ attachments: number; blobs: number; orphans: number }>(
        `SELECT (SELECT count(*)::int FROM attachments WHERE application_id = $1) AS attachments,
                (SELECT count(*)::int FROM file_blobs) AS blobs,
                (SELECT count(*)::int FROM file_blobs b WHERE NOT EXISTS (SELECT 1 FROM attachments x WHERE x.storage_key = b.key)) AS orphans`,
        [appId],
      );
      const after = (await db.query(`SELECT version, data, title, updated_at FROM applications WHERE id = $1`, [appId])).rows[0];
      const health = await fetch(`${P.base}/api/health`);
      console.log(
        `[faults] disk of 12 MB under the files: ${stored} uploads of 3 MB stored, then ${last.status} ${last.code}; attachments ${counts[0].attachments}, orphaned blobs ${counts[0].orphans}, draft unchanged ${JSON.stringify(after) === JSON.stringify(before)}; health ${health.status}`,
      );
      expect(stored).toBeGreaterThan(0);
      expect(last).toEqual({ status: 507, code: "storage_full" });
      expect(counts[0].attachments).toBe(stored);
      expect(counts[0].orphans).toBe(0);
      expect(after).toEqual(before);
      expect(health.status).toBe(200);
    } finally {
      await db.end();
      await su.end();
    }
  });
});
