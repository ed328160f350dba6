import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const APP = "https://grant.example.kz";
const req = (headers: Record<string, string>) => new Request("http://internal:3000/api/files", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the page's own origin (by Host) and the configured public URL", () => {
    expect(isSameOrigin(req({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), APP)).toBe(true);
    expect(isSameOrigin(req({ origin: APP, host: "internal:3000" }), APP)).toBe(true);
    expect(isSameOrigin(req({ origin: APP, host: "x", "x-forwarded-host": "grant.example.kz" }), "https://other.kz")).toBe(true);
  });

  it("refuses another site, a missing Origin and a malformed one", () => {
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "grant.example.kz" }), APP)).toBe(false);
    expect(isSameOrigin(req({ host: "grant.example.kz" }), APP)).toBe(false);
    expect(isSameOrigin(req({ origin: "null", host: "grant.example.kz" }), APP)).toBe(false);
  });
});
