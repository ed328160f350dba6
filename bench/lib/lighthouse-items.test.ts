import { describe, expect, it } from "vitest";
import { itemsOf } from "./lighthouse-items";

describe("a Lighthouse audit's items in a few words", () => {
  it("names scripts with their unused bytes, without the origin", () => {
    const details = { items: [{ url: "http://127.0.0.1:3600/_next/static/chunks/a.js", wastedBytes: 56_320 }, { url: "http://127.0.0.1:3600/_next/static/chunks/b.js", wastedBytes: 1024 }] };
    expect(itemsOf(details)).toEqual(["/_next/static/chunks/a.js (55 KiB to save)", "/_next/static/chunks/b.js (1 KiB to save)"]);
  });

  it("gives bf-cache reasons and the LCP element inside its table, at most 3", () => {
    expect(itemsOf({ items: [{ reason: "Pages with cache-control:no-store" }, { reason: "WebSocket" }] })).toEqual(["Pages with cache-control:no-store", "WebSocket"]);
    const lcp = { items: [{ type: "table", items: [{ node: { snippet: '<h1 class="text-3xl">', selector: "main > h1" } }] }, { type: "table", items: [{ phase: "TTFB", timing: 600 }] }] };
    expect(itemsOf(lcp)).toEqual(['<h1 class="text-3xl">']);
    expect(itemsOf({ items: Array.from({ length: 5 }, (_, i) => ({ reason: `r${i}` })) })).toHaveLength(3);
    expect(itemsOf(undefined)).toEqual([]);
  });
});
