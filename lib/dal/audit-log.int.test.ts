import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { AUDIT_PAGE_SIZE } from "@/lib/domain/audit-filters";
import { auditFacets, listAudit } from "./audit-log";

const admin = { id: "", role: "admin" as const };
let reviewerId = "";
let applicantId = "";
const before = new Set<number>();

async function user(email: string, role: "admin" | "reviewer", surname: string, givenName: string): Promise<string> {
  const [u] = await getDb().insert(users).values({ email, role, surname, givenName }).returning({ id: users.id });
  return u.id;
}

type Row = typeof auditLog.$inferInsert;
async function add(rows: Row[]): Promise<void> {
  await getDb().insert(auditLog).values(rows);
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  for (const r of await getDb().select({ id: auditLog.id }).from(auditLog)) before.add(r.id);
  admin.id = await user("chief.audit@example.kz", "admin", "Бекова", "Сәуле");
  reviewerId = await user("Omar.Reviewer@example.kz", "reviewer", "Омаров", "Асқар");
  applicantId = reviewerId; // the refusals below only need some non-admin actor id
  const at = (iso: string) => new Date(iso);
  await add([
    // 2026-12-01 00:30 in Almaty (UTC+5), still 30 November in UTC.
    { at: at("2026-11-30T19:30:00Z"), actorId: admin.id, actorRole: "admin", action: "auth.sign_in", entityType: "user", entityId: admin.id },
    { at: at("2026-11-30T18:30:00Z"), actorId: reviewerId, actorRole: "reviewer", action: "application.read", entityType: "application", entityId: "11111111-1111-4111-8111-111111111111" },
    { at: at("2026-11-29T10:00:00Z"), actorId: admin.id, actorRole: "admin", action: "award.create", entityType: "award", entityId: "7", changedFields: ["amount"], changes: { amount: 5_000_000 } },
    { at: at("2026-11-29T11:00:00Z"), actorId: admin.id, actorRole: "admin", action: "award.revoke", entityType: "award", entityId: "7", changedFields: ["reason"], changes: { reason: "duplicate" } },
    { at: at("2026-11-28T09:00:00Z"), actorId: null, actorRole: null, action: "call.archive", entityType: "call", entityId: "3" },
    { at: at("2026-11-28T08:00:00Z"), actorId: admin.id, actorRole: "admin", action: "user.update", entityType: "user", entityId: reviewerId, changedFields: ["surname", "organisation"], changes: { organisation: "ҚазҰУ" } },
  ]);
  // 120 reads by the reviewer on one day, for the pages.
  await add(
    Array.from({ length: 120 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 20, 5, i)),
      actorId: reviewerId,
      actorRole: "reviewer",
      action: "attachment.read",
      entityType: "attachment",
      entityId: String(1000 + i),
    })),
  );
});

const mine = (ids: number[]) => ids.filter((id) => !before.has(id));

describe("listAudit (the admin's audit log)", () => {
  it("is refused to a reviewer, an applicant and nobody, in the data layer", async () => {
    await expect(listAudit({ id: reviewerId, role: "reviewer" })).rejects.toThrow(/forbidden/);
    await expect(listAudit({ id: applicantId, role: "applicant" })).rejects.toThrow(/forbidden/);
    await expect(listAudit(null)).rejects.toThrow(/forbidden/);
    await expect(auditFacets({ id: reviewerId, role: "reviewer" })).rejects.toThrow(/forbidden/);
  });

  it("shows newest first who (name and role, or the system), what, which record, fields and non-personal changes", async () => {
    const list = await listAudit(admin, { from: "2026-11-28", to: "2026-12-01" });
    expect(list.rows.map((r) => r.action)).toEqual(["auth.sign_in", "application.read", "award.revoke", "award.create", "call.archive", "user.update"]);
    expect(list.rows[0]).toMatchObject({ actorId: admin.id, actorName: "Бекова Сәуле", actorRole: "admin", entityType: "user" });
    expect(list.rows[1]).toMatchObject({ actorName: "Омаров Асқар", actorRole: "reviewer", entityType: "application" });
    expect(list.rows[4]).toMatchObject({ actorId: null, actorName: null, actorRole: null, entityType: "call", entityId: "3" });
    expect(list.rows[5]).toMatchObject({ changedFields: ["surname", "organisation"], changes: { organisation: "ҚазҰУ" } });
  });

  it("filters by actor: words of the name or e-mail (any case, Cyrillic too), or the system", async () => {
    const byEmail = await listAudit(admin, { actor: "OMAR.reviewer" });
    expect(byEmail.total).toBe(121);
    expect(new Set(byEmail.rows.map((r) => r.actorId))).toEqual(new Set([reviewerId]));
    const byName = await listAudit(admin, { actor: "бекова сәуле" });
    expect(byName.total).toBe(4);
    expect(new Set(byName.rows.map((r) => r.actorId))).toEqual(new Set([admin.id]));
    const system = await listAudit(admin, { actor: "system", from: "2026-11-01", to: "2026-12-31" });
    expect(system.rows.map((r) => r.action)).toEqual(["call.archive"]);
    expect((await listAudit(admin, { actor: "nobody-like-this" })).total).toBe(0);
  });

  it("filters by action, exact or by a prefix ending with a dot", async () => {
    const exact = await listAudit(admin, { action: "application.read" });
    expect(exact.rows.map((r) => r.action)).toEqual(["application.read"]);
    const prefix = await listAudit(admin, { action: "award." });
    expect(prefix.rows.map((r) => r.action)).toEqual(["award.revoke", "award.create"]);
    // "award" without the dot is an exact action, which does not exist.
    expect((await listAudit(admin, { action: "award" })).total).toBe(0);
  });

  it("filters by record type and id", async () => {
    const awards = await listAudit(admin, { entityType: "award" });
    expect(awards.total).toBe(2);
    const one = await listAudit(admin, { entityType: "attachment", entityId: "1005" });
    expect(one.rows.map((r) => r.entityId)).toEqual(["1005"]);
    const byId = await listAudit(admin, { entityId: "7" });
    expect(byId.rows.every((r) => r.entityType === "award")).toBe(true);
  });

  it("filters by period in Almaty dates, both ends inclusive", async () => {
    const dec1 = await listAudit(admin, { from: "2026-12-01", to: "2026-12-01" });
    expect(mine(dec1.rows.map((r) => r.id))).toHaveLength(1);
    expect(dec1.rows.find((r) => !before.has(r.id))?.action).toBe("auth.sign_in");
    const nov30 = await listAudit(admin, { from: "2026-11-30", to: "2026-11-30" });
    expect(nov30.rows.map((r) => r.action)).toEqual(["application.read"]);
    const upTo29 = await listAudit(admin, { from: "2026-11-29", to: "2026-11-29" });
    expect(upTo29.rows.map((r) => r.action)).toEqual(["award.revoke", "award.create"]);
  });

  it("pages 50 at a time, newest first, without overlap; a page past the end shows the last", async () => {
    const filters = { action: "attachment.read" };
    const p1 = await listAudit(admin, filters, 1);
    const p2 = await listAudit(admin, filters, 2);
    const p3 = await listAudit(admin, filters, 3);
    expect(p1.total).toBe(120);
    expect(p1.pageSize).toBe(AUDIT_PAGE_SIZE);
    expect([p1.rows.length, p2.rows.length, p3.rows.length]).toEqual([50, 50, 20]);
    const all = [...p1.rows, ...p2.rows, ...p3.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(120);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].at.getTime()).toBeGreaterThanOrEqual(all[i].at.getTime());
    expect(p1.rows[0].entityId).toBe("1119");
    const past = await listAudit(admin, filters, 99);
    expect(past.page).toBe(3);
  });

  it("lists the distinct actions and record types for the filters", async () => {
    const facets = await auditFacets(admin);
    expect(facets.actions).toEqual(expect.arrayContaining(["application.read", "attachment.read", "auth.sign_in", "award.create", "award.revoke"]));
    expect(facets.entityTypes).toEqual(expect.arrayContaining(["application", "attachment", "award", "call", "user"]));
    expect(new Set(facets.actions).size).toBe(facets.actions.length);
  });
});
