import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEPS_END, DEPS_START, productionDependencies, renderDependencyList } from "./deps";

const root = path.resolve(import.meta.dirname, "../..");

describe("docs/SECURITY.md lists the production dependency tree", () => {
  it("is the lockfile's, package for package (run npm run security:deps after a dependency change)", () => {
    const doc = fs.readFileSync(path.join(root, "docs/SECURITY.md"), "utf8");
    const listed = doc.slice(doc.indexOf(DEPS_START) + DEPS_START.length, doc.indexOf(DEPS_END)).trim();
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
    const deps = productionDependencies(lock);
    expect(deps.some((d) => d.name === "next")).toBe(true);
    expect(deps.some((d) => d.name === "@playwright/test")).toBe(false);
    expect(listed).toBe(renderDependencyList(deps).trim());
  });
});
