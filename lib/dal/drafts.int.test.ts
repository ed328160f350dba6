import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, programmes, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeIin } from "@/lib/domain/iin";
import { startApplication, type Actor } from "./applications";
import { saveDraftSections } from "./drafts";

let callId: string;
let serial = 700;

async function makeApplicant(): Promise<Actor> {
  serial++;
  const [u] = await getDb()
    .insert(users)
    .values({
      email: `draft${serial}@example.kz`,
      role: "applicant",
      surname: "Тестов",
      givenName: "Тест",
      iin: makeIin("1999-04-04", "male", serial),
      birthDate: "1999-04-04",
      sex: "male",
      phone: "+77010000000",
      districtCode: "ili",
      language: "kk",
      emailVerifiedAt: new Date(),
    })
    .returning({ id: users.id });
  return { id: u.id, role: "applicant" };
}

async function draft(me: Actor): Promise<string> {
  const r = await startApplication(me, callId, { trainingCertificate: "BB-2026/0001" });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.applicationId;
}

const stored = async (id: string) => (await getDb().select({ data: applications.data, version: applications.version }).from(applications).where(eq(applications.id, id)))[0];

beforeAll(async () => {
  await seed({ demo: true, log: () => undefined });
  const [c] = await getDb()
    .select({ id: calls.id })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(eq(programmes.code, "biznes_bastau"), sql`${calls.closesAt} > now()`));
  callId = c.id;
});

describe("autosave of the wizard's sections (PUT /api/applications/:id/draft)", () => {
  it("parses the sections sent with the draft schema and replaces only those", async () => {
    const me = await makeApplicant();
    const id = await draft(me);
    const r = await saveDraftSections(me, id, 1, {
      idea: { idea: "  Наубайхана  ", product: "" },
      budget: { lines: [{ item: "Пеш", quantity: "2", unitPrice: "1 000", amount: 2000 }, { item: "", quantity: "", unitPrice: "" }] },
      unknownSection: { x: 1 },
    });
    expect(r).toMatchObject({ ok: true, version: 2 });
    const row = await stored(id);
    expect(row.data.training).toEqual({ certificateNumber: "BB-2026/0001" });
    expect(row.data.idea).toEqual({ idea: "Наубайхана", product: "" });
    expect(row.data.budget).toEqual({ lines: [{ item: "Пеш", quantity: 2, unitPrice: 1000, amount: 2000 }, {}] });
    expect(row.data).not.toHaveProperty("unknownSection");
  });

  it("refuses malformed values (too long, negative, amount ≠ quantity × price) and writes nothing", async () => {
    const me = await makeApplicant();
    const id = await draft(me);
    const r = await saveDraftSections(me, id, 1, {
      idea: { idea: "x".repeat(3001) },
      budget: { lines: [{ item: "Пеш", quantity: -1, unitPrice: 10, amount: 5 }] },
    });
    expect(r.ok).toBe(false);
    if (r.ok || r.code !== "invalid") throw new Error("expected invalid");
    expect(r.issues.map((i) => `${i.path}:${i.message}`)).toEqual(expect.arrayContaining(["idea.idea:textTooLong", "budget.lines.0.quantity:budgetLineInvalid"]));
    expect((await stored(id)).version).toBe(1);
    expect(await saveDraftSections(me, id, 1, [])).toMatchObject({ ok: false, code: "invalid" });
  });

  it("keeps the version guard: a stale version gets conflict and the current version", async () => {
    const me = await makeApplicant();
    const id = await draft(me);
    expect(await saveDraftSections(me, id, 1, { team: { team: "Бірінші" } })).toMatchObject({ ok: true, version: 2 });
    expect(await saveDraftSections(me, id, 1, { team: { team: "Ескі қойынды" } })).toEqual({ ok: false, code: "conflict", version: 2 });
    expect((await stored(id)).data.team).toEqual({ team: "Бірінші" });
  });

  it("finds only the viewer's own draft", async () => {
    const me = await makeApplicant();
    const id = await draft(me);
    const other = await makeApplicant();
    expect(await saveDraftSections(other, id, 1, { team: { team: "hijack" } })).toEqual({ ok: false, code: "not_found" });
    expect(await saveDraftSections(me, "not-a-uuid", 1, {})).toEqual({ ok: false, code: "not_found" });
    expect(await saveDraftSections({ id: me.id, role: "admin" }, id, 1, {})).toEqual({ ok: false, code: "not_found" });
    expect((await stored(id)).version).toBe(1);
  });
});
