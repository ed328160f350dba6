import ExcelJS from "exceljs";
import { and, asc, eq } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { applications, auditLog, awards, calls, programmes, reviewAssignments, reviewScores, reviews, rubricCriteria, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { callExportSheet, type ExportKind } from "@/lib/export/call-exports";
import { csvStream } from "@/lib/export/csv";
import { xlsxStream } from "@/lib/export/xlsx";
import { catalogue } from "@/lib/i18n/catalogue";
import { env } from "@/lib/env";
import { applicationReference, type Actor } from "./applications";
import { openCursor } from "./cursor";
import { callExportsSummary, openCallExport } from "./exports";
import { parseCsv } from "@/test/csv";

let admin: Actor;
let reviewer: Actor;
let applicant: Actor;
let callId: string;
/** Application ids in submission order. */
const apps: string[] = [];
let criteria: { id: string; nameEn: string; scaleMin: number; scaleMax: number }[] = [];
let reviewerId: string;

/** A pool of its own for the cursor tests: its idle count says whether the client came back. */
let pool: Pool;
const checkedOut = (p: Pool) => p.totalCount - p.idleCount;

async function drain(s: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(s).arrayBuffer());
}

async function exportCsv(kind: ExportKind, locale: "kk" | "ru" | "en" = "en"): Promise<{ records: string[][]; total: number }> {
  const opened = await openCallExport(admin, callId, kind, { format: "csv", language: locale });
  if (!opened) throw new Error("no export");
  const bytes = await drain(csvStream(callExportSheet(kind, opened.call, opened.records, locale)));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(opened.records.released).toBe(true);
  return { records: parseCsv(bytes.subarray(3).toString("utf8")), total: opened.total };
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  pool = new Pool({ connectionString: env().DATABASE_URL, max: 2 });
  const db = getDb();
  admin = { id: await makeUser(db, "admin"), role: "admin" };
  reviewerId = await makeUser(db, "reviewer");
  reviewer = { id: reviewerId, role: "reviewer" };
  await db.update(users).set({ surname: "Ахметова", givenName: "Дана", patronymic: null }).where(eq(users.id, reviewerId));
  applicant = { id: await makeApplicant(db), role: "applicant" };
  callId = await makeCall(db);
  const [call] = await db.select({ programmeId: calls.programmeId }).from(calls).where(eq(calls.id, callId));
  criteria = await db
    .select({ id: rubricCriteria.id, nameEn: rubricCriteria.nameEn, scaleMin: rubricCriteria.scaleMin, scaleMax: rubricCriteria.scaleMax })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, call.programmeId))
    .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code));
  expect(criteria.length).toBeGreaterThanOrEqual(2);

  const statuses = ["awarded", "award_revoked", "waitlisted", "ineligible"] as const;
  for (const [i, status] of statuses.entries()) {
    const applicantId = await makeApplicant(db, { district: "talgar" });
    await db.update(users).set({ surname: `Бекова${i}`, givenName: "Айгерім", patronymic: "Болатқызы", phone: `+7701000000${i}` }).where(eq(users.id, applicantId));
    const id = await makeApplication(db, { callId, applicantId, status, districtCode: "talgar" });
    await db
      .update(applications)
      .set({ submittedAt: new Date(Date.parse("2025-03-10T05:00:00Z") + i * 3_600_000), title: i === 0 ? "=HYPERLINK(\"x\")" : `Жоба ${i}`, requestedAmount: 1_500_000, jobsCreated: i + 1 })
      .where(eq(applications.id, id));
    apps.push(id);
  }
  // A draft is not exported.
  await makeApplication(db, { callId, applicantId: await makeApplicant(db), status: "draft" });

  // Reviews: one submitted with every score, one draft with one score.
  for (const [i, id] of apps.slice(0, 2).entries()) {
    const [a] = await db.insert(reviewAssignments).values({ callId, applicationId: id, reviewerId }).returning({ id: reviewAssignments.id });
    const submitted = i === 0;
    const [r] = await db
      .insert(reviews)
      .values({ assignmentId: a.id, applicationId: id, reviewerId, status: submitted ? "submitted" : "draft", total: submitted ? 87.5 : null, submittedAt: submitted ? new Date("2025-04-02T07:30:00Z") : null })
      .returning({ id: reviews.id });
    const scored = submitted ? criteria : criteria.slice(0, 1);
    await db.insert(reviewScores).values(scored.map((c) => ({ reviewId: r.id, criterionId: c.id, score: c.scaleMax })));
  }
  await db.insert(awards).values([
    { applicationId: apps[0], callId, districtCode: "talgar", amount: 1_500_000, status: "active", awardedBy: admin.id, awardedAt: new Date("2025-05-05T04:00:00Z") },
    {
      applicationId: apps[1],
      callId,
      districtCode: "talgar",
      amount: 1_500_000,
      status: "revoked",
      awardedBy: admin.id,
      awardedAt: new Date("2025-05-06T04:00:00Z"),
      revokedBy: admin.id,
      revokedAt: new Date("2025-06-01T04:00:00Z"),
      revokeReason: "Бас тартты",
    },
  ]);
  await db.update(calls).set({ awardedTotal: 1_500_000 }).where(eq(calls.id, callId));
});

afterAll(async () => {
  await pool.end();
});

describe("openCursor", () => {
  const SERIES = "SELECT g AS n FROM generate_series(1, $1::int) AS g ORDER BY g";

  it("yields every row in order across batch boundaries, counts them first, and releases its client at the end", async () => {
    const rows = await openCursor(SERIES, [2503], (r: { n: number }) => r.n, { pool, batchSize: 100, countRows: true });
    expect(rows.count).toBe(2503);
    expect(checkedOut(pool)).toBe(1);
    const seen: number[] = [];
    for await (const n of rows) seen.push(n);
    expect(seen).toEqual(Array.from({ length: 2503 }, (_, i) => i + 1));
    expect(rows.released).toBe(true);
    expect(checkedOut(pool)).toBe(0);
    // An exact multiple of the batch size ends too (the last FETCH is empty).
    const even = await openCursor(SERIES, [300], (r: { n: number }) => r.n, { pool, batchSize: 100 });
    let k = 0;
    for await (const n of even) expect(n).toBe(++k);
    expect(k).toBe(300);
    expect(checkedOut(pool)).toBe(0);
    // Nothing at all.
    const none = await openCursor(SERIES, [0], (r: { n: number }) => r.n, { pool, batchSize: 100, countRows: true });
    expect(none.count).toBe(0);
    expect(await none.next()).toEqual({ done: true, value: undefined });
    expect(checkedOut(pool)).toBe(0);
  });

  it("releases its client when a FETCH fails (the error is thrown to the reader)", async () => {
    const rows = await openCursor("SELECT 1 / (g - 150) AS n FROM generate_series(1, 400) AS g", [], (r: { n: number }) => r.n, { pool, batchSize: 100 });
    let read = 0;
    await expect(
      (async () => {
        for await (const _ of rows) read++;
      })(),
    ).rejects.toThrow(/division by zero/);
    expect(read).toBe(100);
    expect(rows.released).toBe(true);
    expect(checkedOut(pool)).toBe(0);
    // The pool is still usable (the client was rolled back, not left in a failed transaction).
    const again = await openCursor(SERIES, [3], (r: { n: number }) => r.n, { pool });
    const seen: number[] = [];
    for await (const n of again) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("releases its client on early return (a break, a return() before any read, a return() during a FETCH) and when left idle", async () => {
    const a = await openCursor(SERIES, [1000], (r: { n: number }) => r.n, { pool, batchSize: 100 });
    for await (const n of a) if (n === 150) break;
    expect(a.released).toBe(true);
    expect(checkedOut(pool)).toBe(0);

    const b = await openCursor(SERIES, [1000], (r: { n: number }) => r.n, { pool, batchSize: 100 });
    await b.return!();
    expect(b.released).toBe(true);
    expect(await b.next()).toEqual({ done: true, value: undefined });
    expect(checkedOut(pool)).toBe(0);

    const c = await openCursor(SERIES, [1000], (r: { n: number }) => r.n, { pool, batchSize: 100 });
    const pending = c.next();
    await c.return!();
    expect(await pending).toEqual({ done: false, value: 1 });
    expect(checkedOut(pool)).toBe(0);

    const d = await openCursor(SERIES, [1000], (r: { n: number }) => r.n, { pool, batchSize: 100, idleMs: 50 });
    await d.next();
    await new Promise((r) => setTimeout(r, 200));
    expect(d.released).toBe(true);
    expect(checkedOut(pool)).toBe(0);
  });

  it("refuses a wrong query and gives its client back", async () => {
    await expect(openCursor("SELECT nope FROM nowhere", [], (r) => r, { pool })).rejects.toThrow();
    expect(checkedOut(pool)).toBe(0);
  });
});

describe("openCallExport", () => {
  it("is for admins only, and null for an unknown call", async () => {
    for (const actor of [reviewer, applicant]) {
      await expect(openCallExport(actor, callId, "applications", { format: "csv", language: "en" })).rejects.toThrow(/forbidden: export.download/);
      await expect(callExportsSummary(actor, callId)).rejects.toThrow(/forbidden: export.download/);
    }
    expect(await openCallExport(admin, "00000000-0000-4000-8000-000000000000", "awards", { format: "csv", language: "en" })).toBeNull();
    expect(await openCallExport(admin, "not-a-uuid", "awards", { format: "csv", language: "en" })).toBeNull();
  });

  it("applications CSV: submitted ones in order, personal data included, translated, formulas neutralised; audited", async () => {
    const before = checkedOut(getPool());
    const { records, total } = await exportCsv("applications");
    expect(checkedOut(getPool())).toBe(before);
    const t = catalogue("en").AdminExports.col;
    expect(records[0]).toEqual([t.reference, t.status, t.district, t.direction, t.title, t.applicant, t.iin, t.birthDate, t.phone, t.email, t.submittedAt, t.requestedAmount, t.jobsCreated]);
    expect(total).toBe(4);
    expect(records).toHaveLength(5);
    expect(records.slice(1).map((r) => r[0])).toEqual(apps.map(applicationReference));
    const [ref, status, district, , title, name, iin, , phone, email, submitted, amount, jobs] = records[1];
    const [u] = await getDb().select({ iin: users.iin, email: users.email }).from(users).innerJoin(applications, eq(applications.applicantId, users.id)).where(eq(applications.id, apps[0]));
    expect({ ref, status, district, title, name, iin, phone, email, submitted, amount, jobs }).toEqual({
      ref: applicationReference(apps[0]),
      status: "Awarded",
      district: "Talgar district",
      title: `'=HYPERLINK("x")`,
      name: "Бекова0 Айгерім Болатқызы",
      iin: u.iin,
      // A leading + is neutralised like any formula start (docs/decisions/0011): Excel would drop it.
      phone: "'+77010000000",
      email: u.email,
      submitted: "2025-03-10 10:00",
      amount: "1500000",
      jobs: "1",
    });
    expect(records[4][1]).toBe("Not eligible");

    const audit = await getDb()
      .select({ actorId: auditLog.actorId, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.applications"), eq(auditLog.entityId, callId)));
    expect(audit).toContainEqual({ actorId: admin.id, changes: { format: "csv", language: "en", rows: 4 } });
  });

  it("reviews CSV in Russian: one score column per criterion, total, status, submission time", async () => {
    const { records } = await exportCsv("reviews", "ru");
    const t = catalogue("ru").AdminExports;
    const [criterionNames] = await Promise.all([getDb().select({ ru: rubricCriteria.nameRu }).from(rubricCriteria).innerJoin(programmes, eq(programmes.id, rubricCriteria.programmeId)).where(eq(programmes.code, "biznes_bastau")).orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code))]);
    expect(records[0]).toEqual([
      t.col.reference,
      t.col.reviewer,
      t.col.reviewerEmail,
      ...criteria.map((c, i) => `${criterionNames[i].ru} (баллы ${c.scaleMin}–${c.scaleMax})`),
      t.col.total,
      t.col.status,
      t.col.submittedAt,
    ]);
    expect(records).toHaveLength(3);
    const n = criteria.length;
    expect(records[1].slice(0, 2)).toEqual([applicationReference(apps[0]), "Ахметова Дана"]);
    expect(records[1].slice(3, 3 + n)).toEqual(criteria.map((c) => String(c.scaleMax)));
    expect(records[1].slice(3 + n)).toEqual(["87,50", t.reviewStatus.submitted, "2025-04-02 12:30"]);
    expect(records[2].slice(3, 3 + n)).toEqual([String(criteria[0].scaleMax), ...criteria.slice(1).map(() => "")]);
    expect(records[2].slice(3 + n)).toEqual(["", t.reviewStatus.draft, ""]);
  });

  it("awards XLSX in Kazakh, read back with exceljs: active and revoked, money and dates typed", async () => {
    const opened = await openCallExport(admin, callId, "awards", { format: "xlsx", language: "kk" });
    if (!opened) throw new Error("no export");
    expect(opened.total).toBe(2);
    const sheet = callExportSheet("awards", opened.call, opened.records, "kk");
    const bytes = await drain(xlsxStream([sheet]));
    expect(opened.records.released).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const t = catalogue("kk").AdminExports;
    expect(ws.name).toBe(t.kind.awards);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([t.col.reference, t.col.applicant, t.col.district, t.col.amount, t.col.awardedAt, t.col.status, t.col.revokedAt, t.col.revokeReason]);
    expect(ws.rowCount).toBe(3);
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe(applicationReference(apps[0]));
    expect(r2.getCell(2).value).toBe("Бекова0 Айгерім Болатқызы");
    expect(r2.getCell(3).value).toBe("Талғар ауданы");
    expect(r2.getCell(4).value).toBe(1_500_000);
    expect((r2.getCell(5).value as Date).toISOString()).toBe("2025-05-05T09:00:00.000Z"); // Almaty wall clock
    expect(r2.getCell(6).value).toBe(t.awardStatus.active);
    const r3 = ws.getRow(3);
    expect(r3.getCell(6).value).toBe(t.awardStatus.revoked);
    expect(r3.getCell(8).value).toBe("Бас тартты");
  });

  it("a cancelled download releases the cursor (the stream's cancel closes the rows)", async () => {
    const opened = await openCallExport(admin, callId, "applications", { format: "csv", language: "en" });
    if (!opened) throw new Error("no export");
    const stream = csvStream(callExportSheet("applications", opened.call, opened.records, "en"));
    await stream.cancel();
    expect(opened.records.released).toBe(true);
    const x = await openCallExport(admin, callId, "applications", { format: "xlsx", language: "en" });
    if (!x) throw new Error("no export");
    const reader = xlsxStream([callExportSheet("applications", x.call, x.records, "en")]).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(x.records.released).toBe(true);
  });

  it("the exports page's counts match the exports", async () => {
    const s = await callExportsSummary(admin, callId);
    expect(s?.counts).toEqual({ applications: 4, reviews: 2, awards: 2 });
  });
});
