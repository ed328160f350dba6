import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, awards, calls, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { DistrictCode } from "@/lib/domain/districts";
import { callRows, mergedDistricts, publicResults, type CallResults } from "./public-results";

type Status = (typeof applications.$inferInsert)["status"];
const M = 1_500_000;
let adminId: string;
/** Every applicant's personal values written by this file: none may appear in the public results. */
const personal: string[] = [];

async function app(callId: string, district: DistrictCode, status: Status, o: { jobs?: number; award?: "active" | "revoked"; amount?: number } = {}) {
  const applicantId = await makeApplicant(getDb(), { district });
  // Names of their own (the fixture's "Тестов" is also in the call's Russian title).
  const n = personal.length;
  await getDb().update(users).set({ surname: `Жариялаусыз${n}`, givenName: `Құпиябек${n}` }).where(eq(users.id, applicantId));
  const [u] = await getDb().select().from(users).where(eq(users.id, applicantId));
  personal.push(applicantId, u.email, u.iin!, u.surname!, u.givenName!);
  const id = await makeApplication(getDb(), { callId, applicantId, status, districtCode: district });
  personal.push(id);
  if (o.jobs !== undefined) await getDb().update(applications).set({ jobsCreated: o.jobs }).where(eq(applications.id, id));
  if (o.award) {
    await getDb().insert(awards).values({
      applicationId: id,
      callId,
      districtCode: district,
      amount: o.amount ?? M,
      awardedBy: adminId,
      status: o.award,
      ...(o.award === "revoked" ? { revokedAt: new Date(), revokedBy: adminId, revokeReason: "Сынақ" } : {}),
    });
  }
  return id;
}

async function publish(callId: string) {
  await getDb().update(calls).set({ resultsPublishedAt: new Date() }).where(eq(calls.id, callId));
}

const closed = () => ({ opensAt: new Date(Date.now() - 90 * 86_400_000), closesAt: new Date(Date.now() - 60 * 86_400_000) });

async function resultsOf(callId: string): Promise<CallResults | undefined> {
  return (await publicResults()).find((r) => r.call.id === callId);
}

let mainCall: string;
let unpublishedCall: string;

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  adminId = await makeUser(getDb(), "admin");

  // The main call: Talgar 4 received (2 awarded, 1 revoked), Ili 3 received (1 awarded), Karasai 1 and
  // Zhambyl 1 received (small: merged), plus drafts and a withdrawn one that are not received.
  mainCall = await makeCall(getDb(), closed());
  await app(mainCall, "talgar", "awarded", { jobs: 3, award: "active" });
  await app(mainCall, "talgar", "awarded", { jobs: 2, award: "active" });
  await app(mainCall, "talgar", "award_revoked", { jobs: 10, award: "revoked" });
  await app(mainCall, "talgar", "not_awarded", { jobs: 7 });
  await app(mainCall, "ili", "awarded", { jobs: 4, award: "active" });
  await app(mainCall, "ili", "waitlisted", { jobs: 1 });
  await app(mainCall, "ili", "ineligible");
  await app(mainCall, "karasai", "awarded", { jobs: 5, award: "active" });
  await app(mainCall, "karasai", "submitted", { jobs: 6 });
  await app(mainCall, "zhambyl", "not_awarded");
  await app(mainCall, "zhambyl", "draft");
  await app(mainCall, "kegen", "draft");
  await app(mainCall, "kegen", "withdrawn");
  await publish(mainCall);

  unpublishedCall = await makeCall(getDb(), closed());
  for (let i = 0; i < 3; i++) await app(unpublishedCall, "talgar", "awarded", { jobs: 1, award: "active" });
});

describe("the public results", () => {
  it("count received applications, active awards, their amounts and jobs per district", async () => {
    const r = (await resultsOf(mainCall))!;
    expect(r.programme).toEqual({ code: "biznes_bastau", name: { kk: "Бизнес бастау", ru: "Бизнес бастау", en: "Biznes bastau" } });
    expect(r.call.title.en).toBe("Test call");
    const byDistrict = Object.fromEntries(r.rows.map((row) => [row.district?.code ?? "other", row]));
    // Talgar: the revoked award and its 10 jobs do not count; the not-awarded plan's 7 jobs neither.
    expect(byDistrict.talgar).toMatchObject({ received: 4, awarded: 2, amountAwarded: 2 * M, jobsPlanned: 5 });
    expect(byDistrict.talgar.district!.name.kk).toBe("Талғар ауданы");
    expect(byDistrict.ili).toMatchObject({ received: 3, awarded: 1, amountAwarded: M, jobsPlanned: 4 });
    // Karasai (2) and Zhambyl (1 received; its draft does not count) are merged; Kegen has nothing received.
    expect(byDistrict.other).toMatchObject({ district: null, received: 3, awarded: 1, amountAwarded: M, jobsPlanned: 5 });
    expect(Object.keys(byDistrict)).toEqual(["ili", "talgar", "other"]);
    expect(r.total).toEqual({ received: 10, awarded: 4, amountAwarded: 4 * M, jobsPlanned: 14 });
    expect(r.rows.reduce((s, row) => s + row.received, 0)).toBe(r.total.received);
  });

  it("leave out calls whose results are not published", async () => {
    const all = await publicResults();
    expect(all.some((r) => r.call.id === unpublishedCall)).toBe(false);
    await publish(unpublishedCall);
    expect((await resultsOf(unpublishedCall))!.total).toEqual({ received: 3, awarded: 3, amountAwarded: 3 * M, jobsPlanned: 3 });
    await getDb().update(calls).set({ resultsPublishedAt: null }).where(eq(calls.id, unpublishedCall));
    expect(await resultsOf(unpublishedCall)).toBeUndefined();
  });

  it("list a published call with nothing received with no rows and a zero total", async () => {
    const empty = await makeCall(getDb(), closed());
    await app(empty, "ili", "draft");
    await publish(empty);
    const r = (await resultsOf(empty))!;
    expect(r.rows).toEqual([]);
    expect(r.total).toEqual({ received: 0, awarded: 0, amountAwarded: 0, jobsPlanned: 0 });
  });

  it("hold no personal data: only public keys, and no applicant's id, name, IIN or e-mail anywhere", async () => {
    const all = await publicResults();
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object" && !(v instanceof Date)) {
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
      }
    };
    walk(all);
    expect([...keys].sort()).toEqual(
      [
        "amountAwarded", "awarded", "call", "code", "district", "en", "id", "jobsPlanned", "kk", "name", "programme",
        "received", "resultsPublishedAt", "ru", "rows", "title", "total", "year",
      ].sort(),
    );
    const text = JSON.stringify(all);
    expect(personal.length).toBeGreaterThan(0);
    for (const value of personal) expect(text).not.toContain(value);
    for (const word of ["iin", "email", "surname", "givenName", "applicant"]) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    // The only id is the call's.
    for (const r of all) expect(r.call.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("merging small districts into other districts", () => {
  const d = (code: string, received: number, sortOrder: number) => ({ code, received, sortOrder });

  it("merges nothing when every district has 3 or more", () => {
    expect([...mergedDistricts([d("a", 3, 1), d("b", 10, 2)])]).toEqual([]);
  });

  it("merges every district with 1 or 2 when they are two or more and hold 3 or more together", () => {
    expect([...mergedDistricts([d("a", 2, 1), d("b", 1, 2), d("c", 9, 3), d("e", 0, 4)])].sort()).toEqual(["a", "b"]);
  });

  it("complement: a single small district is never merged alone (total − shown rows would reveal it); the next-smallest joins it", () => {
    // Only "a" is small; "c" (4) is the next-smallest, not "b" (7).
    expect([...mergedDistricts([d("a", 2, 1), d("b", 7, 2), d("c", 4, 3)])].sort()).toEqual(["a", "c"]);
  });

  it("two small districts with 2 applications in all take the next-smallest too (the merged row is about 3 or more)", () => {
    expect([...mergedDistricts([d("a", 1, 1), d("b", 1, 2), d("c", 5, 3), d("e", 3, 4)])].sort()).toEqual(["a", "b", "e"]);
  });

  it("ties go by the official order", () => {
    expect([...mergedDistricts([d("a", 1, 1), d("c", 5, 3), d("b", 5, 2)])].sort()).toEqual(["a", "b"]);
  });

  it("a call whose only district is small shows it as other districts, never by name", () => {
    const out = callRows([{ code: "ili", name: { kk: "Іле", ru: "Иле", en: "Ili" }, sortOrder: 1, received: 2, awarded: 1, amountAwarded: M, jobsPlanned: 2 }]);
    expect(out.rows).toEqual([{ district: null, received: 2, awarded: 1, amountAwarded: M, jobsPlanned: 2 }]);
  });

  it("no small district can be recovered from the shown rows and the total: the merged row always spans 2+ districts and 3+ applications, or every district", () => {
    // Exhaustive over small calls: 4 districts with 0..5 received each.
    for (let n = 0; n < 6 ** 4; n++) {
      const rows = [0, 1, 2, 3].map((i) => d(`d${i}`, Math.floor(n / 6 ** i) % 6, i));
      const merged = mergedDistricts(rows);
      const present = rows.filter((r) => r.received > 0);
      for (const r of present) if (r.received < 3) expect(merged.has(r.code)).toBe(true);
      if (merged.size === 0) continue;
      const sum = rows.filter((r) => merged.has(r.code)).reduce((s, r) => s + r.received, 0);
      const everything = merged.size === present.length;
      expect(everything || (merged.size >= 2 && sum >= 3)).toBe(true);
    }
  });
});
