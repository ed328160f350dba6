/**
 * The award storm over HTTP, split across two `next start` processes sharing one database: the benchmark
 * server (A) and a second production server (B) started here on the same PostgreSQL (DATABASE_URL = A's
 * database, the same AUTH_SECRET). A call of its own with a budget for 91 grants and 300 reviewed
 * applications; the demo admin signs in on both; all 300 award actions are posted at once, alternating
 * between A and B, each with its own idempotency key, through the real server action (its id from the
 * build's manifest). Then the invariants are read from the database: exactly 91 awards, awarded_total =
 * the sum of active awards = 91 × 1,500,000, no application awarded twice. Figures only.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../../db/schema";
import { makeApplicant, makeApplication, makeCall } from "../../db/seed/fixtures";
import { percentile, request, signIn } from "../lib/http";
import { serverActionId } from "./applicants";

const ADMIN = { email: "admin@jasgrant.demo", password: "demo-password-2026" };
const AWARD_ACTION = { file: "app/[locale]/(admin)/admin/calls/[id]/awards/actions.ts", name: "promoteAction" };
const M = 1_500_000;

export type StormResult = {
  attempts: number;
  awarded: number;
  refusedBudget: number;
  otherFailures: number;
  wallMs: number;
  p50: number;
  p95: number;
  perServer: Record<string, number>;
  invariants: { awardedTotal: number; activeSum: number; active: number; distinctApps: number; cap: number };
};

/** Start a second production server on A's database; resolves when it answers. */
async function startSecond(dataDir: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const pid = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
  const pgPort = Number(pid[3]);
  const read = (f: string) => fs.readFileSync(path.join(dataDir, f), "utf8").trim();
  const appUrl = `postgres://jasgrant_app:${encodeURIComponent(read("app-password"))}@127.0.0.1:${pgPort}/jasgrant`;
  const ownerUrl = `postgres://jasgrant_owner:${encodeURIComponent(read("owner-password"))}@127.0.0.1:${pgPort}/jasgrant`;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, AUTH_SECRET: read("auth-secret"), APP_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("Jas Grant is running")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`second server exited (${code}):\n${out.slice(-2000)}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        process.kill(-child.pid!, "SIGTERM");
      }),
  };
}

export async function stormBench(baseA: string, ownerUrl: string, dataDir: string, portB: number, n = 300, grants = 91): Promise<StormResult> {
  const pool = new Pool({ connectionString: ownerUrl, max: 4 });
  const db = drizzle(pool, { schema });
  const second = await startSecond(dataDir, portB);
  try {
    const callId = await makeCall(db, { budgetCap: grants * M, awardAmount: M });
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await makeApplication(db, { callId, applicantId: await makeApplicant(db), status: "reviewed", districtCode: "talgar" }));

    const servers = [baseA, second.url];
    const jars = await Promise.all(servers.map((s) => signIn(s, ADMIN.email, ADMIN.password)));
    const actionId = serverActionId(path.resolve("."), AWARD_ACTION.file, AWARD_ACTION.name);
    const agents = servers.map(() => new http.Agent({ keepAlive: true, maxSockets: n }));
    const perServer: Record<string, number> = { A: 0, B: 0 };
    const latencies: number[] = [];
    let awarded = 0;
    let refusedBudget = 0;
    let otherFailures = 0;
    const t0 = performance.now();
    await Promise.all(
      ids.map(async (applicationId, i) => {
        const s = i % 2;
        const started = performance.now();
        const res = await request(`${servers[s]}/admin/calls/${callId}/awards`, {
          method: "POST",
          agent: agents[s],
          headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: servers[s], cookie: jars[s].header() },
          body: JSON.stringify([{ applicationId, idempotencyKey: randomUUID() }]),
        });
        latencies.push(performance.now() - started);
        if (res.status === 200 && res.body.includes('"ok":true')) {
          awarded++;
          perServer[s ? "B" : "A"]++;
        } else if (res.status === 200 && res.body.includes('"code":"budget_exhausted"')) refusedBudget++;
        else {
          if (otherFailures === 0) console.error(`award failed: HTTP ${res.status} ${res.body.slice(0, 300)}`);
          otherFailures++;
        }
      }),
    );
    const wallMs = performance.now() - t0;
    for (const a of agents) a.destroy();

    const [c] = await db.select({ total: schema.calls.awardedTotal, cap: schema.calls.budgetCap }).from(schema.calls).where(eq(schema.calls.id, callId));
    const [s] = await db
      .select({ sum: sql<string>`coalesce(sum(${schema.awards.amount}), 0)`, n: sql<number>`count(*)::int`, apps: sql<number>`count(distinct ${schema.awards.applicationId})::int` })
      .from(schema.awards)
      .where(and(eq(schema.awards.callId, callId), eq(schema.awards.status, "active")));
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      attempts: n,
      awarded,
      refusedBudget,
      otherFailures,
      wallMs,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      perServer,
      invariants: { awardedTotal: c.total, activeSum: Number(s.sum), active: s.n, distinctApps: s.apps, cap: c.cap },
    };
  } finally {
    await second.stop();
    await pool.end();
  }
}
