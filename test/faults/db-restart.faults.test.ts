import { afterAll, describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { pgCtl, portal, postmasterOptions, startPortal, stopPortal, timed } from "./portal";

/**
 * PostgreSQL restarted under load. The portal runs (`npm start`); requests keep coming (the health
 * route, which runs `SELECT 1` through the pool, and the public results page, which reads the
 * database); PostgreSQL is stopped (fast shutdown, as a restart or a failover does) and started again a
 * few seconds later. While it is down: the health route answers 503 within the pool's connection
 * timeout, and pages answer within it too, with the error page's "try again" — nothing hangs. Once it is
 * back, the portal serves normally again by itself, without a restart.
 */
const P = portal("faults-db", Number(process.env.FAULTS_PORT ?? 3300) + 1);
const CONNECT_TIMEOUT_MS = 3_000;
const kk = catalogue("kk") as unknown as { ErrorPage: { retry: string } };

afterAll(async () => {
  await stopPortal(P);
  pgCtl(P, ["stop", "-m", "immediate"]);
});

describe("PostgreSQL restart under load", () => {
  it("answers 503 and 'try again' while the database is down, and recovers by itself", async () => {
    await startPortal(P, { DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS), DB_POOL_MAX: "5" });
    expect((await timed(`${P.base}/api/health`)).status).toBe(200);
    expect((await timed(`${P.base}/results`)).status).toBe(200);
    const options = postmasterOptions(P);

    // Load: 8 clients in a loop until told to stop.
    let loading = true;
    const seen: { at: number; status: number; ms: number }[] = [];
    const t0 = performance.now();
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        while (loading) {
          const r = await timed(`${P.base}${i % 2 ? "/results" : "/api/health"}`);
          seen.push({ at: performance.now() - t0, status: r.status, ms: r.ms });
        }
      }),
    );
    let stoppedAt = 0;
    let backAt = 0;
    let recoveredMs = -1;
    try {
      await new Promise((r) => setTimeout(r, 1_000));

      stoppedAt = performance.now();
      const stop = pgCtl(P, ["stop", "-m", "fast", "-w"]);
      expect(stop.status, stop.out).toBe(0);

      // Down: the health route says so, a page says "try again", and both answer within the timeout.
      const health = await timed(`${P.base}/api/health`);
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
      const page = await timed(`${P.base}/results`);
      expect(page.status).toBeGreaterThanOrEqual(500);
      expect(page.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000);
      expect(page.body).toContain(kk.ErrorPage.retry);
      await new Promise((r) => setTimeout(r, 3_000));

      const start = pgCtl(P, ["start", "-w", "-o", options, "-l", `${P.dataDir}/postgresql.log`]);
      expect(start.status, start.out).toBe(0);
      backAt = performance.now();
      for (let i = 0; i < 120; i++) {
        if ((await timed(`${P.base}/api/health`)).status === 200) {
          recoveredMs = performance.now() - backAt;
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(recoveredMs).toBeGreaterThanOrEqual(0);
      expect((await timed(`${P.base}/results`)).status).toBe(200);
    } finally {
      // However the steps above end, the load stops.
      loading = false;
      await load;
    }
    const during = seen.filter((s) => s.at >= stoppedAt - t0 && s.at <= backAt - t0);
    const hung = seen.filter((s) => s.status === 0);
    const slowest = Math.max(...during.map((s) => s.ms), 0);
    console.log(
      `[faults] PostgreSQL down ${((backAt - stoppedAt) / 1000).toFixed(1)} s under load of 8 clients: ${seen.length} requests, ` +
        `${during.length} while down (statuses ${[...new Set(during.map((s) => s.status))].sort().join(", ")}, slowest ${(slowest / 1000).toFixed(1)} s), ` +
        `${hung.length} without an answer; health 200 again ${(recoveredMs / 1000).toFixed(2)} s after the database, without restarting the portal`,
    );
    expect(hung).toEqual([]);
    expect(slowest).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000);
  });
});
