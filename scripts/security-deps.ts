/**
 * `npm run security:deps`: write the production dependency tree (every package `npm ci --omit=dev`
 * would install, with its version, from package-lock.json) into docs/SECURITY.md between its markers,
 * then ask the registry for known advisories (`npm audit --omit=dev`) and print the answer. A unit test
 * (test/security/deps.test.ts) fails when the list in docs/SECURITY.md is not the lockfile's.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEPS_END, DEPS_START, productionDependencies, renderDependencyList } from "../test/security/deps";

const root = path.resolve(import.meta.dirname, "..");
const file = path.join(root, "docs/SECURITY.md");
const doc = fs.readFileSync(file, "utf8");
const start = doc.indexOf(DEPS_START);
const end = doc.indexOf(DEPS_END);
if (start < 0 || end < start) throw new Error(`docs/SECURITY.md lacks the ${DEPS_START} … ${DEPS_END} markers`);
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
const deps = productionDependencies(lock);
fs.writeFileSync(file, doc.slice(0, start + DEPS_START.length) + "\n" + renderDependencyList(deps) + doc.slice(end));
console.log(`[deps] ${deps.length} production packages written to docs/SECURITY.md`);

const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8" });
try {
  const report = JSON.parse(audit.stdout) as { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string }; message?: string };
  if (report.metadata?.vulnerabilities) console.log(`[audit] ${JSON.stringify(report.metadata.vulnerabilities)}`);
  else console.log(`[audit] the registry did not answer: ${report.message ?? report.error?.summary ?? audit.stderr.trim().split("\n")[0]}`);
  if ((report.metadata?.vulnerabilities?.high ?? 0) + (report.metadata?.vulnerabilities?.critical ?? 0) > 0) process.exitCode = 1;
} catch {
  console.log(`[audit] the registry did not answer: ${audit.stderr.trim().split("\n")[0]}`);
}
