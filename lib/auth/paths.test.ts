import { describe, expect, it } from "vitest";
import { landingAfterSignIn, safeNextPath, signInUrl } from "./paths";

describe("safeNextPath", () => {
  it("keeps local paths with their query and hash", () => {
    expect(safeNextPath("/my")).toBe("/my");
    expect(safeNextPath("/admin/calls?page=2#top")).toBe("/admin/calls?page=2#top");
  });

  it.each([
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["my"],
    [""],
    ["/api/auth/signout"],
    ["/api"],
    ["/sign-in"],
    ["/my\nSet-Cookie: x=1"],
    [`/${"a".repeat(3000)}`],
    [undefined],
    [42],
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it("normalises dot segments instead of escaping the site", () => {
    expect(safeNextPath("/my/../admin")).toBe("/admin");
  });
});

describe("signInUrl", () => {
  it("remembers a safe path, encoded", () => {
    expect(signInUrl("/my?tab=1")).toBe("/sign-in?next=%2Fmy%3Ftab%3D1");
  });
  it("drops an unsafe one", () => {
    expect(signInUrl("//evil.example")).toBe("/sign-in");
    expect(signInUrl(null)).toBe("/sign-in");
  });
});

describe("landingAfterSignIn", () => {
  it("goes where asked when the role may open it", () => {
    expect(landingAfterSignIn("/admin/calls", "admin", "/admin")).toBe("/admin/calls");
    expect(landingAfterSignIn("/", "reviewer", "/review")).toBe("/");
  });
  it("goes home when the page belongs to another role or is unsafe", () => {
    expect(landingAfterSignIn("/admin", "applicant", "/my")).toBe("/my");
    expect(landingAfterSignIn("//evil.example", "reviewer", "/review")).toBe("/review");
    expect(landingAfterSignIn(undefined, "admin", "/admin")).toBe("/admin");
  });
});
