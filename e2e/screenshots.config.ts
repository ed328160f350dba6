import base from "./playwright.config";

/**
 * `npm run screenshots` (scripts/screenshots.ts): the main screens of each role in kk, ru and en as PNGs
 * in docs/screenshots/, from `npm start` on its own freshly seeded data folder (E2E_DATA_DIR, set by the
 * script). Not part of `npm test`: the journeys' config only runs *.spec.ts.
 */
export default {
  ...base,
  testMatch: "**/*.shots.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
};
