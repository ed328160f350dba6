/**
 * `npm run screenshots`: writes PNGs of the main screens for each role and language to docs/screenshots/
 * (e2e/screens.shots.ts), against `npm start` on .data/screenshots (emptied first, so the screens show
 * freshly seeded demo data) on port SCREENSHOTS_PORT (default 3190). Chromium as for the e2e tests
 * (CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = ".data/screenshots";
fs.rmSync(path.join(root, dataDir), { recursive: true, force: true });
const r = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", "-c", "e2e/screenshots.config.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, E2E_DATA_DIR: dataDir, E2E_PORT: process.env.SCREENSHOTS_PORT ?? "3190" },
});
process.exit(r.status ?? 1);
