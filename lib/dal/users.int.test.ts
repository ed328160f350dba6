import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { writeAudit } from "./audit";
import { setClock } from "@/lib/clock";
import { bumpSessionVersion, endSession, findUserForSignIn, loadViewer, purgeEndedSessions, recordSignIn } from "./users";

const SID = "11111111-1111-4111-8111-111111111111";

async function makeReviewer(email: string, extra: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(users)
    .values({ email, role: "reviewer", surname: "Сейітқали", givenName: "Айгерім", passwordHash: "$argon2id$x", ...extra })
    .returning({ id: users.id });
  return row.id;
}

describe("findUserForSignIn", () => {
  it("finds an account whatever the case of the e-mail, with what sign-in needs", async () => {
    const id = await makeReviewer("Case.Test@Example.kz");
    const u = await findUserForSignIn("  case.test@EXAMPLE.kz ");
    expect(u).toEqual({ id, role: "reviewer", active: true, sessionVersion: 1, passwordHash: "$argon2id$x" });
  });

  it("does not find an anonymised account or an unknown address", async () => {
    await makeReviewer("gone@example.kz", { anonymisedAt: new Date() });
    expect(await findUserForSignIn("gone@example.kz")).toBeNull();
    expect(await findUserForSignIn("nobody@example.kz")).toBeNull();
  });
});

describe("loadViewer", () => {
  it("returns the fresh role, flags and name, and no password hash, e-mail or IIN", async () => {
    const id = await makeReviewer("viewer@example.kz");
    const v = await loadViewer(id, SID);
    expect(v).toEqual({
      id,
      role: "reviewer",
      active: true,
      sessionVersion: 1,
      language: "kk",
      givenName: "Айгерім",
      surname: "Сейітқали",
      sessionEnded: false,
    });
    expect(Object.keys(v ?? {})).not.toEqual(expect.arrayContaining(["passwordHash", "email", "iin"]));
  });

  it("is null for a malformed or unknown id", async () => {
    expect(await loadViewer("not-a-uuid", SID)).toBeNull();
    expect(await loadViewer("00000000-0000-4000-8000-000000000000", SID)).toBeNull();
    const id = await makeReviewer("bad-sid@example.kz");
    expect(await loadViewer(id, "not-a-uuid")).toBeNull();
  });
});

describe("endSession", () => {
  it("ends one session of a user and leaves the user's other sessions alone", async () => {
    const id = await makeReviewer("end-session@example.kz");
    const phone = randomUUID();
    const laptop = randomUUID();
    await endSession(id, phone, 3600);
    await endSession(id, phone, 3600); // signing out twice is harmless
    expect((await loadViewer(id, phone))?.sessionEnded).toBe(true);
    expect((await loadViewer(id, laptop))?.sessionEnded).toBe(false);
  });

  it("forgets an ended session once its token has expired anyway", async () => {
    const id = await makeReviewer("purge-session@example.kz");
    const sid = randomUUID();
    await endSession(id, sid, 60);
    expect(await purgeEndedSessions()).toBe(0);
    const reset = setClock(new Date(Date.now() + 61_000));
    try {
      expect(await purgeEndedSessions()).toBeGreaterThanOrEqual(1);
    } finally {
      reset();
    }
    expect((await loadViewer(id, sid))?.sessionEnded).toBe(false);
  });
});

describe("bumpSessionVersion", () => {
  it("increments the version and writes its audit row in the same transaction", async () => {
    const id = await makeReviewer("bump@example.kz");
    expect(await bumpSessionVersion(id, { id, role: "reviewer" })).toBe(2);
    expect(await bumpSessionVersion(id, { id, role: "reviewer" })).toBe(3);
    expect((await loadViewer(id, SID))?.sessionVersion).toBe(3);

    const rows = await getDb().select().from(auditLog).where(eq(auditLog.entityId, id));
    const bumps = rows.filter((r) => r.action === "user.sign_out_everywhere");
    expect(bumps).toHaveLength(2);
    expect(bumps[0]).toMatchObject({
      actorId: id,
      actorRole: "reviewer",
      entityType: "user",
      changedFields: ["sessionVersion"],
    });
    expect(bumps.map((b) => b.changes)).toEqual(expect.arrayContaining([{ sessionVersion: 2 }, { sessionVersion: 3 }]));
  });

  it("returns null for an unknown user and writes nothing", async () => {
    const before = await getDb().select().from(auditLog);
    expect(await bumpSessionVersion("00000000-0000-4000-8000-000000000001", null)).toBeNull();
    expect(await getDb().select().from(auditLog)).toHaveLength(before.length);
  });
});

describe("audit", () => {
  it("records a sign-in with its actor", async () => {
    const id = await makeReviewer("signin@example.kz");
    await recordSignIn({ id, role: "reviewer" });
    const [row] = await getDb().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(row).toMatchObject({ action: "auth.sign_in", actorId: id, actorRole: "reviewer", changes: {} });
  });

  it("keeps the names of personal fields but never their values", async () => {
    await writeAudit(getDb(), {
      actor: null,
      action: "user.update",
      entityType: "user",
      entityId: "x-1",
      changes: { phone: "+77011234567", surname: "Әлиев", language: "ru", active: false },
    });
    const [row] = await getDb().select().from(auditLog).where(eq(auditLog.entityId, "x-1"));
    expect(row.changedFields.sort()).toEqual(["active", "language", "phone", "surname"]);
    expect(row.changes).toEqual({ language: "ru", active: false });
    expect(JSON.stringify(row)).not.toContain("+77011234567");
    expect(JSON.stringify(row)).not.toContain("Әлиев");
  });
});
