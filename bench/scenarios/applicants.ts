/**
 * Applicants at work: N signed-in applicants (default 50), each with complete Бизнес бастау drafts in
 * open calls, all at once:
 *   - autosave: every applicant saves a section of its draft (PUT /api/applications/[id]/draft, the
 *     route the wizard's autosave calls), the next save as soon as the previous one answered, with the
 *     version the last answer gave (so no save is a conflict);
 *   - submit: every applicant submits one draft at the same moment (the wizard's submit server action,
 *     called as the browser calls it), ROUNDS times with fresh drafts; each submit re-validates the
 *     whole plan, freezes a revision and writes the audit row and the e-mail in one transaction.
 * The floor (GET /api/health) is measured in the same run at the same concurrency, for comparison.
 *
 * The applicants, calls and drafts are written straight into the benchmark's database (owner role),
 * as the seed does; the load itself goes only through HTTP.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "../../db/schema";
import { makeCall } from "../../db/seed/fixtures";
import { businessPlan } from "../../db/seed/plans";
import { Rng, shiftDate } from "../../db/seed/util";
import { makeIin } from "../../lib/domain/iin";
import { load, type LoadResult } from "../lib/load";
import { percentile, request, signIn, type Jar } from "../lib/http";

/** The password of the applicants prepareApplicants writes. */
export const BENCH_PASSWORD = "bench-password-2026";
const PASSWORD = BENCH_PASSWORD;

export type Applicant = { email: string; userId: string; drafts: string[]; jar?: Jar };

export type Stats = { samples: number; errors: number; rps: number; p50: number; p95: number; p99: number; max: number };

function stats(latencies: number[], errors: number, seconds: number): Stats {
  latencies.sort((a, b) => a - b);
  return {
    samples: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

/** The owner's URL of the benchmark's embedded database (from its data folder), or BENCH_DATABASE_URL. */
export function benchDatabaseUrl(dataDir: string): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  if (!dataDir) throw new Error("with BENCH_URL, set BENCH_DATABASE_URL (the owner's URL of that portal's database)");
  const pid = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
  const port = Number(pid[3]);
  const password = fs.readFileSync(path.join(dataDir, "owner-password"), "utf8").trim();
  return `postgres://jasgrant_owner:${encodeURIComponent(password)}@127.0.0.1:${port}/jasgrant`;
}

/** N verified applicants (one shared password), each with one complete draft in each of `rounds` + 1 open calls. */
export async function prepareApplicants(databaseUrl: string, n: number, rounds: number): Promise<Applicant[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const db = drizzle(pool, { schema });
  try {
    const passwordHash = await hash(PASSWORD);
    const callIds: string[] = [];
    for (let i = 0; i <= rounds; i++) callIds.push(await makeCall(db, { budgetCap: 1_000 * 1_500_000 }));
    const run = randomUUID().slice(0, 8);
    const rng = new Rng(Date.now() % 100_000);
    const base = randomInt(0, 3_000);
    const out: Applicant[] = [];
    for (let i = 0; i < n; i++) {
      const userId = randomUUID();
      const email = `bench-${run}-${i}@bench.jasgrant.demo`;
      const birthDate = shiftDate("1996-01-01", (base + i * 7) % 3_600);
      // IIN serials below 4,900: `--scale` (ranking, awards, dashboard) uses 5,000 and up. An IIN another
      // bench applicant already holds (same day, sex and serial: rare, not impossible) is drawn again.
      for (let attempt = 0; ; attempt++) {
        const inserted = await db
          .insert(schema.users)
          .values({
            id: userId,
            email,
            passwordHash,
            role: "applicant",
            surname: "Бенчмарков",
            givenName: "Өтініш",
            iin: makeIin(birthDate, i % 2 ? "male" : "female", randomInt(1_000, 4_900)),
            birthDate,
            districtCode: "ili",
            phone: "+77010000000",
            language: "kk",
            emailVerifiedAt: new Date(),
          })
          .onConflictDoNothing()
          .returning({ id: schema.users.id });
        if (inserted.length) break;
        if (attempt >= 20) throw new Error(`no free IIN for a bench applicant born ${birthDate}`);
      }
      const drafts: string[] = [];
      for (const callId of callIds) {
        const plan = businessPlan(rng, { lang: "kk", districtCode: "ili", awardAmount: 1_500_000, certificateYear: 2025 });
        const id = randomUUID();
        await db.insert(schema.applications).values({ id, callId, applicantId: userId, status: "draft", districtCode: "ili", title: plan.title, data: plan.data });
        drafts.push(id);
      }
      out.push({ email, userId, drafts });
    }
    return out;
  } finally {
    await pool.end();
  }
}

export async function signInAll(base: string, applicants: Applicant[]): Promise<void> {
  // A few at a time: argon2 verification is deliberately slow, and sign-in is not what is measured.
  for (let i = 0; i < applicants.length; i += 5) {
    await Promise.all(applicants.slice(i, i + 5).map(async (a) => (a.jar = await signIn(base, a.email, PASSWORD))));
  }
}

/** Every applicant autosaves its first draft in a closed loop for `seconds`. */
export async function autosaveLoad(base: string, applicants: Applicant[], seconds: number): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: applicants.length });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    applicants.map(async (a, i) => {
      let version = 1;
      let n = 0;
      while (performance.now() < end) {
        const body = JSON.stringify({ version, data: { idea: { idea: `Автосақтау ${i}/${n++}: ${"жоспар мәтіні ".repeat(40)}`, product: "Өнім сипаттамасы" } } });
        const t = performance.now();
        const r = await request(`${base}/api/applications/${a.drafts[0]}/draft`, {
          method: "PUT",
          agent,
          headers: { "content-type": "application/json", cookie: a.jar!.header(), origin: base },
          body,
        }).catch(() => null);
        const ms = performance.now() - t;
        const json = r && r.status === 200 ? (JSON.parse(r.body) as { ok: boolean; version?: number }) : null;
        if (json?.ok && typeof json.version === "number") {
          version = json.version;
          latencies.push(ms);
        } else {
          errors++;
          if (errors === 1) console.error(`autosave failed: HTTP ${r?.status} ${r?.body.slice(0, 300)}`);
          await new Promise((res) => setTimeout(res, 50));
        }
      }
    }),
  );
  agent.destroy();
  return stats(latencies, errors, seconds);
}

/** The floor at the same concurrency, for comparison in the same run. */
export function floorLoad(base: string, connections: number, seconds: number): Promise<LoadResult> {
  return load({ url: `${base}/api/health`, connections, durationMs: seconds * 1000, warmupMs: 1000 });
}

/** The id of a server action by its file and exported name, from the build's manifest. */
export function serverActionId(root: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  for (const [id, v] of Object.entries(manifest.node)) if (v.filename === filename && v.exportedName === exportedName) return id;
  throw new Error(`server action ${exportedName} of ${filename} not found in the build (run npm start once)`);
}

/** All applicants submit draft `round + 1` at once; one latency per submit. */
export async function submitRound(
  base: string,
  applicants: Applicant[],
  round: number,
  call: (a: Applicant, applicationId: string, agent: http.Agent) => Promise<boolean>,
): Promise<{ latencies: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: applicants.length });
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    applicants.map(async (a) => {
      const t = performance.now();
      const ok = await call(a, a.drafts[round + 1], agent).catch(() => false);
      if (ok) latencies.push(performance.now() - t);
      else errors++;
    }),
  );
  agent.destroy();
  return { latencies, errors };
}

export { stats };
