import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "lib", "db/schema", "public"];
const FILES = ["package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];
const SKIP = /(\.test\.tsx?|\.md)$/;

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (!SKIP.test(entry.name)) out.push(p);
  }
}

/** A hash of everything `next build` reads: a build is reused only when this is unchanged. */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const r of ROOTS) walk(path.join(root, r), files);
  for (const f of FILES) if (fs.existsSync(path.join(root, f))) files.push(path.join(root, f));
  files.sort();
  const h = createHash("sha256");
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}
