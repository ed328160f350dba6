/**
 * `npm test`: the whole suite, each part with a time budget.
 *   1. a Chromium must exist (checked first: no half-run suite ends in a cryptic browser error)
 *   2. type check                       (budget  2 min)
 *   3. unit + integration (vitest)      (budget 10 min; integration on an embedded PostgreSQL, or TEST_DATABASE_URL)
 *   4. browser journeys (Playwright)    (budget 40 min; against `npm start` on its own data folder,
 *      emptied first unless a server already runs on the e2e port, so every run starts from the seed)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { CHROMIUM_HINT, findChromium } from "./lib/chromium";

function run(name: string, cmd: string, args: string[], budgetMs: number, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}  (budget ${Math.round(budgetMs / 60000)} min)`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env, detached: true });
    const timer = setTimeout(() => {
      console.error(`✗ ${name} ran past its budget of ${Math.round(budgetMs / 60000)} min: stopped`);
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
    }, budgetMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`✓ ${name} (${secs} s)`);
        resolve();
      } else reject(new Error(`${name} failed (${signal ?? `exit ${code}`}) after ${secs} s`));
    });
  });
}

/** Whether something already listens on the port (a server the developer started and Playwright will reuse). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * The journeys change the demo data (screening, assignments, accounts): each run starts from a freshly
 * seeded database, as CI's does, unless a running server is to be reused.
 */
async function freshE2eData(): Promise<void> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const dir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
  if (await portInUse(port)) {
    console.log(`(a server already listens on ${port}: the journeys reuse it and its data)`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const only = process.argv[2]; // optional: unit | integration | e2e | typecheck
  const chromium = await findChromium();
  if (!chromium && (!only || only === "e2e")) {
    console.error(CHROMIUM_HINT);
    process.exit(1);
  }
  const npx = "npx";
  if (!only || only === "typecheck") await run("type check", npx, ["tsc", "--noEmit"], 2 * 60_000);
  if (!only || only === "unit") await run("unit tests", npx, ["vitest", "run", "--project", "unit"], 5 * 60_000);
  if (!only || only === "integration") await run("integration tests", npx, ["vitest", "run", "--project", "integration"], 10 * 60_000);
  if (!only || only === "e2e") await freshE2eData();
  if (!only || only === "e2e")
    await run("browser tests", npx, ["playwright", "test", "-c", "e2e/playwright.config.ts"], 40 * 60_000, {
      ...process.env,
      CHROMIUM_PATH: chromium ?? "",
    });
  console.log("\nAll test suites passed.");
}

main().catch((e: Error) => {
  console.error(`\n${e.message}`);
  process.exit(1);
});
