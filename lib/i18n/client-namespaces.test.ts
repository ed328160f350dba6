import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACE_AREAS, CLIENT_NAMESPACES, type ClientArea } from "./messages";

// A client component reading a namespace the layouts do not send to the browser shows raw keys
// ("Register.title") after hydration: every useTranslations("X") in a "use client" file needs X sent
// where the file lives: in `everywhere`, or in its route group's area (app/[locale]/(area)/…).
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

/** The route group a file lives in, if it is one of the areas. */
function areaOf(file: string): ClientArea | null {
  const m = /app\/\[locale\]\/\((public|applicant|reviewer|admin)\)\//.exec(path.relative(root, file).split(path.sep).join("/"));
  return m ? (m[1] as ClientArea) : null;
}

describe("client message namespaces", () => {
  it("are sent where each client component lives: everywhere, or in its route group's area", () => {
    const missing: string[] = [];
    for (const file of [...clientFiles(path.join(root, "app")), ...clientFiles(path.join(root, "lib"))]) {
      const text = fs.readFileSync(file, "utf8");
      const area = areaOf(file);
      const sent: readonly string[] = [...CLIENT_NAMESPACE_AREAS.everywhere, ...(area ? CLIENT_NAMESPACE_AREAS[area] : [])];
      const consts = Object.fromEntries([...text.matchAll(/const\s+([A-Z_a-z]+)\s*=\s*["']([A-Za-z]+)["']/g)].map((m) => [m[1], m[2]]));
      for (const m of text.matchAll(/useTranslations\(\s*(?:["']([A-Za-z]+)["']|([A-Za-z_]+)\s*\))/g)) {
        const ns = m[1] ?? consts[m[2]!];
        if (!ns) missing.push(`${path.relative(root, file)}: useTranslations(${m[2]}) with a namespace this test cannot read`);
        else if (!sent.includes(ns)) missing.push(`${path.relative(root, file)}: ${ns} (area ${area ?? "everywhere"})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("are sent where a client component from another group is used (imports across route groups)", () => {
    const missing: string[] = [];
    const allFiles = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    for (const file of allFiles(path.join(root, "app"))) {
      const area = areaOf(file);
      const sent: readonly string[] = [...CLIENT_NAMESPACE_AREAS.everywhere, ...(area ? CLIENT_NAMESPACE_AREAS[area] : [])];
      for (const m of fs.readFileSync(file, "utf8").matchAll(/from\s+["']@\/(app\/[^"']+)["']/g)) {
        const base = path.join(root, m[1]!);
        const target = [".tsx", ".ts", "/index.tsx"].map((ext) => base + ext).find((f) => fs.existsSync(f));
        if (!target || areaOf(target) === area) continue;
        const text = fs.readFileSync(target, "utf8");
        if (!/^\s*["']use client["']/m.test(text)) continue;
        for (const u of text.matchAll(/useTranslations\(\s*["']([A-Za-z]+)["']/g)) {
          if (!sent.includes(u[1]!)) missing.push(`${path.relative(root, file)} uses ${path.relative(root, target)}: ${u[1]} (area ${area ?? "everywhere"})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("lists every namespace of the areas once in CLIENT_NAMESPACES", () => {
    expect(new Set(CLIENT_NAMESPACES).size).toBe(CLIENT_NAMESPACES.length);
    for (const list of Object.values(CLIENT_NAMESPACE_AREAS)) for (const ns of list) expect(CLIENT_NAMESPACES).toContain(ns);
  });
});
