import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// zod is not loaded on every page (it is about 30 KiB gzipped): each client module that imports zod or a
// schema module (lib/validation, other than for types) imports zod-client first, which turns zod's JIT
// probe off before any schema exists (the probe would be a CSP violation).
const root = path.resolve(__dirname, "../..");

function clientFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...clientFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      if (/^\s*["']use client["']/m.test(fs.readFileSync(full, "utf8"))) out.push(full);
    }
  }
  return out;
}

/** The module specifiers of a file's value imports (not `import type`), in order. */
export function valueImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["'];?/gm)].map((m) => m[1]!);
}

describe("zod on the client", () => {
  it("valueImports skips type-only imports and keeps the order", () => {
    expect(valueImports('import "@/a";\nimport type { X } from "@/lib/validation/b";\nimport { y } from "zod";\n')).toEqual(["@/a", "zod"]);
  });

  it("no instrumentation file loads zod on every page", () => {
    for (const f of ["instrumentation-client.ts", "instrumentation-client.tsx"]) {
      const p = path.join(root, f);
      if (fs.existsSync(p)) expect(valueImports(fs.readFileSync(p, "utf8")).some((s) => s.includes("zod"))).toBe(false);
    }
  });

  it("every client module importing zod or a schema imports zod-client first", () => {
    const wrong: string[] = [];
    const files = clientFiles(path.join(root, "app"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      if (file.endsWith("zod-client.ts")) continue;
      const imports = valueImports(fs.readFileSync(file, "utf8"));
      const needs = imports.some((s) => s === "zod" || s.startsWith("@/lib/validation/") || s === "@hookform/resolvers/zod");
      if (needs && imports[0] !== "@/app/_components/zod-client") wrong.push(path.relative(root, file));
    }
    expect(wrong).toEqual([]);
  });
});
