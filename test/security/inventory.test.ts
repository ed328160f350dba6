import { describe, expect, it } from "vitest";
import { exportedNames, inventory, urlOf } from "./inventory";
import { ACTION_RULES, expectedOutcome, IDENTITIES, PAGE_RULES, ROUTE_RULES } from "./matrix";

const doors = inventory();
const keyOf = (d: (typeof doors)[number]) => (d.kind === "action" ? `${d.file}#${d.name}` : d.kind === "page" ? d.url : `${d.method} ${d.url}`);

describe("the authorisation matrix covers every door in the code", () => {
  it("finds the doors (pages, route handlers, server actions)", () => {
    expect(doors.filter((d) => d.kind === "page").length).toBeGreaterThan(30);
    expect(doors.filter((d) => d.kind === "route").length).toBeGreaterThan(8);
    expect(doors.filter((d) => d.kind === "action").length).toBeGreaterThan(30);
  });

  for (const [kind, rules] of [
    ["action", ACTION_RULES],
    ["page", PAGE_RULES],
    ["route", ROUTE_RULES],
  ] as const) {
    it(`every ${kind} has a matrix row, and every row a ${kind}`, () => {
      const inCode = doors.filter((d) => d.kind === kind).map(keyOf).sort();
      expect(inCode.filter((k) => !(k in rules)), `${kind}s without a matrix row`).toEqual([]);
      expect(Object.keys(rules).filter((k) => !inCode.includes(k)), `matrix rows of ${kind}s that no longer exist`).toEqual([]);
    });
  }

  it("gives each admin-only door exactly one identity that passes", () => {
    const adminOnly = [...Object.values(ACTION_RULES), ...Object.values(PAGE_RULES)].filter((r) => !r.public && Array.isArray(r.allow) && r.allow.includes("admin"));
    expect(adminOnly.length).toBeGreaterThan(20);
    for (const rule of adminOnly) expect(IDENTITIES.filter((who) => expectedOutcome(rule, who) === "allowed")).toEqual(["admin"]);
  });
});

describe("inventory helpers", () => {
  it("drops route groups and the locale segment from URLs", () => {
    expect(urlOf(`${process.cwd()}/app/[locale]/(admin)/admin/calls/[id]/page.tsx`)).toBe("/admin/calls/[id]");
    expect(urlOf(`${process.cwd()}/app/api/files/[id]/route.ts`)).toBe("/api/files/[id]");
  });
  it("reads exported names", () => {
    expect(exportedNames("export async function a() {}\nexport const b = 1;\nexport function c() {}\nexport { d, e as f };\nconst g = 1;")).toEqual(["a", "b", "c", "d", "f"]);
  });
});
