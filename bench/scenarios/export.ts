/**
 * Exports of a large call (issue 7): two benchmark calls of their own, filled with generate_series —
 * 200,000 submitted applications (BENCH_EXPORT_ROWS) and a control of 20,000 (BENCH_EXPORT_CONTROL_ROWS),
 * each with an applicant of its own — then:
 *  (1) over HTTP from the production server: GET /api/calls/<id>/export/applications.{csv,xlsx} as the
 *      demo admin, read as fast as the socket allows; time, bytes, rows/s, and the server's resident
 *      memory (VmRSS of the `next start` process tree from /proc, sampled every 50 ms) before the request
 *      and its peak during it. The server is not asked anything about its heap: no debug endpoint.
 *  (2) in this process, the same export through the data layer and the writers (openCallExport →
 *      callExportSheet → csvStream / xlsxStream), with a forced GC (v8 --expose-gc at run time) before,
 *      every 1 MiB of output and after: the memory still used after each GC (JS heap + external and
 *      ArrayBuffer memory, where Buffers live) is what the export retains; the peak without GC is shown too.
 * With memory flat, the 200,000-row figures are the 20,000-row ones, give or take noise.
 */
import http from "node:http";
import { register } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../../db/schema";
import { signIn } from "../lib/http";
import { serverRssMiB } from "../lib/server";

const ADMIN = { email: "admin@jasgrant.demo", password: "demo-password-2026" };
export const EXPORT_CALL_LARGE = "00000000-0000-4000-8000-00000000e200";
export const EXPORT_CALL_CONTROL = "00000000-0000-4000-8000-00000000e020";

/** Create the call and fill it up to `n` submitted applications (idempotent: adds what is missing). */
async function seedExportCall(db: ReturnType<typeof drizzle<typeof schema>>, callId: string, tag: string, iinPrefix: string, n: number): Promise<{ added: number; ms: number }> {
  const t0 = performance.now();
  const [bb] = await db.select({ id: schema.programmes.id }).from(schema.programmes).where(eq(schema.programmes.code, "biznes_bastau"));
  if (!bb) throw new Error("the bench database has no Бизнес бастау programme");
  await db
    .insert(schema.calls)
    .values({
      id: callId,
      programmeId: bb.id,
      year: 2025,
      titleKk: `Бизнес бастау — жүктеу сынағы (${tag})`,
      titleRu: `Бизнес бастау — тест выгрузки (${tag})`,
      titleEn: `Biznes bastau — export benchmark (${tag})`,
      opensAt: new Date("2025-02-01T04:00:00Z"),
      closesAt: new Date("2025-03-01T13:00:00Z"),
      reviewDeadline: new Date("2025-04-01T13:00:00Z"),
      budgetCap: 150_000_000,
      awardAmount: 1_500_000,
    })
    .onConflictDoNothing();
  const [{ have }] = await db.select({ have: sql<number>`count(*)::int` }).from(schema.applications).where(eq(schema.applications.callId, callId));
  if (have >= n) return { added: 0, ms: performance.now() - t0 };
  await db.execute(sql`
    WITH d AS (SELECT array_agg(code ORDER BY code) AS codes FROM districts),
    u AS (
      INSERT INTO users (email, role, surname, given_name, patronymic, iin, birth_date, sex, phone, district_code, language, email_verified_at)
      SELECT 'export-' || ${tag} || '-' || g || '@bench.jasgrant.demo', 'applicant', 'Бенчмарков', 'Сынақ ' || g, 'Жүктеуұлы',
             ${iinPrefix} || lpad(g::text, 11, '0'), DATE '2000-01-01' + (g % 3000), CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END::sex,
             '+7701' || lpad(g::text, 7, '0'), d.codes[1 + g % array_length(d.codes, 1)], 'kk', now()
      FROM generate_series(${have + 1}::int, ${n}::int) AS g, d
      RETURNING id, district_code, email
    )
    INSERT INTO applications (call_id, applicant_id, status, district_code, title, submitted_at, requested_amount, jobs_created)
    SELECT ${callId}::uuid, u.id, 'submitted', u.district_code, 'Шағын кәсіп жоспары: ' || split_part(u.email, '@', 1),
           TIMESTAMPTZ '2025-02-01 04:00Z' + (random() * interval '27 days'), 1500000, 1 + (random() * 4)::int
    FROM u`);
  return { added: n - have, ms: performance.now() - t0 };
}

export type HttpRun = { call: string; rows: number; format: "csv" | "xlsx"; ms: number; bytes: number; rssBeforeMiB: number | null; rssPeakMiB: number | null; rssAfterMiB: number | null };
export type DalRun = { rows: number; format: "csv" | "xlsx"; ms: number; bytes: number; heapBeforeMiB: number; heapRetainedMaxMiB: number; heapPeakMiB: number; heapAfterMiB: number; samples: number };
/** completed: the whole file arrived before 512 KiB (a small call, e.g. the smoke pass): nothing was dropped. */
export type CancelCheck = { format: "csv" | "xlsx"; locksWhileReading: number; locksAfterCancel: number; completed: boolean };
export type ExportBench = { seeded: { rows: number; added: number; ms: number }[]; http: HttpRun[]; cancel: CancelCheck[]; dal: DalRun[] };

const MiB = 1024 * 1024;

/** GET a file as fast as the socket allows; the server's RSS sampled every 50 ms meanwhile. */
function download(url: string, cookie: string, dataDir: string): Promise<{ ms: number; bytes: number; rows: number; rssBeforeMiB: number | null; rssPeakMiB: number | null; status: number }> {
  return new Promise((resolve, reject) => {
    const rssBeforeMiB = serverRssMiB(dataDir);
    let rssPeakMiB = rssBeforeMiB;
    const timer = setInterval(() => {
      const rss = serverRssMiB(dataDir);
      if (rss !== null && (rssPeakMiB === null || rss > rssPeakMiB)) rssPeakMiB = rss;
    }, 50);
    const t0 = performance.now();
    const req = http.get(url, { headers: { cookie } }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => {
        clearInterval(timer);
        const rss = serverRssMiB(dataDir);
        if (rss !== null && (rssPeakMiB === null || rss > rssPeakMiB)) rssPeakMiB = rss;
        resolve({ ms: performance.now() - t0, bytes, rows: Number(res.headers["x-export-rows"] ?? NaN), rssBeforeMiB, rssPeakMiB, status: res.statusCode ?? 0 });
      });
      res.on("error", (e) => {
        clearInterval(timer);
        reject(e);
      });
    });
    req.on("error", (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

export async function exportBench(base: string, ownerUrl: string, dataDir: string): Promise<ExportBench> {
  const large = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
  const control = Number(process.env.BENCH_EXPORT_CONTROL_ROWS ?? 20_000);
  const pool = new Pool({ connectionString: ownerUrl, max: 2 });
  const db = drizzle(pool, { schema });
  let adminId: string;
  const seeded: ExportBench["seeded"] = [];
  try {
    // 1…/2… IIN prefixes: no real IIN has month 00 in its birth date (digits 3–4), so no clash with the demo's.
    seeded.push({ rows: control, ...(await seedExportCall(db, EXPORT_CALL_CONTROL, "control", "1", control)) });
    seeded.push({ rows: large, ...(await seedExportCall(db, EXPORT_CALL_LARGE, "large", "2", large)) });
    await db.execute(sql`ANALYZE users; ANALYZE applications`);
    const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ADMIN.email));
    if (!admin) throw new Error("the demo admin is missing from the bench database");
    adminId = admin.id;
  } finally {
    await pool.end();
  }

  // (1) Over HTTP from `npm start`.
  const jar = await signIn(base, ADMIN.email, ADMIN.password);
  const cookie = jar.header();
  const calls = [
    { id: EXPORT_CALL_CONTROL, rows: control, name: `${control.toLocaleString("en")} rows` },
    { id: EXPORT_CALL_LARGE, rows: large, name: `${large.toLocaleString("en")} rows` },
  ];
  // Over HTTP the large export runs twice: RSS also holds garbage V8 has not collected yet and heap it
  // has not given back, so a leak shows as growth from one run to the next, not as one run's peak.
  const httpCalls = [...calls, { ...calls[1], name: `${calls[1].name} again` }];
  // Warm-up (route compiled, modules loaded, pool connections open): not reported.
  await download(`${base}/api/calls/${EXPORT_CALL_CONTROL}/export/applications.csv?lang=kk`, cookie, dataDir);
  await download(`${base}/api/calls/${EXPORT_CALL_CONTROL}/export/applications.xlsx?lang=kk`, cookie, dataDir);
  const httpRuns: HttpRun[] = [];
  for (const format of ["csv", "xlsx"] as const) {
    for (const c of httpCalls) {
      await new Promise((r) => setTimeout(r, 2000)); // let the previous run's garbage settle
      const r = await download(`${base}/api/calls/${c.id}/export/applications.${format}?lang=kk`, cookie, dataDir);
      if (r.status !== 200) throw new Error(`export ${format} of ${c.name}: HTTP ${r.status}`);
      await new Promise((r) => setTimeout(r, 3000));
      httpRuns.push({ call: c.name, rows: r.rows, format, ms: r.ms, bytes: r.bytes, rssBeforeMiB: r.rssBeforeMiB, rssPeakMiB: r.rssPeakMiB, rssAfterMiB: serverRssMiB(dataDir) });
    }
  }

  // A client that goes away mid-download: the server must close the cursor (its transaction's lock on
  // applications goes). pg_locks is readable by any role; the owner's own connection is left out.
  const cancel: CancelCheck[] = [];
  const watcher = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    const locks = async () =>
      Number(
        (await watcher.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks l JOIN pg_class k ON k.oid = l.relation WHERE k.relname = 'applications' AND l.pid <> pg_backend_pid()")).rows[0].n,
      );
    for (const format of ["csv", "xlsx"] as const) {
      let whileReading = 0;
      let completed = false;
      await new Promise<void>((resolve, reject) => {
        const req = http.get(`${base}/api/calls/${EXPORT_CALL_LARGE}/export/applications.${format}?lang=kk`, { headers: { cookie } }, (res) => {
          let bytes = 0;
          let done = false;
          res.on("data", (b: Buffer) => {
            bytes += b.length;
            if (bytes > 512 * 1024 && !done) {
              done = true;
              res.pause();
              locks()
                .then((n) => {
                  whileReading = n;
                  req.destroy();
                  resolve();
                })
                .catch(reject);
            }
          });
          res.on("end", () => {
            if (done) return;
            completed = true;
            resolve();
          });
        });
        req.on("error", () => undefined);
      });
      await new Promise((r) => setTimeout(r, 2000));
      cancel.push({ format, locksWhileReading: whileReading, locksAfterCancel: await locks(), completed });
    }
  } finally {
    await watcher.end();
  }

  // (2) In this process, with forced GCs.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  process.env.DATABASE_URL = ownerUrl;
  process.env.APP_MODE = "demo";
  process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123";
  process.env.APP_URL ??= base;
  // Outside Next's bundler, next-intl's react-server entry pulls in its client provider (React hooks the
  // react-server build of React lacks); the sheets only need createTranslator, which next-intl re-exports
  // from use-intl/core: resolve "next-intl" there for this process (bench only).
  register("data:text/javascript," + encodeURIComponent(`export async function resolve(s, c, n) { return n(s === "next-intl" ? "use-intl/core" : s, c); }`));
  const { openCallExport } = await import("../../lib/dal/exports");
  const { callExportSheet } = await import("../../lib/export/call-exports");
  const { csvStream } = await import("../../lib/export/csv");
  const { xlsxStream } = await import("../../lib/export/xlsx");
  const { closeDb } = await import("../../db/client");
  const actor = { id: adminId, role: "admin" as const };
  // The JS heap and the buffers outside it (exceljs's and zlib's are Buffers): both count.
  const heap = () => {
    const m = process.memoryUsage();
    return (m.heapUsed + m.external + m.arrayBuffers) / MiB;
  };
  const dalRuns: DalRun[] = [];
  try {
    const runOnce = async (callId: string, format: "csv" | "xlsx"): Promise<DalRun> => {
      gc();
      gc();
      const heapBeforeMiB = heap();
      const t0 = performance.now();
      const opened = await openCallExport(actor, callId, "applications", { format, language: "kk" });
      if (!opened) throw new Error("no benchmark call");
      const sheet = callExportSheet("applications", opened.call, opened.records, "kk");
      const reader = (format === "csv" ? csvStream(sheet) : xlsxStream([sheet])).getReader();
      let bytes = 0;
      // A GC and a sample every 1 MiB of output (an XLSX of 20,000 rows is under 2 MiB).
      let nextSample = 1 * MiB;
      let retainedMax = heapBeforeMiB;
      let peak = heapBeforeMiB;
      let samples = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        const h = heap();
        if (h > peak) peak = h;
        if (bytes >= nextSample) {
          nextSample += 1 * MiB;
          gc();
          samples++;
          retainedMax = Math.max(retainedMax, heap());
        }
      }
      const ms = performance.now() - t0;
      gc();
      gc();
      return { rows: opened.total, format, ms, bytes, heapBeforeMiB, heapRetainedMaxMiB: retainedMax, heapPeakMiB: peak, heapAfterMiB: heap(), samples };
    };
    await runOnce(EXPORT_CALL_CONTROL, "csv"); // warm-up
    await runOnce(EXPORT_CALL_CONTROL, "xlsx");
    for (const format of ["csv", "xlsx"] as const) {
      for (const c of calls) dalRuns.push(await runOnce(c.id, format));
    }
  } finally {
    await closeDb();
  }
  return { seeded, http: httpRuns, cancel, dal: dalRuns };
}
