/**
 * Seed: reference data always; demo data only when asked (the launcher passes `env().isDemo ||
 * env().SEED_DEMO`); `--scale N` fills a closed benchmark call with N reviewed applications.
 *
 *   npx tsx db/seed.ts              reference (+ demo in demo mode or with SEED_DEMO=1)
 *   npx tsx db/seed.ts --scale 10000
 *
 * Idempotent: a second run changes nothing. Each part runs in its own transaction, serialised by an
 * advisory lock, so two launchers starting at once do not collide.
 */
import type { Db } from "@/db/client";
import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import { seedDemo, type DemoResult } from "./seed/demo";
import { seedReference, type ReferenceResult } from "./seed/reference";
import { seedScale, type ScaleResult } from "./seed/scale";

export type SeedOptions = {
  /** Insert the demo accounts, calls and applications (once). */
  demo: boolean;
  /** Make the benchmark call hold this many reviewed applications (tops up; never duplicates). */
  scale?: number;
  /** Defaults to the app's pool (DATABASE_URL). */
  db?: Db;
  log?: (line: string) => void;
};

export type SeedResult = {
  reference: ReferenceResult;
  demo: DemoResult | null;
  scale: ScaleResult | null;
};

let demoHash: Promise<string> | undefined;

/** The demo password's argon2id hash (default parameters), computed once per process. */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= import("@node-rs/argon2").then(({ hash }) => hash(DEMO_PASSWORD));
  return demoHash;
}

export async function seed(options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = options.db ?? (await import("@/db/client")).getDb();

  const reference = await seedReference(db);
  const inserted = Object.entries(reference).filter(([, n]) => n > 0);
  if (inserted.length) log(`[seed] reference data: ${inserted.map(([k, n]) => `${n} ${k}`).join(", ")}`);

  let demo: DemoResult | null = null;
  if (options.demo) {
    demo = await seedDemo(db, demoPasswordHash);
    if (demo.created) {
      log(`[seed] demo data: ${demo.users} users, ${demo.calls} calls, ${demo.applications} applications, ${demo.reviews} reviews, ${demo.awards} awards`);
    }
  }

  let scale: ScaleResult | null = null;
  if (options.scale !== undefined) {
    scale = await seedScale(db, options.scale, demoPasswordHash, log);
    const r = scale.rows;
    log(
      `[seed] benchmark call: ${scale.added.toLocaleString("en")} applications added (had ${scale.before.toLocaleString("en")}, target ${scale.target.toLocaleString("en")}) in ${(scale.ms / 1000).toFixed(2)} s`,
    );
    if (scale.added > 0) {
      log(
        `[seed] rows: users ${r.users}, consents ${r.consents}, applications ${r.applications}, revisions ${r.revisions}, ` +
          `review_assignments ${r.assignments}, reviews ${r.reviews}, review_scores ${r.scores} ` +
          `(${Object.values(r).reduce((s, n) => s + n, 0).toLocaleString("en")} rows)`,
      );
    }
  }
  return { reference, demo, scale };
}

function parseArgs(argv: string[]): { scale?: number } {
  const out: { scale?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--scale(?:=(.*))?$/.exec(a);
    if (m) {
      const raw = m[1] ?? argv[++i];
      const n = Number(raw);
      if (!raw || !Number.isInteger(n) || n < 0) throw new Error(`--scale needs a whole number ≥ 0, got ${raw ?? "nothing"}`);
      out.scale = n;
    } else {
      throw new Error(`Unknown argument ${a} (usage: tsx db/seed.ts [--scale N])`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const { env } = await import("@/lib/env");
  const { closeDb } = await import("@/db/client");
  const args = parseArgs(process.argv.slice(2));
  const e = env();
  const demo = e.isDemo || e.SEED_DEMO;
  if (args.scale !== undefined && !demo) {
    // Generated accounts share the published demo password: never in a production database by accident.
    throw new Error("--scale creates accounts with the demo password: run it in demo mode (APP_MODE=demo) or with SEED_DEMO=1");
  }
  const t0 = performance.now();
  try {
    await seed({ demo, scale: args.scale });
  } finally {
    await closeDb();
  }
  console.log(`[seed] done in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

// Run as a script (`tsx db/seed.ts`), not when imported by the launcher or tests.
if (/[\\/]db[\\/]seed(\.ts)?$/.test(process.argv[1] ?? "")) {
  main().catch((e: unknown) => {
    console.error(`[seed] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
