import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { calls } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeCall } from "@/db/seed/fixtures";
import { resetClock, setClock } from "@/lib/clock";
import { openCallsAt, readCallsClosingAfter, type CallListingRow } from "./calls";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The demo data is seeded at this instant (13:00 in Almaty on 10 May 2026). */
const NOW = new Date("2026-05-10T08:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
// db/seed/demo.ts: open calls from 10 days before the seed day at 09:00 to 30 days after it at
// 18:00, Almaty time (UTC+5).
const DEMO_OPENS = new Date("2026-04-30T04:00:00Z");
const DEMO_CLOSES = new Date("2026-06-09T13:00:00Z");

/** The demo's calls only (fixture calls made below are titled "Test call"). */
const demo = <T extends { title: { en: string } }>(rows: readonly T[]): T[] => rows.filter((r) => r.title.en !== "Test call");

async function openAt(instant: Date) {
  return openCallsAt(await readCallsClosingAfter(instant), instant);
}

beforeAll(async () => {
  setClock(NOW);
  await seed({ demo: true, log: () => undefined });
  resetClock();
});

afterEach(() => resetClock());

describe("listing the open calls", () => {
  it("lists the three demo calls open now with the public facts and the grants the budget covers", async () => {
    const open = demo(await openAt(NOW));
    expect(open.map((c) => c.programmeCode)).toEqual(["biznes_bastau", "tauelsizdik_urpaqtary", "zangar"]);

    const [bb, tu, zg] = open;
    expect(bb.programmeName).toEqual({ kk: "Бизнес бастау", ru: "Бизнес бастау", en: "Biznes bastau" });
    expect(bb.title).toEqual({
      kk: "Бизнес бастау — 2026 жылғы конкурс",
      ru: "Бизнес бастау — конкурс 2026 года",
      en: "Biznes bastau — 2026 call",
    });
    expect(bb).toMatchObject({ awardAmount: 1_500_000, budgetCap: 136_500_000, awardedTotal: 0, grantsCovered: 91 });
    expect(bb.opensAt).toEqual(DEMO_OPENS);
    expect(bb.closesAt).toEqual(DEMO_CLOSES);
    expect(tu).toMatchObject({ awardAmount: 1_000_000, budgetCap: 15_000_000, grantsCovered: 15 });
    expect(zg).toMatchObject({ awardAmount: 500_000, budgetCap: 5_000_000, grantsCovered: 10 });
  });

  it("reads public columns only, in a JSON-safe shape (the cache stores JSON)", async () => {
    const rows = demo(await readCallsClosingAfter(NOW)) as CallListingRow[];
    expect(Object.keys(rows[0]).sort()).toEqual(
      ["awardAmount", "awardedTotal", "budgetCap", "closesAt", "id", "opensAt", "programmeCode", "programmeName", "title"].sort(),
    );
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    expect(rows[0].closesAt).toBe(DEMO_CLOSES.toISOString());
  });

  it("leaves out last year's closed call", async () => {
    const rows = await readCallsClosingAfter(NOW);
    expect(rows.some((r) => r.title.en === "Biznes bastau — 2025 call")).toBe(false);
  });

  it("a call is not open before opens_at and is open from that instant", async () => {
    expect(demo(await openAt(new Date(DEMO_OPENS.getTime() - 1)))).toEqual([]);
    expect(demo(await openAt(DEMO_OPENS))).toHaveLength(3);
  });

  it("a call is open until just before closes_at and closed at that instant (a deadline is an instant)", async () => {
    expect(demo(await openAt(new Date(DEMO_CLOSES.getTime() - 1)))).toHaveLength(3);
    expect(demo(await openAt(DEMO_CLOSES))).toEqual([]);
    expect(demo(await readCallsClosingAfter(DEMO_CLOSES))).toEqual([]);
  });

  it("rows read once serve later instants: a call opening or closing in between follows the clock", async () => {
    const opensLater = await makeCall(getDb(), { opensAt: at(HOUR), closesAt: at(2 * DAY) });
    const closesSoon = await makeCall(getDb(), { opensAt: at(-DAY), closesAt: at(2 * HOUR) });
    const rows = await readCallsClosingAfter(NOW); // as cached at NOW

    const ids = (instant: Date) => openCallsAt(rows, instant).map((c) => c.id);
    expect(ids(NOW)).toContain(closesSoon);
    expect(ids(NOW)).not.toContain(opensLater);
    expect(ids(at(3 * HOUR))).toContain(opensLater);
    expect(ids(at(3 * HOUR))).not.toContain(closesSoon);
    expect(ids(at(3 * HOUR))).toHaveLength(4);
  });

  it("leaves out archived calls", async () => {
    const id = await makeCall(getDb(), { opensAt: at(-DAY), closesAt: at(DAY) });
    expect((await openAt(NOW)).map((c) => c.id)).toContain(id);
    await getDb().update(calls).set({ archivedAt: NOW }).where(eq(calls.id, id));
    expect((await openAt(NOW)).map((c) => c.id)).not.toContain(id);
  });

  it("counts the grants the remaining budget covers, rounding down, zero when spent", async () => {
    const id = await makeCall(getDb(), { opensAt: at(-DAY), closesAt: at(DAY), budgetCap: 10_000_000, awardAmount: 1_500_000 });
    const covered = async () => (await openAt(NOW)).find((c) => c.id === id)?.grantsCovered;
    expect(await covered()).toBe(6); // 10,000,000 / 1,500,000
    await getDb().update(calls).set({ awardedTotal: 4_500_000 }).where(eq(calls.id, id));
    expect(await covered()).toBe(3); // 5,500,000 left
    await getDb().update(calls).set({ awardedTotal: 9_000_000 }).where(eq(calls.id, id));
    expect(await covered()).toBe(0); // 1,000,000 left: less than one grant
  });
});
