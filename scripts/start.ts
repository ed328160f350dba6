/**
 * `npm start`: the one command that runs the portal.
 *
 * Without DATABASE_URL (local demo): starts the embedded PostgreSQL under JG_DATA_DIR (default .data),
 * creates the owner and app roles, migrates, seeds reference and demo data, builds the app when no
 * up-to-date build exists, and runs `next start` on PORT (default 3000).
 * With DATABASE_URL (production): starts no database, requires AUTH_SECRET and APP_URL, migrates
 * (as DATABASE_OWNER_URL when given), seeds reference data only (demo data only with SEED_DEMO=1).
 *
 * Ctrl-C / SIGTERM stop Next first, then PostgreSQL. After an unclean stop (SIGKILL), the next start
 * stops what the killed launcher left running and PostgreSQL recovers its own WAL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { migrateDatabase, urlUser } from "../db/migrate";
import { startLocalDatabase, localAuthSecret } from "./lib/local-db";
import { sourceHash } from "./lib/source-hash";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo-accounts";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const log = (s: string) => console.log(s);
const t0 = Date.now();

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
let nextChild: ChildProcess | undefined;
let stopDatabase: (() => Promise<void>) | undefined;
let shuttingDown = false;
let shutdownDone: Promise<never> | undefined;

/** Stop Next, then PostgreSQL, then exit. A second signal during the shutdown waits for the first. */
function shutdown(code: number): Promise<never> {
  shuttingDown = true;
  shutdownDone ??= (async () => {
    if (nextChild && nextChild.exitCode === null && nextChild.signalCode === null) {
      log("[start] stopping Next");
      const exited = new Promise((r) => nextChild!.once("exit", r));
      nextChild.kill("SIGTERM");
      const timer = setTimeout(() => nextChild?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (stopDatabase) {
      log("[start] stopping PostgreSQL");
      await stopDatabase();
    }
    removePidFile();
    process.exit(code);
  })();
  return shutdownDone;
}

let pidFile: string | undefined;
function removePidFile() {
  if (pidFile && fs.existsSync(pidFile)) fs.rmSync(pidFile, { force: true });
}

/** A Next server left running by a launcher that was killed (SIGKILL) holds the port: stop it. */
function stopOrphanNext(file: string) {
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, "utf8").trim());
  fs.rmSync(file, { force: true });
  if (!pid) return;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmd.includes("next")) return;
    log(`[start] stopping a Next server left running by an earlier start (pid ${pid})`);
    process.kill(-pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("Next exited during start");
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the portal did not answer ${url} within ${timeoutMs} ms`);
}

function buildIfNeeded(childEnv: NodeJS.ProcessEnv) {
  const stamp = path.join(root, ".next", "jas-source-hash");
  const hash = sourceHash(root);
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash;
  if (built) return;
  log("[start] building the app (first start or changed sources; about half a minute)");
  const r = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error("next build failed");
  fs.writeFileSync(stamp, hash);
}

async function main() {
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void shutdown(0));

  const port = Number(process.env.PORT ?? 3000);
  const external = Boolean(process.env.DATABASE_URL);
  let childEnv: NodeJS.ProcessEnv;
  let demo: boolean;

  if (external) {
    // Production: the operator's PostgreSQL. Validate the whole environment before touching anything.
    const e = parseEnv({ ...process.env, APP_MODE: "production", NODE_ENV: "production" });
    log("[start] using the PostgreSQL of DATABASE_URL (production mode)");
    await migrateDatabase(e.DATABASE_OWNER_URL ?? e.DATABASE_URL, urlUser(e.DATABASE_URL));
    demo = e.SEED_DEMO;
    childEnv = { ...process.env, APP_MODE: "production" };
  } else {
    const dataDir = path.resolve(process.env.JG_DATA_DIR ?? ".data");
    fs.mkdirSync(dataDir, { recursive: true });
    pidFile = path.join(dataDir, "next.pid");
    stopOrphanNext(pidFile);
    const db = await startLocalDatabase(dataDir, log);
    stopDatabase = db.server.stop;
    log(`[start] embedded PostgreSQL ready on 127.0.0.1:${db.server.port} (data in ${path.relative(root, dataDir) || "."})`);
    await migrateDatabase(db.ownerUrl, db.appRole);
    demo = true;
    childEnv = {
      ...process.env,
      APP_MODE: "demo",
      DATABASE_URL: db.appUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(dataDir),
      APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
      MAIL_DIR: process.env.MAIL_DIR ?? path.join(dataDir, "mail"),
    };
  }
  childEnv.PORT = String(port);

  // Seed with the same environment the app gets (reference data always; demo data when allowed).
  Object.assign(process.env, childEnv);
  const { seed } = await import("../db/seed");
  const { closeDb } = await import("../db/client");
  await seed({ demo });
  await closeDb();

  if (!dev) buildIfNeeded(childEnv);

  // Detached: the terminal's Ctrl-C reaches only this launcher, which stops Next, then PostgreSQL.
  // JG_SERVER_LOG: the server's output also goes to this file (started afresh), e.g. for the e2e run's
  // search for personal data in the log.
  const logFile = process.env.JG_SERVER_LOG;
  nextChild = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], {
    stdio: logFile ? ["inherit", "pipe", "pipe"] : "inherit",
    detached: true,
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.createWriteStream(logFile, { flags: "w" });
    nextChild.stdout?.on("data", (b: Buffer) => {
      process.stdout.write(b);
      out.write(b);
    });
    nextChild.stderr?.on("data", (b: Buffer) => {
      process.stderr.write(b);
      out.write(b);
    });
  }
  if (pidFile && nextChild.pid) fs.writeFileSync(pidFile, String(nextChild.pid));
  nextChild.on("exit", (code) => {
    if (!shuttingDown) {
      nextChild = undefined;
      log(`[start] Next exited (${code ?? "signal"})`);
      void shutdown(code ?? 1);
    }
  });

  await waitHealthy(`http://127.0.0.1:${port}/api/health`, nextChild, dev ? 180_000 : 120_000);
  const url = childEnv.APP_URL ?? `http://localhost:${port}`;
  log("");
  log(`Jas Grant is running at ${url}  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; Ctrl-C stops it)`);
  if (demo) {
    log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(9)} ${a.email}`);
  }
}

main().catch(async (e: unknown) => {
  console.error(`[start] ${e instanceof Error ? e.message : String(e)}`);
  await shutdown(1);
});
