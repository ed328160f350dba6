import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the real app: `npm start` with its own embedded PostgreSQL under
 * .data/e2e on port 3100 (demo data seeded). Browsers cannot be downloaded here: Debian's
 * Chromium is used when present (CHROMIUM_PATH overrides).
 *
 *   npx playwright test -c e2e/playwright.config.ts
 */
// E2E_PORT / E2E_DATA_DIR let two runs on one machine (two engineers) stay apart.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";
const baseURL = `http://127.0.0.1:${PORT}`;
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

const debianChromium = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: here,
  testMatch: "**/*.spec.ts",
  outputDir: path.join(root, "test-results"),
  fullyParallel: true,
  workers: 2,
  // One retry in CI only: a test that fails twice still fails; a flaky pass is listed as "flaky" in the report.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // Setup notes when the run began; teardown searches the server's log for the personal data the run registered.
  globalSetup: path.join(here, "global-setup.ts"),
  globalTeardown: path.join(here, "global-teardown.ts"),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: path.join(root, "playwright-report") }]] : "list",
  use: {
    baseURL,
    locale: "kk-KZ",
    timezoneId: "Asia/Almaty",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    cwd: root,
    url: `${baseURL}/api/health`,
    // Mail is polled often so that journeys reading .eml files do not wait.
    env: { JG_DATA_DIR: DATA_DIR, PORT: String(PORT), OUTBOX_POLL_MS: "500", JG_SERVER_LOG: path.resolve(root, DATA_DIR, "server.log") },
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
