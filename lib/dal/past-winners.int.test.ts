import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, pastWinners, programmes, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeCall, makeUser } from "@/db/seed/fixtures";
import { makeIin } from "@/lib/domain/iin";
import { getApplyPage, type Actor } from "./applications";
import { importPastWinners, listProgrammesForPastWinners, pastWinnersCounts, previewPastWinners } from "./past-winners";

let admin: Actor;
let reviewer: Actor;
let applicant: Actor;
let tu: string;
let bb: string;
const iin = (n: number) => makeIin("1995-06-15", n % 2 ? "male" : "female", 6_000 + n * 3);

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  reviewer = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
  applicant = { id: await makeApplicant(getDb(), { birthDate: "1998-03-03" }), role: "applicant" };
  const ps = await getDb().select({ id: programmes.id, code: programmes.code }).from(programmes);
  tu = ps.find((p) => p.code === "tauelsizdik_urpaqtary")!.id;
  bb = ps.find((p) => p.code === "biznes_bastau")!.id;
});

describe("past winners", () => {
  it("previews new against already listed, imports idempotently, and counts per programme and year", async () => {
    const year = 2021;
    const first = [iin(1), iin(2), iin(3)];
    expect(await previewPastWinners(admin, tu, year, first)).toEqual({ ok: true, data: { total: 3, newCount: 3, existingCount: 0 } });
    expect(await importPastWinners(admin, tu, year, first)).toEqual({ ok: true, data: { total: 3, inserted: 3, alreadyListed: 0 } });

    const second = [iin(2), iin(3), iin(4)];
    expect(await previewPastWinners(admin, tu, year, second)).toEqual({ ok: true, data: { total: 3, newCount: 1, existingCount: 2 } });
    // Another year or programme is another list.
    expect(await previewPastWinners(admin, tu, year + 1, second)).toMatchObject({ data: { newCount: 3 } });
    expect(await previewPastWinners(admin, bb, year, second)).toMatchObject({ data: { newCount: 3 } });
    expect(await importPastWinners(admin, tu, year, second)).toEqual({ ok: true, data: { total: 3, inserted: 1, alreadyListed: 2 } });
    expect(await importPastWinners(admin, tu, year, second)).toEqual({ ok: true, data: { total: 3, inserted: 0, alreadyListed: 3 } });

    const rows = await getDb().select().from(pastWinners).where(and(eq(pastWinners.programmeId, tu), eq(pastWinners.year, year)));
    expect(rows.map((r) => r.iin).sort()).toEqual([iin(1), iin(2), iin(3), iin(4)].sort());
    const counts = await pastWinnersCounts(admin);
    expect(counts.find((c) => c.programmeId === tu && c.year === year)).toMatchObject({ count: 4 });
    expect(JSON.stringify(counts)).not.toContain(iin(1));
  });

  it("writes one audit row per import with the counts and never an IIN", async () => {
    const list = [iin(10), iin(11)];
    await importPastWinners(admin, tu, 2019, list);
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "past_winners.import"), eq(auditLog.actorId, admin.id)));
    const last = audits.find((a) => JSON.stringify(a).includes("2019"))!;
    expect(last).toMatchObject({ entityType: "programme", entityId: tu, actorRole: "admin" });
    expect(last.changes).toMatchObject({ year: 2019, total: 2, inserted: 2, alreadyListed: 0 });
    for (const a of audits) for (const x of [...list, iin(1), iin(2), iin(3), iin(4)]) expect(JSON.stringify(a)).not.toContain(x);
  });

  it("eligibility then refuses a listed IIN for a programme that excludes past winners", async () => {
    const callId = await makeCall(getDb(), { programmeCode: "tauelsizdik_urpaqtary" });
    const before = await getApplyPage(applicant, callId);
    expect(before?.reasons.map((r) => r.code)).not.toContain("past_winner");
    const [u] = await getDb().select({ iin: users.iin }).from(users).where(eq(users.id, applicant.id));
    expect(await importPastWinners(admin, tu, 2022, [u.iin!])).toMatchObject({ ok: true, data: { inserted: 1 } });
    const after = await getApplyPage(applicant, callId);
    expect(after?.eligible).toBe(false);
    expect(after?.reasons).toContainEqual({ code: "past_winner", years: [2022] });
  });

  it("refuses a non-admin and bad input", async () => {
    expect(await previewPastWinners(reviewer, tu, 2021, [iin(20)])).toEqual({ ok: false, code: "forbidden" });
    expect(await importPastWinners(reviewer, tu, 2021, [iin(20)])).toEqual({ ok: false, code: "forbidden" });
    expect(await importPastWinners(applicant, tu, 2021, [iin(20)])).toEqual({ ok: false, code: "forbidden" });
    await expect(pastWinnersCounts(reviewer)).rejects.toThrow(/forbidden/);
    await expect(listProgrammesForPastWinners(applicant)).rejects.toThrow(/forbidden/);
    expect(await importPastWinners(admin, tu, 2021, ["900101300008"])).toEqual({ ok: false, code: "invalid" });
    expect(await importPastWinners(admin, tu, 2021, [iin(20), iin(20)])).toEqual({ ok: false, code: "invalid" });
    expect(await importPastWinners(admin, tu, 1500, [iin(20)])).toEqual({ ok: false, code: "invalid" });
    expect(await importPastWinners(admin, "00000000-0000-4000-8000-000000000000", 2021, [iin(20)])).toEqual({ ok: false, code: "not_found" });
    const rows = await getDb().select().from(pastWinners).where(eq(pastWinners.iin, iin(20)));
    expect(rows).toHaveLength(0);
  });
});
