import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { verify } from "@node-rs/argon2";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";

function run(args: string[], password: string) {
  return spawnSync("npx", ["tsx", "scripts/admin-create.ts", ...args], {
    input: password + "\n",
    encoding: "utf8",
    env: { ...process.env, APP_MODE: "production" },
    timeout: 60_000,
  });
}

describe("npm run admin:create", () => {
  it("creates the first admin with an argon2id password, verified, audited", async () => {
    const r = run(["--email", "First.Admin@Example.kz", "--surname", "Сейітов", "--given-name", "Ерлан", "--organisation", "Жастар саясаты басқармасы"], "a strong admin password");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Admin account created for first.admin@example.kz");
    const [u] = await getDb().select().from(users).where(eq(users.email, "first.admin@example.kz"));
    expect(u).toMatchObject({ role: "admin", active: true, surname: "Сейітов" });
    expect(u.emailVerifiedAt).not.toBeNull();
    expect(await verify(u.passwordHash!, "a strong admin password")).toBe(true);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
  }, 90_000);

  it("refuses a short password, a password containing the e-mail, a missing name and an existing e-mail, creating nothing", async () => {
    const count = async () => (await getDb().select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
    const before = await count();
    const short = run(["--email", "x@example.kz", "--surname", "A", "--given-name", "B"], "short");
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("at least 10 characters");
    const containing = run(["--email", "y@example.kz", "--surname", "A", "--given-name", "B"], "my y@example.kz password");
    expect(containing.stderr).toContain("must not contain the e-mail");
    const noName = run(["--email", "z@example.kz"], "a strong admin password");
    expect(noName.stderr).toContain("--surname is required");
    const dup = run(["--email", "FIRST.admin@example.kz", "--surname", "A", "--given-name", "B"], "a strong admin password");
    expect(dup.stderr).toContain("already exists");
    expect(await count()).toBe(before);
  }, 120_000);
});
