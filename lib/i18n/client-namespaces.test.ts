import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "./messages";

// A client component reading a namespace the layout does not send to the browser shows raw keys
// ("Register.title") after hydration: every useTranslations("X") in a "use client" file needs X there.
const root = path.resolve(__dirname, "../..");

function clientFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") out.push(...clientFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const text = fs.readFileSync(full, "utf8");
      if (/^\s*["']use client["']/m.test(text)) out.push(full);
    }
  }
  return out;
}

describe("client message namespaces", () => {
  it("include every namespace a client component reads", () => {
    const missing: string[] = [];
    for (const file of [...clientFiles(path.join(root, "app")), ...clientFiles(path.join(root, "lib"))]) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/useTranslations\(\s*["']([A-Za-z]+)/g)) {
        if (!(CLIENT_NAMESPACES as readonly string[]).includes(m[1]!)) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
