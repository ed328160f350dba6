import { beforeAll, afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { verify } from "@node-rs/argon2";
import { getDb } from "@/db/client";
import { auditLog, authTokens, consents, outbox, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeIin } from "@/lib/domain/iin";
import { resetClock, setClock } from "@/lib/clock";
import { registrationSchema } from "@/lib/validation/registration";
import {
  createStaffAccount,
  registerApplicant,
  requestPasswordReset,
  setAccountActive,
  setPasswordWithToken,
  verifyEmail,
  checkLink,
} from "./accounts";

const T0 = new Date("2026-11-26T10:00:00Z");

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
});
afterEach(() => resetClock());

let counter = 0;
function registration(over: Record<string, unknown> = {}) {
  counter++;
  return registrationSchema(T0).parse({
    email: `person${counter}@example.kz`,
    password: "a long enough password",
    passwordConfirm: "a long enough password",
    surname: "Нұрланова",
    givenName: "Дана",
    iin: makeIin("2001-02-03", "female", 100 + counter),
    phone: "+77011234567",
    district: "talgar",
    language: "ru",
    consent: "on",
    ...over,
  });
}

/** The token in the last e-mail written to the outbox for this address. */
async function linkTokenFor(email: string): Promise<string> {
  const rows = await getDb().select({ payload: outbox.payload }).from(outbox).where(eq(outbox.toEmail, email)).orderBy(sql`${outbox.id} desc`).limit(1);
  const url = String(rows[0]?.payload.url);
  return new URL(url).searchParams.get("token")!;
}

describe("registration", () => {
  it("writes the account, the consent, the link, the e-mail and the audit row together", async () => {
    setClock(T0);
    const r = registration();
    const res = await registerApplicant(r);
    if (!res.ok) throw new Error(JSON.stringify(res));
    const [u] = await getDb().select().from(users).where(eq(users.id, res.userId));
    expect(u).toMatchObject({ role: "applicant", iin: r.iin, birthDate: "2001-02-03", sex: "female", phone: "+77011234567", districtCode: "talgar", language: "ru", emailVerifiedAt: null });
    expect(await verify(u.passwordHash!, "a long enough password")).toBe(true);
    const c = await getDb().select().from(consents).where(eq(consents.userId, u.id));
    expect(c.map((x) => x.kind)).toEqual(["personal_data"]);
    const mail = await getDb().select().from(outbox).where(eq(outbox.userId, u.id));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: "verify_email", language: "ru", toEmail: r.email });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(audit.map((a) => a.action)).toEqual(["user.register"]);
    // Personal values never enter the audit log, only the names of the fields.
    expect(JSON.stringify(audit[0].changes)).not.toContain(r.iin);
    expect(audit[0].changedFields).toContain("iin");
  });

  it("records a legal representative's consent for a 16-year-old", async () => {
    const r = registration({
      iin: makeIin("2010-06-01", "male", 7),
      guardianName: "Нұрланов Ерлан",
      guardianIin: makeIin("1982-01-01", "male", 8),
      guardianRelation: "father",
      guardianConsent: "on",
    });
    const res = await registerApplicant(r);
    if (!res.ok) throw new Error("expected ok");
    const c = await getDb().select().from(consents).where(eq(consents.userId, res.userId));
    expect(c.map((x) => x.kind).sort()).toEqual(["guardian", "personal_data"]);
    expect(c.find((x) => x.kind === "guardian")).toMatchObject({ guardianName: "Нұрланов Ерлан", guardianRelation: "father" });
  });

  it("refuses a taken e-mail (any case) or IIN as field errors and writes nothing", async () => {
    const first = registration();
    await registerApplicant(first);
    const before = (await getDb().select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
    const dupEmail = await registerApplicant({ ...registration(), email: first.email.toUpperCase().toLowerCase() });
    expect(dupEmail).toEqual({ ok: false, code: "invalid", fieldErrors: { email: "emailTaken" } });
    const dupIin = await registerApplicant({ ...registration(), iin: first.iin });
    expect(dupIin).toEqual({ ok: false, code: "invalid", fieldErrors: { iin: "iinTaken" } });
    const after = (await getDb().select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
    expect(after).toBe(before);
  });

  it("two simultaneous registrations of one e-mail make one account", async () => {
    const a = registration();
    const b = { ...registration(), email: a.email };
    const results = await Promise.all([registerApplicant(a), registerApplicant(b)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ fieldErrors: { email: "emailTaken" } });
    const n = await getDb().select().from(users).where(eq(users.email, a.email));
    expect(n).toHaveLength(1);
  });
});

describe("e-mail verification", () => {
  it("verifies once within 24 h; a used, expired or unknown link says so", async () => {
    setClock(T0);
    const r = registration();
    const res = await registerApplicant(r);
    if (!res.ok) throw new Error("expected ok");
    const token = await linkTokenFor(r.email);
    expect(await checkLink(token, ["verify_email"])).toBe("ok");
    setClock(new Date(T0.getTime() + 23 * 3600_000));
    expect(await verifyEmail(token)).toEqual({ ok: true, userId: res.userId });
    const [u] = await getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, res.userId));
    expect(u.v).not.toBeNull();
    expect(await verifyEmail(token)).toEqual({ ok: false, code: "used" });
    expect(await verifyEmail("x".repeat(43))).toEqual({ ok: false, code: "invalid" });

    setClock(T0);
    const r2 = registration();
    await registerApplicant(r2);
    const t2 = await linkTokenFor(r2.email);
    setClock(new Date(T0.getTime() + 24 * 3600_000 + 1));
    expect(await verifyEmail(t2)).toEqual({ ok: false, code: "expired" });
  });
});

describe("password reset", () => {
  it("answers the same for an unknown e-mail and writes no e-mail for it", async () => {
    const before = (await getDb().select({ n: sql<number>`count(*)::int` }).from(outbox))[0].n;
    expect(await requestPasswordReset("nobody@example.kz", "kk")).toEqual({ ok: true });
    const after = (await getDb().select({ n: sql<number>`count(*)::int` }).from(outbox))[0].n;
    expect(after).toBe(before);
  });

  it("a reset link works once within 1 h and ends every session", async () => {
    setClock(T0);
    const r = registration();
    const res = await registerApplicant(r);
    if (!res.ok) throw new Error("expected ok");
    expect(await requestPasswordReset(r.email, "kk")).toEqual({ ok: true });
    const token = await linkTokenFor(r.email);
    const [before] = await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, res.userId));
    setClock(new Date(T0.getTime() + 59 * 60_000));
    expect(await setPasswordWithToken(token, "a brand new password")).toEqual({ ok: true, userId: res.userId });
    const [after] = await getDb().select({ v: users.sessionVersion, h: users.passwordHash }).from(users).where(eq(users.id, res.userId));
    expect(after.v).toBe(before.v + 1);
    expect(await verify(after.h!, "a brand new password")).toBe(true);
    expect(await setPasswordWithToken(token, "another new password")).toEqual({ ok: false, code: "used" });
  });

  it("a reset link is refused after 1 h, and a password containing the e-mail keeps the link usable", async () => {
    setClock(T0);
    const r = registration();
    await registerApplicant(r);
    await requestPasswordReset(r.email, "kk");
    const token = await linkTokenFor(r.email);
    expect(await setPasswordWithToken(token, `x${r.email}x`)).toEqual({ ok: false, code: "invalid", fieldErrors: { password: "passwordContainsEmail" } });
    expect(await checkLink(token, ["reset_password"])).toBe("ok");
    setClock(new Date(T0.getTime() + 3600_000));
    expect(await setPasswordWithToken(token, "a brand new password")).toEqual({ ok: false, code: "expired" });
  });

  it("refuses the sixth request for one e-mail within 15 minutes", async () => {
    setClock(T0);
    for (let i = 0; i < 5; i++) expect((await requestPasswordReset("spam@example.kz", "kk")).ok).toBe(true);
    expect(await requestPasswordReset("spam@example.kz", "kk")).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("accounts made by admins", () => {
  const admin = { id: "", role: "admin" as const };
  beforeAll(async () => {
    const [a] = await getDb().insert(users).values({ email: "boss@example.kz", role: "admin", surname: "Әкім", givenName: "Бас" }).returning({ id: users.id });
    admin.id = a.id;
  });

  it("creates a reviewer without a password and e-mails a 72-hour first-password link", async () => {
    setClock(T0);
    const res = await createStaffAccount(admin, { email: "rev@example.kz", surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: "ҚазҰУ", language: "kk" });
    if (!res.ok) throw new Error("expected ok");
    const [u] = await getDb().select().from(users).where(eq(users.id, res.userId));
    expect(u).toMatchObject({ role: "reviewer", passwordHash: null, organisation: "ҚазҰУ" });
    const [mail] = await getDb().select().from(outbox).where(eq(outbox.toEmail, "rev@example.kz"));
    expect(mail.template).toBe("set_password");
    const token = await linkTokenFor("rev@example.kz");
    const [tok] = await getDb().select().from(authTokens).where(eq(authTokens.userId, res.userId));
    expect(tok.expiresAt.getTime() - T0.getTime()).toBe(72 * 3600_000);
    setClock(new Date(T0.getTime() + 71 * 3600_000));
    expect(await setPasswordWithToken(token, "reviewer password 1")).toEqual({ ok: true, userId: res.userId });
    const [after] = await getDb().select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, res.userId));
    expect(after.v).not.toBeNull();
    expect(await createStaffAccount(admin, { email: "REV@example.kz", surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: "x", language: "kk" })).toMatchObject({ ok: false, fieldErrors: { email: "emailTaken" } });
  });

  it("is refused to anyone but an admin, in the data layer", async () => {
    await expect(createStaffAccount({ id: admin.id, role: "reviewer" }, { email: "x@example.kz", surname: "A", givenName: "B", role: "admin", organisation: "x", language: "kk" })).rejects.toThrow(/forbidden/);
    await expect(createStaffAccount(null, { email: "y@example.kz", surname: "A", givenName: "B", role: "admin", organisation: "x", language: "kk" })).rejects.toThrow(/forbidden/);
    await expect(setAccountActive({ id: admin.id, role: "applicant" }, admin.id, false)).rejects.toThrow(/forbidden/);
  });

  it("deactivates (ending sessions) and reactivates; an admin cannot deactivate themselves", async () => {
    const r = registration();
    const res = await registerApplicant(r);
    if (!res.ok) throw new Error("expected ok");
    const [before] = await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, res.userId));
    expect(await setAccountActive(admin, res.userId, false)).toEqual({ ok: true });
    const [mid] = await getDb().select({ a: users.active, v: users.sessionVersion }).from(users).where(eq(users.id, res.userId));
    expect(mid).toEqual({ a: false, v: before.v + 1 });
    expect(await setAccountActive(admin, res.userId, true)).toEqual({ ok: true });
    expect(await setAccountActive(admin, admin.id, false)).toEqual({ ok: false, code: "forbidden" });
    expect(await setAccountActive(admin, "00000000-0000-4000-8000-000000000000", false)).toEqual({ ok: false, code: "not_found" });
    const actions = (await getDb().select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, res.userId))).map((x) => x.a);
    expect(actions).toEqual(expect.arrayContaining(["user.deactivate", "user.reactivate"]));
  });
});
