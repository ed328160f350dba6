import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue } from "@/lib/i18n/catalogue";
const kk = catalogue("kk");
import { signInSchema } from "./auth";

describe("signInSchema", () => {
  it("trims and lower-cases the e-mail, keeps the password as typed", () => {
    const r = signInSchema.parse({ email: "  Admin@JasGrant.Demo ", password: " secret " });
    expect(r).toEqual({ email: "admin@jasgrant.demo", password: " secret " });
  });

  it("reports message keys that exist in the Validation messages", () => {
    const cases = [
      { email: "", password: "" },
      { email: "not-an-email", password: "x" },
      { email: `${"a".repeat(250)}@x.kz`, password: "x".repeat(257) },
    ];
    for (const input of cases) {
      const result = signInSchema.safeParse(input);
      expect(result.success).toBe(false);
      if (result.success) continue;
      const { fieldErrors } = z.flattenError(result.error);
      for (const keys of Object.values(fieldErrors)) {
        for (const key of keys ?? []) expect(Object.keys(kk.Validation)).toContain(key);
      }
    }
  });

  it("names the missing fields", () => {
    const result = signInSchema.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(z.flattenError(result.error).fieldErrors).toEqual({
        email: ["emailRequired"],
        password: ["passwordRequired"],
      });
    }
  });
});
