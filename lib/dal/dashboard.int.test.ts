import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, awards, reviewAssignments, reviews, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { DistrictCode } from "@/lib/domain/districts";
import { ageOn, makeIin, parseIin, type Sex } from "@/lib/domain/iin";
import type { Funnel } from "@/lib/domain/dashboard";
import { ageOnSql, dashboardData, dashboardOptions, iinBirthDateSql, iinSexSql, type DashboardData } from "./dashboard";

type Status = (typeof applications.$inferInsert)["status"];
const M = 1_500_000;
const almaty = (local: string) => new Date(`${local}+05:00`);

let admin: { id: string; role: "admin" };
let reviewerIds: string[] = [];
let callA: string;
let callB: string;
let serial = 8_500;
/** Every applicant's identifying values: none may leave the data layer. */
const personal: string[] = [];

async function applicant(birthDate: string, sex: Sex, storeSex: boolean, district: DistrictCode): Promise<string> {
  const id = randomUUID();
  const iin = makeIin(birthDate, sex, serial++);
  const email = `dash-${id}@test.jasgrant.demo`;
  await getDb().insert(users).values({
    id,
    email,
    role: "applicant",
    surname: `Дашбордов${serial}`,
    givenName: "Тест",
    iin,
    birthDate,
    sex: storeSex ? sex : null,
    districtCode: district,
    language: "kk",
  });
  personal.push(id, email, iin, birthDate);
  return id;
}

async function app(
  callId: string,
  district: DistrictCode,
  status: Status,
  person: { birth: string; sex: Sex; storeSex?: boolean },
  o: { jobs?: number; awardedAt?: Date; revokedAt?: Date } = {},
): Promise<string> {
  const applicantId = await applicant(person.birth, person.sex, person.storeSex ?? false, district);
  const id = await makeApplication(getDb(), { callId, applicantId, status, districtCode: district });
  personal.push(id);
  if (o.jobs !== undefined) await getDb().update(applications).set({ jobsCreated: o.jobs }).where(eq(applications.id, id));
  if (o.awardedAt) {
    await getDb().insert(awards).values({
      applicationId: id,
      callId,
      districtCode: district,
      amount: M,
      awardedBy: admin.id,
      awardedAt: o.awardedAt,
      status: o.revokedAt ? "revoked" : "active",
      ...(o.revokedAt ? { revokedAt: o.revokedAt, revokedBy: admin.id, revokeReason: "Сынақ" } : {}),
    });
  }
  return id;
}

async function assign(callId: string, applicationId: string, reviewerId: string, review: "none" | "draft" | "submitted", status: "assigned" | "removed" = "assigned") {
  const assignmentId = randomUUID();
  await getDb().insert(reviewAssignments).values({ id: assignmentId, callId, applicationId, reviewerId, status });
  if (review !== "none") {
    await getDb()
      .insert(reviews)
      .values({ assignmentId, applicationId, reviewerId, status: review, ...(review === "submitted" ? { total: 70, submittedAt: new Date() } : {}) });
  }
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  reviewerIds = [await makeUser(getDb(), "reviewer"), await makeUser(getDb(), "reviewer"), await makeUser(getDb(), "reviewer")];

  // Call A: Бизнес бастау 2025, closes 30 June 2025 18:00 Almaty, 10 grants of 1.5 M ₸.
  callA = await makeCall(getDb(), { opensAt: almaty("2025-05-01T09:00:00"), closesAt: almaty("2025-06-30T18:00:00"), budgetCap: 10 * M });
  const a1 = await app(callA, "ili", "awarded", { birth: "2007-06-30", sex: "male" }, { jobs: 3, awardedAt: almaty("2025-08-01T10:00:00") }); // 18 on the closing day
  await app(callA, "ili", "awarded", { birth: "2007-07-01", sex: "female", storeSex: true }, { jobs: 2, awardedAt: almaty("2025-08-01T11:00:00") }); // 17
  await app(callA, "ili", "award_revoked", { birth: "2000-01-15", sex: "male", storeSex: true }, { jobs: 10, awardedAt: almaty("2025-08-01T12:00:00"), revokedAt: almaty("2025-08-10T09:00:00") }); // 25
  await app(callA, "talgar", "reviewed", { birth: "1999-07-01", sex: "female" }, { jobs: 7 }); // 25 (26 the day after)
  await app(callA, "talgar", "not_awarded", { birth: "1996-02-29", sex: "male" }); // 29
  await app(callA, "talgar", "in_review", { birth: "1990-06-30", sex: "female", storeSex: true }); // 35
  await app(callA, "talgar", "ineligible", { birth: "1989-06-30", sex: "male" }); // 36
  await app(callA, "talgar", "submitted", { birth: "2003-03-03", sex: "female" }); // 22
  await app(callA, "karasai", "waitlisted", { birth: "2005-12-31", sex: "male" }); // 19
  // Awarded at 01:00 Almaty on 3 August (still 2 August in UTC): counts on the 3rd.
  await app(callA, "karasai", "awarded", { birth: "1995-06-30", sex: "female" }, { jobs: 4, awardedAt: new Date("2025-08-02T20:00:00Z") }); // 30
  await app(callA, "ili", "draft", { birth: "2001-01-01", sex: "male" });
  await app(callA, "talgar", "withdrawn", { birth: "2001-01-02", sex: "female" });
  await assign(callA, a1, reviewerIds[0], "submitted");
  await assign(callA, a1, reviewerIds[1], "submitted");

  // Call B: Заңғар 2026, closes 31 March 2026 18:00 Almaty.
  callB = await makeCall(getDb(), {
    programmeCode: "zangar",
    opensAt: almaty("2026-02-01T09:00:00"),
    closesAt: almaty("2026-03-31T18:00:00"),
    budgetCap: 4 * M,
    awardAmount: M,
  });
  await app(callB, "alatau", "submitted", { birth: "2004-02-29", sex: "female" }); // 22
  await app(callB, "alatau", "submitted", { birth: "2008-04-01", sex: "male", storeSex: true }); // 17
  const b3 = await app(callB, "alatau", "in_review", { birth: "2000-03-31", sex: "male" }); // 26 on the closing day
  await assign(callB, b3, reviewerIds[0], "submitted");
  await assign(callB, b3, reviewerIds[1], "draft");
  await assign(callB, b3, reviewerIds[2], "none");
  const extra = await makeUser(getDb(), "reviewer");
  await assign(callB, b3, extra, "submitted", "removed"); // a removed assignment does not count
});

const district = (d: DashboardData, code: string) => d.perDistrict.find((x) => x.code === code)!.count;
const monotone = (f: Funnel) => f.submitted >= f.eligible && f.eligible >= f.reviewed && f.reviewed >= f.awarded;

describe("dashboardData", () => {
  it("counts every chart's figures over all calls", async () => {
    const d = await dashboardData(admin, {});
    expect(d.calls.map((c) => c.id)).toEqual([callB, callA]);
    expect(d.perProgramme.map((p) => [p.code, p.count])).toEqual([
      ["biznes_bastau", 10],
      ["zangar", 3],
    ]);
    expect(d.perProgramme[1].name.ru).toBe("Заңғар");
    expect(d.perDistrict).toHaveLength(11);
    expect(Object.fromEntries(d.perDistrict.filter((x) => x.count > 0).map((x) => [x.code, x.count]))).toEqual({ ili: 3, talgar: 5, karasai: 2, alatau: 3 });
    expect(d.perDistrict.find((x) => x.code === "ili")!.name.kk).toBe("Іле ауданы");
    expect(d.funnel).toEqual({ submitted: 13, eligible: 9, reviewed: 7, awarded: 3 });
    expect(d.budget).toEqual({
      cap: 14 * M,
      awarded: 3 * M,
      series: [
        { day: "2025-08-01", awarded: 3 * M, cumulative: 3 * M },
        { day: "2025-08-03", awarded: M, cumulative: 4 * M },
        { day: "2025-08-10", awarded: -M, cumulative: 3 * M },
      ],
    });
    const jobs = Object.fromEntries(d.jobs.filter((j) => j.awards > 0).map((j) => [j.code, [j.awards, j.jobs]]));
    expect(jobs).toEqual({ ili: [2, 5], karasai: [1, 4] });
    expect(d.jobs).toHaveLength(11);
    expect(d.ages).toEqual([
      { group: "under18", female: 1, male: 1, unknown: 0, total: 2 },
      { group: "18-21", female: 0, male: 2, unknown: 0, total: 2 },
      { group: "22-25", female: 3, male: 1, unknown: 0, total: 4 },
      { group: "26-29", female: 0, male: 2, unknown: 0, total: 2 },
      { group: "30-35", female: 2, male: 0, unknown: 0, total: 2 },
      { group: "over35", female: 0, male: 1, unknown: 0, total: 1 },
    ]);
    expect(d.reviews.map((r) => [r.callId, r.submitted, r.inProgress, r.notStarted])).toEqual([
      [callB, 1, 1, 1],
      [callA, 2, 0, 0],
    ]);
    expect(monotone(d.funnel)).toBe(true);
  });

  it("filters by programme", async () => {
    const d = await dashboardData(admin, { programme: "zangar" });
    expect(d.calls.map((c) => c.id)).toEqual([callB]);
    expect(d.perProgramme.map((p) => [p.code, p.count])).toEqual([["zangar", 3]]);
    expect(district(d, "alatau")).toBe(3);
    expect(district(d, "ili")).toBe(0);
    expect(d.funnel).toEqual({ submitted: 3, eligible: 1, reviewed: 0, awarded: 0 });
    expect(d.budget).toEqual({ cap: 4 * M, awarded: 0, series: [] });
    expect(d.jobs.every((j) => j.awards === 0 && j.jobs === 0)).toBe(true);
    expect(d.ages.filter((a) => a.total > 0).map((a) => [a.group, a.female, a.male])).toEqual([
      ["under18", 0, 1],
      ["22-25", 1, 0],
      ["26-29", 0, 1],
    ]);
    expect(d.reviews.map((r) => [r.submitted, r.inProgress, r.notStarted])).toEqual([[1, 1, 1]]);
  });

  it("filters by year and by call, the cap being the selected call's", async () => {
    const y = await dashboardData(admin, { year: 2025 });
    expect(y.calls.map((c) => c.id)).toEqual([callA]);
    expect(y.funnel).toEqual({ submitted: 10, eligible: 8, reviewed: 7, awarded: 3 });
    expect(y.budget.cap).toBe(10 * M);
    expect(y.budget.awarded).toBe(3 * M);
    const c = await dashboardData(admin, { call: callA });
    expect(c.funnel).toEqual(y.funnel);
    expect(c.budget).toEqual(y.budget);
    expect(c.ages.map((a) => a.total)).toEqual([1, 2, 3, 1, 2, 1]);
    expect(monotone(y.funnel) && monotone(c.funnel)).toBe(true);
  });

  it("is empty, not failing, when nothing matches", async () => {
    for (const f of [{ programme: "zangar", year: 2025 }, { call: randomUUID() }, { programme: "no_such" }]) {
      const d = await dashboardData(admin, f);
      expect(d.calls).toEqual([]);
      expect(d.funnel).toEqual({ submitted: 0, eligible: 0, reviewed: 0, awarded: 0 });
      expect(d.budget).toEqual({ cap: 0, awarded: 0, series: [] });
      expect(d.reviews).toEqual([]);
      expect(d.perDistrict.every((x) => x.count === 0)).toBe(true);
    }
    // A call with drafts only: in scope, but nothing received.
    const drafts = await makeCall(getDb(), { programmeCode: "tauelsizdik_urpaqtary", closesAt: almaty("2024-06-30T18:00:00"), opensAt: almaty("2024-05-01T09:00:00") });
    await app(drafts, "kegen", "draft", { birth: "2002-02-02", sex: "male" });
    const d = await dashboardData(admin, { call: drafts });
    expect(d.calls).toHaveLength(1);
    expect(d.funnel.submitted).toBe(0);
    expect(d.perProgramme).toEqual([{ code: "tauelsizdik_urpaqtary", name: expect.any(Object), count: 0 }]);
  });

  it("counts an anonymised applicant (no IIN, birth date or sex left) as age and sex not known", async () => {
    const call = await makeCall(getDb(), { programmeCode: "tauelsizdik_urpaqtary", closesAt: almaty("2024-09-30T18:00:00"), opensAt: almaty("2024-08-01T09:00:00") });
    await app(call, "raiymbek", "not_awarded", { birth: "2001-05-05", sex: "female", storeSex: true });
    const gone = await app(call, "raiymbek", "not_awarded", { birth: "2002-06-06", sex: "male", storeSex: true });
    const [{ applicantId }] = await getDb().select({ applicantId: applications.applicantId }).from(applications).where(eq(applications.id, gone));
    await getDb()
      .update(users)
      .set({ iin: null, birthDate: null, sex: null, surname: "—", givenName: "—", anonymisedAt: new Date() })
      .where(eq(users.id, applicantId));
    const d = await dashboardData(admin, { call });
    expect(d.funnel.submitted).toBe(2);
    expect(district(d, "raiymbek")).toBe(2);
    expect(d.ages.filter((a) => a.total > 0)).toEqual([
      { group: "22-25", female: 1, male: 0, unknown: 0, total: 1 },
      { group: "unknown", female: 0, male: 0, unknown: 1, total: 1 },
    ]);
  });

  it("keeps the funnel monotone for every programme and year", async () => {
    const o = await dashboardOptions(admin);
    for (const p of o.programmes) for (const y of o.years) expect(monotone((await dashboardData(admin, { programme: p.code, year: y })).funnel)).toBe(true);
  });

  it("returns aggregates only: no applicant's id, e-mail, IIN or birth date", async () => {
    const text = JSON.stringify([await dashboardData(admin, {}), await dashboardOptions(admin)]);
    for (const v of personal) expect(text).not.toContain(v);
  });

  it("is refused to reviewers, applicants and no one", async () => {
    const reviewer = { id: reviewerIds[0], role: "reviewer" as const };
    const applicantActor = { id: personal[0], role: "applicant" as const };
    for (const actor of [reviewer, applicantActor]) {
      await expect(dashboardData(actor, {})).rejects.toThrow(/forbidden/);
      await expect(dashboardOptions(actor)).rejects.toThrow(/forbidden/);
    }
    await expect(dashboardData(null as never, {})).rejects.toThrow(/forbidden/);
  });
});

describe("dashboardOptions", () => {
  it("lists the programmes, the calls (newest year first) and the years", async () => {
    const o = await dashboardOptions(admin);
    expect(o.programmes.map((p) => p.code)).toEqual(["biznes_bastau", "tauelsizdik_urpaqtary", "zangar"]);
    expect(o.calls[0].id).toBe(callB);
    expect(o.calls.find((c) => c.id === callA)).toMatchObject({ year: 2025, programmeCode: "biznes_bastau", budgetCap: 10 * M });
    expect(o.years.slice(0, 2)).toEqual([2026, 2025]);
  });
});

describe("the SQL derivations match lib/domain/iin.ts", () => {
  function rng(seed: number) {
    let s = seed;
    return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  }
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it("birth date and sex from an IIN, for valid IINs across three centuries and malformed ones", async () => {
    const r = rng(42);
    const iins: string[] = [];
    for (let i = 0; i < 600; i++) {
      const day = new Date(Date.UTC(1800, 0, 1) + Math.floor(r() * 109_500) * 86_400_000); // 1800–2099
      iins.push(makeIin(iso(day), r() < 0.5 ? "male" : "female", Math.floor(r() * 9_000)));
    }
    iins.push(makeIin("2000-02-29", "female"), makeIin("1900-03-01", "male"), makeIin("2099-12-31", "female"), makeIin("1800-01-01", "male"));
    // Malformed: no 30 February, no 29 February 1900 or 2001, month 13, day 00, day 32, 31 April, century 0/7/9, letters.
    const bad = ["000230500012", "000229300012", "010229500012", "001301500012", "000100500012", "000132500012", "000431500012", "000101000012", "000101700012", "000101900012", "00a101500012"];
    const all = [...iins, ...bad];
    const rows = await getDb().execute<{ i: number; birth: string | null; sex: string | null }>(sql`
      SELECT x.i::int AS i, ${iinBirthDateSql(sql`x.iin`)}::text AS birth, ${iinSexSql(sql`x.iin`)} AS sex
      FROM json_array_elements_text(${JSON.stringify(all)}::json) WITH ORDINALITY AS x(iin, i)`);
    expect(rows.rows).toHaveLength(all.length);
    for (const row of rows.rows) {
      const iin = all[row.i - 1];
      const parsed = parseIin(iin);
      if (parsed.ok) {
        expect([iin, row.birth, row.sex]).toEqual([iin, parsed.birthDate, parsed.sex]);
      } else {
        expect(parsed.reason).not.toBe("checksum");
        expect([iin, row.birth]).toEqual([iin, null]);
      }
    }
  });

  it("age on a day in Almaty, 29 February birthdays and the hours around midnight included", async () => {
    const r = rng(7);
    const cases: { birth: string; at: string }[] = [
      // Almaty was UTC+6 until 1 March 2024, UTC+5 since: both sides use the time zone database.
      { birth: "2000-02-29", at: "2023-02-28T17:59:59Z" }, // 28 Feb 23:59 Almaty: 22
      { birth: "2000-02-29", at: "2023-02-28T18:00:00Z" }, // 1 Mar 00:00 Almaty: 23
      { birth: "2000-02-29", at: "2024-02-28T20:00:00Z" }, // 29 Feb 2024 01:00 Almaty: 24
      { birth: "2007-06-30", at: "2025-06-29T19:00:00Z" },
      { birth: "2007-06-30", at: "2025-06-29T18:59:00Z" },
    ];
    for (let i = 0; i < 500; i++) {
      const birth = iso(new Date(Date.UTC(1980, 0, 1) + Math.floor(r() * 12_000) * 86_400_000));
      const at = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 5_000 * 86_400) * 1_000).toISOString();
      cases.push({ birth, at });
    }
    const rows = await getDb().execute<{ i: number; age: number }>(sql`
      SELECT x.i::int AS i, ${ageOnSql(sql`(x.v->>'birth')::date`, sql`(x.v->>'at')::timestamptz`)} AS age
      FROM json_array_elements(${JSON.stringify(cases)}::json) WITH ORDINALITY AS x(v, i)`);
    expect(rows.rows).toHaveLength(cases.length);
    for (const row of rows.rows) {
      const c = cases[row.i - 1];
      expect([c, row.age]).toEqual([c, ageOn(c.birth, new Date(c.at))]);
    }
    expect(rows.rows.slice(0, 3).map((x) => x.age)).toEqual([22, 23, 24]);
  });
});
