/** Start the portal with `npm start` on a data folder of the benchmarks' own, or use BENCH_URL. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type BenchServer = { url: string; dataDir: string; stop(): Promise<void> };

export async function startServer(port = 3200, data = ".data/bench"): Promise<BenchServer> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, dataDir: "", stop: async () => undefined };
  const dataDir = path.resolve(data);
  const child: ChildProcess = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), JG_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("Jas Grant is running")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`npm start exited (${code}):\n${out.slice(-2000)}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        process.kill(-child.pid!, "SIGTERM");
      }),
  };
}

/** Resident memory of the Next server (from the launcher's pid file), in MiB. */
export function serverRssMiB(dataDir: string): number | null {
  try {
    const pid = fs.readFileSync(path.join(dataDir, "next.pid"), "utf8").trim();
    const kids = (() => {
      try {
        return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      } catch {
        return [];
      }
    })();
    let kb = 0;
    for (const p of [pid, ...kids]) {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    }
    return kb / 1024;
  } catch {
    return null;
  }
}
