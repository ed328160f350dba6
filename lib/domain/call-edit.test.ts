import { describe, expect, it } from "vitest";
import {
  addOneYear,
  almatyLocalToUtc,
  callEditRefusals,
  computeAwardAmount,
  datesInOrder,
  newCallRefusals,
  nextYearTitle,
  utcToAlmatyLocal,
  type CallFacts,
  type CallValues,
} from "./call-edit";

const before: CallValues = {
  year: 2026,
  opensAt: new Date("2026-02-01T04:00:00Z"),
  closesAt: new Date("2026-03-01T13:00:00Z"),
  reviewDeadline: new Date("2026-04-01T13:00:00Z"),
  budgetCap: 15_000_000,
  awardAmount: 1_500_000,
  minScore: 30,
  reviewersPerApplication: 3,
  districts: [
    { code: "ili", ceiling: 3, reservedMinimum: 1 },
    { code: "talgar", ceiling: null, reservedMinimum: null },
  ],
};
const quiet: CallFacts = { hasAwards: false, awardedTotal: 0, districtAwarded: {}, openDrafts: 0, assignmentsStarted: false, now: new Date("2026-02-15T00:00:00Z") };
const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe("computeAwardAmount", () => {
  it("gives the fixed amount, or the MRP multiple × the year's MRP", () => {
    expect(computeAwardAmount({ awardKind: "fixed", awardAmount: 1_500_000 }, 2030, {})).toEqual({ ok: true, amount: 1_500_000 });
    expect(computeAwardAmount({ awardKind: "mrp", awardMrpMultiple: 400 }, 2026, { 2026: 4_325 })).toEqual({ ok: true, amount: 1_730_000 });
  });
  it("refuses an MRP programme when the year's MRP is missing", () => {
    expect(computeAwardAmount({ awardKind: "mrp", awardMrpMultiple: 400 }, 2027, { 2026: 4_325 })).toEqual({ ok: false, code: "mrp_missing" });
    expect(computeAwardAmount({ awardKind: "fixed", awardAmount: null }, 2027, {})).toEqual({ ok: false, code: "award_not_configured" });
  });
});

describe("callEditRefusals", () => {
  it("allows an edit that breaks nothing", () => {
    expect(callEditRefusals(before, { ...before, budgetCap: 20_000_000, minScore: 40 }, quiet)).toEqual([]);
  });
  it("refuses dates out of order", () => {
    expect(datesInOrder({ ...before, closesAt: before.opensAt })).toBe(false);
    expect(codes(callEditRefusals(before, { ...before, reviewDeadline: new Date("2026-02-20T00:00:00Z") }, quiet))).toEqual(["dates_order"]);
    expect(codes(newCallRefusals({ ...before, opensAt: new Date("2026-03-02T00:00:00Z") }))).toEqual(["dates_order"]);
  });
  it("refuses a new award amount after the first award, and allows it before", () => {
    const after = { ...before, awardAmount: 1_730_000 };
    expect(callEditRefusals(before, after, quiet)).toEqual([]);
    expect(codes(callEditRefusals(before, after, { ...quiet, hasAwards: true }))).toEqual(["award_amount_locked"]);
    // Same amount with awards: fine.
    expect(callEditRefusals(before, { ...before, budgetCap: 30_000_000 }, { ...quiet, hasAwards: true, awardedTotal: 1_500_000 })).toEqual([]);
  });
  it("refuses the closing date moved into the past while drafts are open", () => {
    const after = { ...before, closesAt: new Date("2026-02-10T00:00:00Z") };
    expect(callEditRefusals(before, after, { ...quiet, openDrafts: 2 })).toEqual([{ code: "closes_in_past_with_drafts", drafts: 2 }]);
    expect(callEditRefusals(before, after, quiet)).toEqual([]);
    // Earlier but still ahead: allowed with drafts open.
    expect(callEditRefusals(before, { ...before, closesAt: new Date("2026-02-20T00:00:00Z") }, { ...quiet, openDrafts: 2 })).toEqual([]);
    // Unchanged closing date of a closed call: not a move.
    const closed = { ...quiet, now: new Date("2026-03-10T00:00:00Z"), openDrafts: 1 };
    expect(callEditRefusals(before, { ...before, budgetCap: 16_000_000 }, closed)).toEqual([]);
  });
  it("refuses a budget cap below the awarded total", () => {
    expect(callEditRefusals(before, { ...before, budgetCap: 2_000_000 }, { ...quiet, awardedTotal: 3_000_000 })).toEqual([{ code: "budget_below_awarded", awarded: 3_000_000 }]);
    expect(callEditRefusals(before, { ...before, budgetCap: 3_000_000 }, { ...quiet, awardedTotal: 3_000_000 })).toEqual([]);
  });
  it("refuses a district ceiling below its awarded count", () => {
    const after = { ...before, districts: [{ code: "ili", ceiling: 1, reservedMinimum: null }, before.districts[1]] };
    expect(callEditRefusals(before, after, { ...quiet, districtAwarded: { ili: 2 } })).toEqual([{ code: "ceiling_below_awarded", district: "ili", awarded: 2 }]);
    expect(callEditRefusals(before, after, { ...quiet, districtAwarded: { ili: 1 } })).toEqual([]);
  });
  it("refuses a reserved minimum above the ceiling", () => {
    const after = { ...before, districts: [{ code: "ili", ceiling: 1, reservedMinimum: 2 }] };
    expect(codes(callEditRefusals(before, after, quiet))).toEqual(["reserved_above_ceiling"]);
  });
  it("refuses any change of reviewers per application once assignment has started", () => {
    expect(callEditRefusals(before, { ...before, reviewersPerApplication: 2 }, quiet)).toEqual([]);
    const started = { ...quiet, assignmentsStarted: true };
    expect(callEditRefusals(before, { ...before, reviewersPerApplication: 2 }, started)).toEqual([{ code: "reviewers_locked", current: 3 }]);
    expect(codes(callEditRefusals(before, { ...before, reviewersPerApplication: 4 }, started))).toEqual(["reviewers_locked"]);
  });
});

describe("Asia/Almaty local time", () => {
  it("reads a datetime-local value as UTC+5 and back", () => {
    expect(almatyLocalToUtc("2026-06-01T18:00")?.toISOString()).toBe("2026-06-01T13:00:00.000Z");
    expect(utcToAlmatyLocal(new Date("2026-06-01T13:00:00Z"))).toBe("2026-06-01T18:00");
    expect(utcToAlmatyLocal(new Date("2026-12-31T20:30:00Z"))).toBe("2027-01-01T01:30");
  });
  it("uses the zone's history (UTC+6 before March 2024)", () => {
    expect(almatyLocalToUtc("2023-06-01T18:00")?.toISOString()).toBe("2023-06-01T12:00:00.000Z");
  });
  it("refuses malformed and impossible values", () => {
    for (const v of ["", "2026-06-01", "2026-02-30T10:00", "2026-13-01T10:00", "2026-06-01T24:00", "x"]) expect(almatyLocalToUtc(v)).toBeNull();
  });
});

describe("cloning one year on", () => {
  it("moves an instant one calendar year in Almaty time", () => {
    expect(addOneYear(new Date("2025-03-01T13:00:00Z")).toISOString()).toBe("2026-03-01T13:00:00.000Z");
    expect(addOneYear(new Date("2028-02-29T10:00:00Z")).toISOString()).toBe("2029-02-28T10:00:00.000Z");
  });
  it("moves the year in a title", () => {
    expect(nextYearTitle("Бизнес бастау 2025", 2025)).toBe("Бизнес бастау 2026");
    expect(nextYearTitle("Call 12025", 2025)).toBe("Call 12025");
  });
});
