import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Modules marked server-only are tested directly in Node.
  "server-only": path.resolve(import.meta.dirname, "test/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,db,app,scripts}/**/*.test.{ts,tsx}", "test/security/**/*.test.ts", "bench/lib/**/*.test.ts"],
          exclude: ["**/*.int.test.{ts,tsx}", "node_modules/**"],
          testTimeout: 10_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,db,app,scripts}/**/*.int.test.{ts,tsx}", "test/security/**/*.int.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/db-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has its own database; two files at a time on two cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run test:faults` (scripts/test-faults.ts): injected faults and backups, on the machine's PostgreSQL.
          name: "faults",
          environment: "node",
          include: ["test/faults/**/*.faults.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/db-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
