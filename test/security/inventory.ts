/**
 * Every door of the portal, read from the code: pages (app/**\/page.tsx), route handlers
 * (app/**\/route.ts and the HTTP methods they export) and server actions (the exports of every
 * "use server" module). The authorisation matrix (./matrix.ts) must have a row for each; a unit test
 * fails when a door exists without one, or a row names a door that is gone.
 */
import fs from "node:fs";
import path from "node:path";

export type Door =
  | { kind: "page"; key: string; url: string; file: string }
  | { kind: "route"; key: string; method: string; url: string; file: string }
  | { kind: "action"; key: string; name: string; file: string };

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** app/[locale]/(admin)/admin/calls/[id]/page.tsx → /admin/calls/[id] (groups and the locale segment dropped). */
export function urlOf(file: string): string {
  const parts = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).filter(Boolean);
  const segments = parts.filter((p) => p !== "[locale]" && !/^\(.*\)$/.test(p));
  return `/${segments.join("/")}`;
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join("/");
}

/** Names exported by a module: `export async function x`, `export function x`, `export const x`. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+)([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  return [...names];
}

function isUseServer(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);
}

export function inventory(): Door[] {
  const doors: Door[] = [];
  const files = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "lib"))].filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
  for (const file of files.sort()) {
    const base = path.basename(file);
    const rel = relative(file);
    if (rel.startsWith("app/") && base === "page.tsx") {
      const url = urlOf(file);
      doors.push({ kind: "page", key: `page ${url}`, url, file: rel });
      continue;
    }
    const source = fs.readFileSync(file, "utf8");
    if (rel.startsWith("app/") && base === "route.ts") {
      const url = urlOf(file);
      for (const name of exportedNames(source)) {
        if (HTTP_METHODS.includes(name)) doors.push({ kind: "route", key: `${name} ${url}`, method: name, url, file: rel });
      }
      // `export const { GET, POST } = handlers` (Auth.js)
      const destructured = /^export\s+const\s*\{([^}]*)\}/m.exec(source);
      if (destructured) {
        for (const name of destructured[1].split(",").map((s) => s.trim().split(/\s*:\s*/).pop()!.trim())) {
          if (HTTP_METHODS.includes(name)) doors.push({ kind: "route", key: `${name} ${url}`, method: name, url, file: rel });
        }
      }
      continue;
    }
    if (isUseServer(source)) {
      for (const name of exportedNames(source)) doors.push({ kind: "action", key: `action ${rel}#${name}`, name, file: rel });
    }
  }
  return doors;
}
