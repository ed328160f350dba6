/**
 * The money and integrity invariants PostgreSQL itself enforces (ARCHITECTURE.md "Money invariants are
 * enforced by PostgreSQL"), the audit log's append-only guarantees per role, and a catalog check.
 */
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { connect, testDatabase } from "@/test/db";

const AMOUNT = 1_500_000;
const CAP_GRANTS = 10;
const CONNECTIONS = 50;

/** The error a query fails with (or a failure of the test when it succeeds). */
async function failure(p: Promise<unknown>): Promise<{ code?: string; constraint?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    // Drizzle wraps the driver's error (DrizzleQueryError): the PostgreSQL fields are on its cause.
    const err = e as { code?: string; cause?: unknown };
    return (err.code === undefined && err.cause ? err.cause : err) as { code?: string; constraint?: string; message: string };
  }
  throw new Error("expected the statement to fail, it succeeded");
}

/** 50 clients of the app role, each on its own connection. */
async function clients(n: number): Promise<Client[]> {
  const url = testDatabase().appUrl;
  return Promise.all(
    Array.from({ length: n }, async () => {
      const c = new Client({ connectionString: url, application_name: "invariants-test" });
      await c.connect();
      return c;
    }),
  );
}

/** Resolves for everyone once `n` parties have arrived: makes the interleaving of the naive version certain. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((r) => (release = r));
  return () => {
    arrived++;
    if (arrived === n) release();
    return all;
  };
}

async function awardedTotal(callId: string): Promise<number> {
  const r = await getPool().query<{ t: string }>("SELECT awarded_total::text AS t FROM calls WHERE id = $1", [callId]);
  return Number(r.rows[0].t);
}

let pool: Client[] = [];

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  pool = await clients(CONNECTIONS);
});

afterAll(async () => {
  await Promise.all(pool.map((c) => c.end()));
});

describe("calls.awarded_total never exceeds budget_cap", () => {
  it("an UPDATE above the cap fails with the CHECK violation (23514)", async () => {
    const callId = await makeCall(getDb(), { budgetCap: CAP_GRANTS * AMOUNT, awardAmount: AMOUNT });
    const e = await failure(getPool().query("UPDATE calls SET awarded_total = budget_cap + 1 WHERE id = $1", [callId]));
    expect(e.code).toBe("23514");
    expect(e.constraint).toBe("calls_budget_not_overspent");
    expect(await awardedTotal(callId)).toBe(0);
  });

  it(`the conditional UPDATE … RETURNING under ${CONNECTIONS} concurrent connections awards exactly ${CAP_GRANTS}`, async () => {
    const callId = await makeCall(getDb(), { budgetCap: CAP_GRANTS * AMOUNT, awardAmount: AMOUNT });
    const start = barrier(CONNECTIONS);
    const results = await Promise.all(
      pool.map(async (c) => {
        await start(); // all 50 fire at once
        await c.query("BEGIN");
        try {
          const r = await c.query(
            `UPDATE calls SET awarded_total = awarded_total + $1
              WHERE id = $2 AND awarded_total + $1 <= budget_cap
              RETURNING awarded_total`,
            [AMOUNT, callId],
          );
          // Hold the row lock a moment, as an award transaction does while it writes the award row.
          await c.query("SELECT pg_sleep(0.005)");
          await c.query("COMMIT");
          return r.rowCount === 1;
        } catch (e) {
          await c.query("ROLLBACK");
          throw e;
        }
      }),
    );
    expect(results.filter(Boolean)).toHaveLength(CAP_GRANTS);
    expect(await awardedTotal(callId)).toBe(CAP_GRANTS * AMOUNT);
  });

  it("the naive read-then-write over-awards: lost updates when it writes the value it read", async () => {
    const callId = await makeCall(getDb(), { budgetCap: CAP_GRANTS * AMOUNT, awardAmount: AMOUNT });
    const allRead = barrier(CONNECTIONS);
    const results = await Promise.all(
      pool.map(async (c) => {
        await c.query("BEGIN"); // READ COMMITTED, the default
        const { rows } = await c.query<{ awarded: string; cap: string }>(
          "SELECT awarded_total AS awarded, budget_cap AS cap FROM calls WHERE id = $1",
          [callId],
        );
        const awarded = Number(rows[0].awarded);
        await allRead(); // everyone has read before anyone writes
        if (awarded + AMOUNT > Number(rows[0].cap)) {
          await c.query("ROLLBACK");
          return false;
        }
        await c.query("UPDATE calls SET awarded_total = $1 WHERE id = $2", [awarded + AMOUNT, callId]);
        await c.query("COMMIT");
        return true;
      }),
    );
    const granted = results.filter(Boolean).length;
    // The bug, made visible: far more than 10 grants "fit", yet the counter shows one.
    expect(granted).toBeGreaterThan(CAP_GRANTS);
    expect(await awardedTotal(callId)).toBeLessThan(granted * AMOUNT);
  });

  it("the naive check-then-increment is stopped only by the CHECK (23514)", async () => {
    const callId = await makeCall(getDb(), { budgetCap: CAP_GRANTS * AMOUNT, awardAmount: AMOUNT });
    const allRead = barrier(CONNECTIONS);
    const results = await Promise.all(
      pool.map(async (c) => {
        await c.query("BEGIN");
        const { rows } = await c.query<{ awarded: string; cap: string }>(
          "SELECT awarded_total AS awarded, budget_cap AS cap FROM calls WHERE id = $1",
          [callId],
        );
        await allRead();
        if (Number(rows[0].awarded) + AMOUNT > Number(rows[0].cap)) {
          await c.query("ROLLBACK");
          return "refused-by-app";
        }
        try {
          await c.query("UPDATE calls SET awarded_total = awarded_total + $1 WHERE id = $2", [AMOUNT, callId]);
          await c.query("COMMIT");
          return "granted";
        } catch (e) {
          await c.query("ROLLBACK");
          return (e as { code?: string }).code ?? "error";
        }
      }),
    );
    // The application's check passed for all 50 (stale read): only the database refused the other 40.
    expect(results.filter((r) => r === "refused-by-app")).toHaveLength(0);
    expect(results.filter((r) => r === "granted")).toHaveLength(CAP_GRANTS);
    expect(results.filter((r) => r === "23514")).toHaveLength(CONNECTIONS - CAP_GRANTS);
    expect(await awardedTotal(callId)).toBe(CAP_GRANTS * AMOUNT);
  });
});

describe("awards", () => {
  it("allow one active award per application; a revoked one plus a new active one is fine", async () => {
    const db = getDb();
    const admin = await makeUser(db, "admin");
    const callId = await makeCall(db);
    const applicationId = await makeApplication(db, { callId, applicantId: await makeApplicant(db), status: "reviewed" });
    const insert = (status: "active" | "revoked" = "active") =>
      getPool().query(
        `INSERT INTO awards (id, application_id, call_id, district_code, amount, status, awarded_by)
         VALUES ($1, $2, $3, 'ili', $4, $5, $6) RETURNING id`,
        [randomUUID(), applicationId, callId, AMOUNT, status, admin],
      );
    const first = (await insert()).rows[0].id as string;
    const dup = await failure(insert());
    expect(dup.code).toBe("23505");
    expect(dup.constraint).toBe("awards_one_active_per_application");

    // Revoking needs a time and a reason.
    const noReason = await failure(getPool().query("UPDATE awards SET status = 'revoked' WHERE id = $1", [first]));
    expect(noReason.code).toBe("23514");
    await getPool().query(
      "UPDATE awards SET status = 'revoked', revoked_at = now(), revoked_by = $2, revoke_reason = 'Грант мақсатсыз пайдаланылды' WHERE id = $1",
      [first, admin],
    );
    await expect(insert()).resolves.toBeTruthy();
    const n = await getPool().query("SELECT status, count(*)::int AS n FROM awards WHERE application_id = $1 GROUP BY status ORDER BY status", [applicationId]);
    expect(n.rows).toEqual([
      { status: "active", n: 1 },
      { status: "revoked", n: 1 },
    ]);
  });
});

describe("call_districts", () => {
  it("refuse more grants than a district's ceiling (23514) and a reserved minimum above the ceiling", async () => {
    const db = getDb();
    const callId = await makeCall(db, { districts: { konaev: { ceiling: 2 } } });
    await getPool().query("UPDATE call_districts SET awarded_count = 2 WHERE call_id = $1 AND district_code = 'konaev'", [callId]);
    const over = await failure(
      getPool().query("UPDATE call_districts SET awarded_count = awarded_count + 1 WHERE call_id = $1 AND district_code = 'konaev'", [callId]),
    );
    expect(over.code).toBe("23514");
    expect(over.constraint).toBe("call_districts_ceiling_respected");
    const reserved = await failure(
      getPool().query("UPDATE call_districts SET reserved_minimum = 3 WHERE call_id = $1 AND district_code = 'konaev'", [callId]),
    );
    expect(reserved.code).toBe("23514");
    // No ceiling: any count.
    await getPool().query("UPDATE call_districts SET awarded_count = 50 WHERE call_id = $1 AND district_code = 'ili'", [callId]);
  });
});

describe("applications", () => {
  it("one application per applicant per call (23505)", async () => {
    const db = getDb();
    const callId = await makeCall(db);
    const applicantId = await makeApplicant(db);
    await makeApplication(db, { callId, applicantId, status: "withdrawn" });
    const e = await failure(makeApplication(db, { callId, applicantId }));
    expect(e.code).toBe("23505");
    expect(e.constraint).toBe("applications_call_applicant_uq");
    // Another call is fine.
    await makeApplication(db, { callId: await makeCall(db), applicantId });
  });
});

describe("audit_log is append-only", () => {
  let auditId: number;

  beforeAll(async () => {
    const app = await connect("app");
    try {
      const r = await app.query<{ id: string }>(
        "INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.event', 'test', 'x') RETURNING id",
      );
      auditId = Number(r.rows[0].id);
    } finally {
      await app.end();
    }
  });

  it("the app role (DATABASE_URL) may insert and read, but not update, delete, truncate, disable the trigger or replicate", async () => {
    const app = await connect("app");
    try {
      expect((await app.query("SELECT 1 FROM audit_log WHERE id = $1", [auditId])).rowCount).toBe(1);
      for (const statement of [
        `UPDATE audit_log SET action = 'tampered' WHERE id = ${auditId}`,
        `DELETE FROM audit_log WHERE id = ${auditId}`,
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "SET session_replication_role = replica",
      ]) {
        const e = await failure(app.query(statement));
        expect(e.code, statement).toBe("42501"); // insufficient_privilege / must be owner / permission denied to set parameter
      }
      expect((await app.query("SHOW session_replication_role")).rows[0].session_replication_role).toBe("origin");
    } finally {
      await app.end();
    }
  });

  it("even the owner (DATABASE_OWNER_URL) cannot update, delete or truncate audit rows: the trigger refuses", async () => {
    const owner = await connect("owner");
    try {
      for (const statement of [
        `UPDATE audit_log SET action = 'tampered' WHERE id = ${auditId}`,
        `DELETE FROM audit_log WHERE id = ${auditId}`,
        "TRUNCATE audit_log",
      ]) {
        const e = await failure(owner.query(statement));
        expect(e.message, statement).toMatch(/append-only/);
      }
      const row = await owner.query("SELECT action FROM audit_log WHERE id = $1", [auditId]);
      expect(row.rows).toEqual([{ action: "test.event" }]);
    } finally {
      await owner.end();
    }
  });
});

describe("catalog", () => {
  it("every foreign key has an index whose leading columns are the key's columns", async () => {
    const r = await getPool().query<{ tbl: string; conname: string; fk: number[]; indexes: string[] | null }>(`
      SELECT c.conrelid::regclass::text AS tbl, c.conname, c.conkey::int[] AS fk,
             array(SELECT i.indkey::text FROM pg_index i WHERE i.indrelid = c.conrelid) AS indexes
        FROM pg_constraint c
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
       ORDER BY 1, 2`);
    expect(r.rows.length).toBeGreaterThan(20);
    const missing = r.rows
      .filter(({ fk, indexes }) =>
        !(indexes ?? []).some((k) => {
          const lead = k.split(" ").map(Number).slice(0, fk.length);
          return lead.length === fk.length && fk.every((col) => lead.includes(col));
        }),
      )
      .map((x) => `${x.tbl}.${x.conname}`);
    expect(missing).toEqual([]);
  });
});
