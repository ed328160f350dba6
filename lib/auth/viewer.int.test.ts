import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { seed } from "@/db/seed";
import { bumpSessionVersion, endSession } from "@/lib/dal/users";
import { setAccountActive } from "@/lib/dal/accounts";

// The session cookie is Auth.js's business; here the token's claims are given directly, and
// everything after it (the database read, the version and active checks) is the real code.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string; sessionVersion: number; sessionId: string } } }));
vi.mock("./config", () => ({ auth: async () => session.current }));

const { getViewer } = await import("./viewer");

let applicant: { id: string; sessionVersion: number };
let admin: { id: string; role: "admin" };

beforeAll(async () => {
  await seed({ demo: true, log: () => undefined });
  const [a] = await getDb().select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, "applicant3@jasgrant.demo"));
  const [b] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, "admin@jasgrant.demo"));
  applicant = a;
  admin = { id: b.id, role: "admin" };
});

function tokenFor(id: string, sessionVersion: number, role = "applicant", sessionId = "22222222-2222-4222-8222-222222222222") {
  session.current = { user: { id, role, sessionVersion, sessionId } };
}

describe("getViewer", () => {
  it("is null when signed out", async () => {
    session.current = null;
    expect(await getViewer()).toBeNull();
  });

  it("takes the role from the database, not from the token", async () => {
    tokenFor(applicant.id, applicant.sessionVersion, "admin");
    expect(await getViewer()).toMatchObject({ id: applicant.id, role: "applicant" });
  });

  it("refuses a token issued before a sign-out everywhere", async () => {
    const [row] = await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, applicant.id));
    tokenFor(applicant.id, row.v);
    expect(await getViewer()).not.toBeNull();
    const next = await bumpSessionVersion(applicant.id, { id: applicant.id, role: "applicant" });
    expect(await getViewer()).toBeNull();
    tokenFor(applicant.id, next!);
    expect(await getViewer()).not.toBeNull();
  });

  it("refuses a token whose session was signed out, while the same person's other sessions go on", async () => {
    const [row] = await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, applicant.id));
    const phone = "33333333-3333-4333-8333-333333333333";
    const laptop = "44444444-4444-4444-8444-444444444444";
    tokenFor(applicant.id, row.v, "applicant", phone);
    expect(await getViewer()).not.toBeNull();
    await endSession(applicant.id, phone, 3600);
    expect(await getViewer()).toBeNull();
    tokenFor(applicant.id, row.v, "applicant", laptop);
    expect(await getViewer()).not.toBeNull();
  });

  it("refuses a token without a session id (issued before session ids existed)", async () => {
    const [row] = await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, applicant.id));
    tokenFor(applicant.id, row.v, "applicant", "");
    expect(await getViewer()).toBeNull();
  });

  it("a deactivated account loses access at its next request, and a reactivated one must sign in again", async () => {
    const [row] = await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, applicant.id));
    tokenFor(applicant.id, row.v);
    expect(await getViewer()).not.toBeNull();
    await setAccountActive(admin, applicant.id, false);
    expect(await getViewer()).toBeNull();
    await setAccountActive(admin, applicant.id, true);
    // Deactivation bumped the version: the old token stays dead after reactivation.
    expect(await getViewer()).toBeNull();
  });

  it("a demoted user is seen with the new role at once", async () => {
    const [r] = await getDb().select({ id: users.id, v: users.sessionVersion }).from(users).where(eq(users.email, "reviewer1@jasgrant.demo"));
    tokenFor(r.id, r.v, "reviewer");
    expect(await getViewer()).toMatchObject({ role: "reviewer" });
    await getDb().update(users).set({ role: "applicant", iin: "900101300007", birthDate: "1990-01-01", districtCode: "ili" }).where(eq(users.id, r.id));
    expect(await getViewer()).toMatchObject({ role: "applicant" });
  });

  it("is null for an unknown or malformed id", async () => {
    tokenFor("00000000-0000-4000-8000-000000000000", 1);
    expect(await getViewer()).toBeNull();
    tokenFor("not-a-uuid", 1);
    expect(await getViewer()).toBeNull();
  });
});
