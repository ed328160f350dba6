import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, outbox, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeIin } from "@/lib/domain/iin";
import { registrationSchema } from "@/lib/validation/registration";
import {
  createStaffAccount,
  listUsers,
  registerApplicant,
  requestPasswordReset,
  setAccountActive,
  setLanguage,
  USER_LIST_PAGE_SIZE,
} from "./accounts";

const T0 = new Date("2026-11-26T10:00:00Z");
const admin = { id: "", role: "admin" as const };
let applicantId = "";

let counter = 0;
async function applicant(over: Record<string, unknown> = {}): Promise<string> {
  counter++;
  const r = registrationSchema(T0).parse({
    email: `list${counter}@example.kz`,
    password: "a long enough password",
    passwordConfirm: "a long enough password",
    surname: "Жұмабаева",
    givenName: "Айгерім",
    iin: makeIin("1999-04-05", "female", 200 + counter),
    phone: "+77019876543",
    district: "ili",
    language: "kk",
    consent: "on",
    ...over,
  });
  const res = await registerApplicant(r);
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.userId;
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  const [a] = await getDb()
    .insert(users)
    .values({ email: "chief@example.kz", role: "admin", surname: "Бекова", givenName: "Сәуле" })
    .returning({ id: users.id });
  admin.id = a.id;
  applicantId = await applicant({ email: "Dana.Nur@Example.kz", surname: "Нұрланова", givenName: "Дана", patronymic: "Ерланқызы" });
  await applicant({ email: "percent_user@example.kz", surname: "Ахметов", givenName: "Ерлан" });
  const staff = await createStaffAccount(admin, {
    email: "reviewer.omar@example.kz",
    surname: "Омаров",
    givenName: "Асқар",
    role: "reviewer",
    organisation: "ҚазҰУ",
    language: "ru",
  });
  if (!staff.ok) throw new Error("staff");
  await setAccountActive(admin, staff.userId, false);
});

describe("listUsers (the admin's list of accounts)", () => {
  it("is refused to anyone but an admin, in the data layer", async () => {
    await expect(listUsers({ id: applicantId, role: "applicant" })).rejects.toThrow(/forbidden/);
    await expect(listUsers({ id: admin.id, role: "reviewer" })).rejects.toThrow(/forbidden/);
    await expect(listUsers(null)).rejects.toThrow(/forbidden/);
  });

  it("lists every account with the columns the page shows, and no IIN, phone or birth date", async () => {
    const list = await listUsers(admin);
    expect(list.total).toBe(4);
    const row = list.rows.find((r) => r.id === applicantId)!;
    expect(row).toEqual({
      id: applicantId,
      email: "dana.nur@example.kz",
      surname: "Нұрланова",
      givenName: "Дана",
      patronymic: "Ерланқызы",
      role: "applicant",
      organisation: null,
      active: true,
      verified: false,
      passwordSet: true,
    });
    for (const r of list.rows) {
      expect(Object.keys(r).sort()).toEqual(["active", "email", "givenName", "id", "organisation", "passwordSet", "patronymic", "role", "surname", "verified"]);
    }
    // Sorted by surname.
    expect(list.rows.map((r) => r.surname)).toEqual(["Ахметов", "Бекова", "Нұрланова", "Омаров"]);
  });

  it("searches names and e-mails case-insensitively, every word having to match", async () => {
    expect((await listUsers(admin, { q: "нұрланова" })).rows.map((r) => r.id)).toEqual([applicantId]);
    expect((await listUsers(admin, { q: "DANA.NUR" })).rows.map((r) => r.id)).toEqual([applicantId]);
    expect((await listUsers(admin, { q: "Дана ерланқызы" })).rows.map((r) => r.id)).toEqual([applicantId]);
    expect((await listUsers(admin, { q: "Дана Омаров" })).total).toBe(0);
    expect((await listUsers(admin, { q: "асқар" })).rows.map((r) => r.email)).toEqual(["reviewer.omar@example.kz"]);
    // Kazakh capitals fold whatever the database's locale (the embedded server runs with --locale=C).
    expect((await listUsers(admin, { q: "ӘКІМ" })).total).toBe(0);
    expect((await listUsers(admin, { q: "САУЛЕ" })).total).toBe(0);
    expect((await listUsers(admin, { q: "СӘУЛЕ ҚАЗҰУ" })).total).toBe(0);
    expect((await listUsers(admin, { q: "СӘУЛЕ" })).rows.map((r) => r.id)).toEqual([admin.id]);
    expect((await listUsers(admin, { q: "ОМАРОВ АСҚАР" })).rows.map((r) => r.email)).toEqual(["reviewer.omar@example.kz"]);
  });

  it("does not search by IIN or phone (personal data stays out of this list)", async () => {
    const [u] = await getDb().select({ iin: users.iin }).from(users).where(eq(users.id, applicantId));
    expect((await listUsers(admin, { q: u.iin! })).total).toBe(0);
    expect((await listUsers(admin, { q: "+77019876543" })).total).toBe(0);
  });

  it("treats LIKE wildcards in the search as plain characters", async () => {
    expect((await listUsers(admin, { q: "%" })).total).toBe(0);
    expect((await listUsers(admin, { q: "percent_user" })).rows.map((r) => r.email)).toEqual(["percent_user@example.kz"]);
    expect((await listUsers(admin, { q: "percent_" })).total).toBe(1);
    expect((await listUsers(admin, { q: "t_u" })).total).toBe(1);
    expect((await listUsers(admin, { q: "_" })).total).toBe(1);
  });

  it("filters by role and by status", async () => {
    expect((await listUsers(admin, { role: "applicant" })).total).toBe(2);
    expect((await listUsers(admin, { role: "reviewer" })).rows.map((r) => r.email)).toEqual(["reviewer.omar@example.kz"]);
    const inactive = await listUsers(admin, { status: "inactive" });
    expect(inactive.rows.map((r) => [r.email, r.active, r.passwordSet, r.organisation])).toEqual([["reviewer.omar@example.kz", false, false, "ҚазҰУ"]]);
    expect((await listUsers(admin, { status: "active", role: "reviewer" })).total).toBe(0);
  });

  it("pages by USER_LIST_PAGE_SIZE, clamping a page past the end to the last", async () => {
    for (let i = 0; i < USER_LIST_PAGE_SIZE; i++) await applicant({ surname: "Пакетова", givenName: `Әсел${"а".repeat(i + 1)}`, email: `page${i}@example.kz` });
    const first = await listUsers(admin, { q: "Пакетова" });
    expect(first).toMatchObject({ total: USER_LIST_PAGE_SIZE, page: 1, pageSize: USER_LIST_PAGE_SIZE });
    expect(first.rows).toHaveLength(USER_LIST_PAGE_SIZE);
    const all = await listUsers(admin);
    expect(all.rows).toHaveLength(USER_LIST_PAGE_SIZE);
    const second = await listUsers(admin, { page: 2 });
    expect(second.page).toBe(2);
    expect(second.rows).toHaveLength(all.total - USER_LIST_PAGE_SIZE);
    expect(new Set([...all.rows, ...second.rows].map((r) => r.id)).size).toBe(all.total);
    expect((await listUsers(admin, { page: 99 })).page).toBe(2);
    expect((await listUsers(admin, { page: -3 })).page).toBe(1);
  });

  it("leaves anonymised accounts out", async () => {
    const id = await applicant({ surname: "Жасырынова" });
    expect((await listUsers(admin, { q: "Жасырынова" })).total).toBe(1);
    await getDb().update(users).set({ anonymisedAt: T0 }).where(eq(users.id, id));
    expect((await listUsers(admin, { q: "Жасырынова" })).total).toBe(0);
  });
});

describe("setLanguage (the language of one's own profile)", () => {
  it("stores the language with one audit row per change, and later e-mails are written in it", async () => {
    const id = await applicant({ email: "lang@example.kz", language: "kk" });
    const audits = async () =>
      (await getDb().select({ changes: auditLog.changes }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "user.set_language")))).map(
        (a) => a.changes,
      );

    expect(await setLanguage(id, "en")).toBe(true);
    const [u] = await getDb().select({ language: users.language }).from(users).where(eq(users.id, id));
    expect(u.language).toBe("en");
    expect(await audits()).toEqual([{ language: "en" }]);

    // The same language again: nothing changes, no new audit row.
    expect(await setLanguage(id, "en")).toBe(true);
    expect(await audits()).toHaveLength(1);

    // A reset asked from a Russian page still goes in the profile's language.
    expect(await requestPasswordReset("lang@example.kz", "ru")).toEqual({ ok: true });
    const [mail] = await getDb()
      .select({ language: outbox.language, template: outbox.template })
      .from(outbox)
      .where(eq(outbox.toEmail, "lang@example.kz"))
      .orderBy(sql`${outbox.id} desc`)
      .limit(1);
    expect(mail).toEqual({ language: "en", template: "reset_password" });
  });

  it("is false for an unknown or anonymised account and changes nothing", async () => {
    expect(await setLanguage("00000000-0000-4000-8000-000000000000", "ru")).toBe(false);
    const id = await applicant();
    await getDb().update(users).set({ anonymisedAt: T0 }).where(eq(users.id, id));
    expect(await setLanguage(id, "ru")).toBe(false);
    const [u] = await getDb().select({ language: users.language }).from(users).where(eq(users.id, id));
    expect(u.language).toBe("kk");
  });
});
