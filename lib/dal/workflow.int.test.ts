import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { applications, auditLog } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { resetClock, setClock } from "@/lib/clock";
import { connect } from "@/test/db";
import { applyTransition } from "./workflow";

const DAY = 86_400_000;
/** A fixed "now" and a call closing a day later (a deadline is an instant). */
const NOW = new Date("2026-05-10T08:00:00Z");
const CLOSES = new Date(NOW.getTime() + DAY);

async function auditRows(applicationId: string) {
  return getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, actorRole: auditLog.actorRole, changes: auditLog.changes, changedFields: auditLog.changedFields })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "application"), eq(auditLog.entityId, applicationId)));
}

async function application(id: string) {
  const [row] = await getDb().select().from(applications).where(eq(applications.id, id));
  return row;
}

async function draft(opts: { closesAt?: Date } = {}) {
  const db = getDb();
  const callId = await makeCall(db, { opensAt: new Date(NOW.getTime() - 10 * DAY), closesAt: opts.closesAt ?? CLOSES });
  const applicantId = await makeApplicant(db);
  const applicationId = await makeApplication(db, { callId, applicantId });
  return { callId, applicantId, applicationId };
}

class Boom extends Error {}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
});

afterEach(() => resetClock());

describe("applyTransition", () => {
  it("submits before the deadline and writes exactly one audit row, in the same transaction", async () => {
    const { applicantId, applicationId } = await draft();
    setClock(NOW);
    const observer = await connect("app");
    try {
      const result = await getDb().transaction(async (tx) => {
        const r = await applyTransition(tx, { applicationId, transition: "submit", actor: { id: applicantId, role: "applicant" }, expectedVersion: 1 });
        // Not yet committed: another connection sees neither the status nor the audit row.
        const outside = await observer.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1", [applicationId]);
        expect(outside.rows[0].n).toBe(0);
        expect((await observer.query("SELECT status FROM applications WHERE id = $1", [applicationId])).rows[0].status).toBe("draft");
        return r;
      });
      expect(result).toEqual({ ok: true, from: "draft", to: "submitted", version: 2 });

      const app = await application(applicationId);
      expect(app.status).toBe("submitted");
      expect(app.submittedAt?.toISOString()).toBe(NOW.toISOString());
      expect(app.updatedAt.toISOString()).toBe(NOW.toISOString());
      expect(app.version).toBe(2);

      const audit = await auditRows(applicationId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "application.submit",
        actorId: applicantId,
        actorRole: "applicant",
        changes: { status: { from: "draft", to: "submitted" }, submittedAt: NOW.toISOString() },
      });
      expect(audit[0].changedFields).toEqual(expect.arrayContaining(["status", "submittedAt"]));

      // One transaction wrote both: the audit row and the application's new version share a transaction id.
      const xids = await observer.query(
        `SELECT (SELECT xmin::text FROM applications WHERE id = $1::uuid) AS app, (SELECT xmin::text FROM audit_log WHERE entity_id = $1::text) AS audit`,
        [applicationId],
      );
      expect(xids.rows[0].app).toBe(xids.rows[0].audit);
    } finally {
      await observer.end();
    }
  });

  it("refuses a submission at or after the deadline and writes nothing", async () => {
    const { applicantId, applicationId } = await draft();
    for (const at of [CLOSES, new Date(CLOSES.getTime() + 1)]) {
      setClock(at);
      const r = await getDb().transaction((tx) =>
        applyTransition(tx, { applicationId, transition: "submit", actor: { id: applicantId, role: "applicant" } }),
      );
      expect(r).toEqual({ ok: false, code: "deadline_passed" });
    }
    const app = await application(applicationId);
    expect(app).toMatchObject({ status: "draft", version: 1, submittedAt: null });
    expect(await auditRows(applicationId)).toHaveLength(0);
  });

  it("refuses an invalid transition and writes nothing", async () => {
    const { applicationId } = await draft();
    const admin = await makeUser(getDb(), "admin");
    setClock(NOW);
    const r = await getDb().transaction((tx) =>
      applyTransition(tx, { applicationId, transition: "award", actor: { id: admin, role: "admin" } }),
    );
    expect(r).toEqual({ ok: false, code: "invalid_transition" });
    expect(await application(applicationId)).toMatchObject({ status: "draft", version: 1 });
    expect(await auditRows(applicationId)).toHaveLength(0);
  });

  it("rolls back both the status and the audit row when the transaction fails afterwards", async () => {
    const { applicantId, applicationId } = await draft();
    setClock(NOW);
    await expect(
      getDb().transaction(async (tx) => {
        const r = await applyTransition(tx, { applicationId, transition: "submit", actor: { id: applicantId, role: "applicant" } });
        expect(r.ok).toBe(true);
        throw new Boom("a later step of the submission failed");
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await application(applicationId)).toMatchObject({ status: "draft", version: 1, submittedAt: null });
    expect(await auditRows(applicationId)).toHaveLength(0);
  });

  it("scopes applicants to their own applications, refuses reviewers, and detects a stale version", async () => {
    const { applicantId, applicationId } = await draft();
    const stranger = await makeApplicant(getDb());
    const reviewer = await makeUser(getDb(), "reviewer");
    setClock(NOW);
    const run = (input: Parameters<typeof applyTransition>[1]) => getDb().transaction((tx) => applyTransition(tx, input));
    expect(await run({ applicationId, transition: "submit", actor: { id: stranger, role: "applicant" } })).toEqual({ ok: false, code: "not_found" });
    expect(await run({ applicationId, transition: "submit", actor: { id: reviewer, role: "reviewer" } })).toEqual({ ok: false, code: "forbidden" });
    expect(await run({ applicationId: "00000000-0000-4000-8000-000000000000", transition: "submit", actor: { id: applicantId, role: "applicant" } })).toEqual({ ok: false, code: "not_found" });
    expect(await run({ applicationId: "not-a-uuid", transition: "submit", actor: { id: applicantId, role: "applicant" } })).toEqual({ ok: false, code: "not_found" });
    expect(await run({ applicationId, transition: "submit", actor: { id: applicantId, role: "applicant" }, expectedVersion: 7 })).toEqual({ ok: false, code: "conflict" });
    expect(await auditRows(applicationId)).toHaveLength(0);
  });

  it("records withdraw, reopen and screening with their timestamps and the screener", async () => {
    const { applicantId, applicationId } = await draft();
    const admin = await makeUser(getDb(), "admin");
    const me = { id: applicantId, role: "applicant" as const };
    const run = (input: Parameters<typeof applyTransition>[1]) => getDb().transaction((tx) => applyTransition(tx, input));

    setClock(NOW);
    expect(await run({ applicationId, transition: "submit", actor: me })).toMatchObject({ ok: true, to: "submitted" });
    setClock(new Date(NOW.getTime() + 60_000));
    expect(await run({ applicationId, transition: "withdraw", actor: me })).toMatchObject({ ok: true, to: "withdrawn" });
    expect((await application(applicationId)).withdrawnAt?.toISOString()).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect(await run({ applicationId, transition: "reopen", actor: me })).toMatchObject({ ok: true, to: "draft" });
    expect(await application(applicationId)).toMatchObject({ status: "draft", withdrawnAt: null, submittedAt: null });
    expect(await run({ applicationId, transition: "submit", actor: me })).toMatchObject({ ok: true, to: "submitted" });

    // After the deadline the admin screens.
    setClock(new Date(CLOSES.getTime() + DAY));
    await expect(run({ applicationId, transition: "screen_refuse", actor: { id: admin, role: "admin" } })).rejects.toThrow(/reason/);
    const refused = await run({ applicationId, transition: "screen_refuse", actor: { id: admin, role: "admin" }, reason: "Оқу сертификаты жоқ" });
    expect(refused).toMatchObject({ ok: true, from: "submitted", to: "ineligible", version: 6 });
    const app = await application(applicationId);
    expect(app).toMatchObject({ status: "ineligible", screenedBy: admin, screeningReason: "Оқу сертификаты жоқ" });
    expect(app.screenedAt?.toISOString()).toBe(new Date(CLOSES.getTime() + DAY).toISOString());

    const audit = await auditRows(applicationId);
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["application.reopen", "application.screen_refuse", "application.submit", "application.submit", "application.withdraw"].sort(),
    );
    // The free-text reason is named, never copied into the append-only log.
    const refuse = audit.find((a) => a.action === "application.screen_refuse")!;
    expect(refuse.changedFields).toContain("screeningReason");
    expect(JSON.stringify(refuse.changes)).not.toContain("сертификаты");
    // A final status has no way out.
    expect(await run({ applicationId, transition: "screen_pass", actor: { id: admin, role: "admin" } })).toEqual({ ok: false, code: "invalid_transition" });
  });

  it("serialises concurrent transitions on the row lock: of two submits, one wins", async () => {
    const { applicantId, applicationId } = await draft();
    setClock(NOW);
    const me = { id: applicantId, role: "applicant" as const };
    const results = await Promise.all(
      [0, 1].map(() =>
        getDb().transaction(async (tx) => {
          const r = await applyTransition(tx, { applicationId, transition: "submit", actor: me });
          await tx.execute(sql`SELECT pg_sleep(0.05)`);
          return r;
        }),
      ),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["invalid_transition", "ok"]);
    expect(await auditRows(applicationId)).toHaveLength(1);
    const n = await getPool().query("SELECT version FROM applications WHERE id = $1", [applicationId]);
    expect(n.rows[0].version).toBe(2);
  });
});
