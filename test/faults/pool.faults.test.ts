import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { benchDatabaseUrl } from "@/bench/scenarios/applicants";
import { catalogue } from "@/lib/i18n/catalogue";
import { portal, startPortal, stopPortal, timed } from "./portal";

/**
 * The connection pool exhausted. The portal runs with a pool of 3 connections and a 2-second wait for
 * one. Another session holds an exclusive lock on `calls`, so every request that reads calls keeps its
 * connection while it waits: the first 3 take the pool, the next ones wait for a connection. Those
 * waiting give up after the bound and answer the error page's "try again"; the health route answers 503
 * the same way; the process stays up. When the lock goes, the blocked requests finish and the portal
 * serves normally.
 */
const P = portal("faults-pool", Number(process.env.FAULTS_PORT ?? 3300) + 2);
const POOL = 3;
const WAIT_MS = 2_000;
const kk = catalogue("kk") as unknown as { ErrorPage: { retry: string } };

afterAll(async () => {
  await stopPortal(P);
});

describe("connection pool exhausted", () => {
  it("waits up to the bound, then answers 'try again'; the process stays up and recovers", async () => {
    await startPortal(P, { DB_POOL_MAX: String(POOL), DB_CONNECT_TIMEOUT_MS: String(WAIT_MS) });
    expect((await timed(`${P.base}/results`)).status).toBe(200);

    const locker = new Client({ connectionString: benchDatabaseUrl(P.dataDir) });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE calls IN ACCESS EXCLUSIVE MODE");
    const lockedAt = performance.now();

    // 8 page requests at once: 3 hold the pool (blocked by the lock), 5 wait for a connection.
    const pages = Array.from({ length: 8 }, () => timed(`${P.base}/results`));
    await new Promise((r) => setTimeout(r, 500));
    const health = await timed(`${P.base}/api/health`);

    // Wait past the bound, then release the lock.
    await new Promise((r) => setTimeout(r, WAIT_MS + 2_000));
    const releasedAt = performance.now();
    await locker.query("ROLLBACK");
    await locker.end();
    const results = await Promise.all(pages);

    const refused = results.filter((r) => r.status >= 500);
    const served = results.filter((r) => r.status === 200);
    console.log(
      `[faults] pool of ${POOL} exhausted by a lock held ${((releasedAt - lockedAt) / 1000).toFixed(1)} s: 8 page requests → ${served.length} served after the lock went, ` +
        `${refused.length} answered "try again" after ${(Math.max(...refused.map((r) => r.ms), 0) / 1000).toFixed(1)} s at most; health ${health.status} in ${(health.ms / 1000).toFixed(1)} s`,
    );
    // The waiting ones gave up within the bound (plus rendering), with the error page.
    expect(refused.length).toBeGreaterThanOrEqual(8 - POOL);
    for (const r of refused) {
      expect(r.ms).toBeLessThan(WAIT_MS + 3_000);
      expect(r.body).toContain(kk.ErrorPage.retry);
    }
    // The ones holding a connection finished once the lock went; none hung without an answer.
    expect(results.every((r) => r.status !== 0)).toBe(true);
    expect(served.length + refused.length).toBe(8);
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(WAIT_MS + 2_000);

    // The process is still up and serves normally.
    expect((await timed(`${P.base}/api/health`)).status).toBe(200);
    expect((await timed(`${P.base}/results`)).status).toBe(200);
    expect(P.launcher?.exitCode).toBeNull();
  });
});
