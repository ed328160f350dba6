import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const base = {
  DATABASE_URL: "postgres://app:pw@127.0.0.1:5432/jasgrant",
  AUTH_SECRET: "x".repeat(32),
  APP_URL: "https://grant.example.kz",
};

describe("env", () => {
  it("parses a production environment with defaults", () => {
    const e = parseEnv(base);
    expect(e.APP_MODE).toBe("production");
    expect(e.isDemo).toBe(false);
    expect(e.secureCookies).toBe(true);
    expect(e.PORT).toBe(3000);
    expect(e.SMTP_URL).toBeUndefined();
    expect(e.SEED_DEMO).toBe(false);
  });

  it("names every bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", APP_URL: "nope" })).toThrowError(
      /DATABASE_URL[\s\S]*AUTH_SECRET[\s\S]*APP_URL/,
    );
    expect(() => parseEnv({ ...base, SMTP_URL: "not a url" })).toThrowError(/SMTP_URL/);
    expect(() => parseEnv({ ...base, PORT: "70000" })).toThrowError(/PORT/);
  });

  it("treats an empty optional URL as unset and http as not secure", () => {
    const e = parseEnv({ ...base, SMTP_URL: "", APP_URL: "http://localhost:3000", SEED_DEMO: "1" });
    expect(e.SMTP_URL).toBeUndefined();
    expect(e.secureCookies).toBe(false);
    expect(e.SEED_DEMO).toBe(true);
  });
});
