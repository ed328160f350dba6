import { describe, expect, it } from "vitest";
import {
  AGE_GROUPS,
  budgetLine,
  wrapLabel,
  ageGroup,
  bucketAges,
  cumulativeByDay,
  dashboardQueryString,
  funnelOf,
  parseDashboardQuery,
  percent,
} from "./dashboard";

describe("ageGroup", () => {
  it.each([
    [14, "under18"],
    [17, "under18"],
    [18, "18-21"],
    [21, "18-21"],
    [22, "22-25"],
    [25, "22-25"],
    [26, "26-29"],
    [29, "26-29"],
    [30, "30-35"],
    [35, "30-35"],
    [36, "over35"],
    [70, "over35"],
  ] as const)("%i years → %s", (age, group) => {
    expect(ageGroup(age)).toBe(group);
  });

  it("an unknown, negative or fractional age is unknown", () => {
    expect(ageGroup(null)).toBe("unknown");
    expect(ageGroup(-1)).toBe("unknown");
    expect(ageGroup(20.5)).toBe("unknown");
  });
});

describe("bucketAges", () => {
  it("sums counts per group and sex, in the groups' order", () => {
    const rows = bucketAges([
      { age: 19, sex: "female", count: 2 },
      { age: 21, sex: "male", count: 1 },
      { age: 18, sex: "female", count: 1 },
      { age: 16, sex: null, count: 1 },
      { age: 33, sex: "male", count: 4 },
      { age: null, sex: "female", count: 1 },
    ]);
    expect(rows.map((r) => r.group)).toEqual(["under18", "18-21", "22-25", "26-29", "30-35", "unknown"]);
    expect(rows[0]).toEqual({ group: "under18", female: 0, male: 0, unknown: 1, total: 1 });
    expect(rows[1]).toEqual({ group: "18-21", female: 3, male: 1, unknown: 0, total: 4 });
    expect(rows[2]).toEqual({ group: "22-25", female: 0, male: 0, unknown: 0, total: 0 });
    expect(rows[4]).toEqual({ group: "30-35", female: 0, male: 4, unknown: 0, total: 4 });
    expect(rows[5]).toEqual({ group: "unknown", female: 1, male: 0, unknown: 0, total: 1 });
  });

  it("shows the five expected groups even when empty, over-35 and unknown only when someone is in them", () => {
    expect(bucketAges([]).map((r) => r.group)).toEqual(["under18", "18-21", "22-25", "26-29", "30-35"]);
    expect(bucketAges([{ age: 40, sex: "male", count: 1 }]).map((r) => r.group)).toContain("over35");
    expect(AGE_GROUPS).toHaveLength(7);
  });
});

describe("funnelOf", () => {
  it("counts each stage from statuses, never widening", () => {
    const f = funnelOf({ submitted: 3, ineligible: 2, in_review: 4, reviewed: 1, awarded: 2, waitlisted: 1, not_awarded: 5, award_revoked: 1, draft: 9, withdrawn: 7 });
    expect(f).toEqual({ submitted: 19, eligible: 14, reviewed: 10, awarded: 2 });
    expect(f.submitted).toBeGreaterThanOrEqual(f.eligible);
    expect(f.eligible).toBeGreaterThanOrEqual(f.reviewed);
    expect(f.reviewed).toBeGreaterThanOrEqual(f.awarded);
  });

  it("is all zeros without applications", () => {
    expect(funnelOf({})).toEqual({ submitted: 0, eligible: 0, reviewed: 0, awarded: 0 });
  });
});

describe("cumulativeByDay", () => {
  it("sums per day in date order, revocations subtracting", () => {
    expect(
      cumulativeByDay([
        { day: "2026-03-02", delta: 100 },
        { day: "2026-03-01", delta: 50 },
        { day: "2026-03-02", delta: 25 },
        { day: "2026-03-05", delta: -50 },
      ]),
    ).toEqual([
      { day: "2026-03-01", awarded: 50, cumulative: 50 },
      { day: "2026-03-02", awarded: 125, cumulative: 175 },
      { day: "2026-03-05", awarded: -50, cumulative: 125 },
    ]);
    expect(cumulativeByDay([])).toEqual([]);
  });
});

describe("the dashboard's query string", () => {
  const id = "0b5e5c1e-4a8e-4c59-9d43-2d5b7f0a1c22";
  it("reads valid filters and ignores malformed ones", () => {
    expect(parseDashboardQuery({ programme: "biznes_bastau", call: id.toUpperCase(), year: "2026" })).toEqual({ programme: "biznes_bastau", call: id, year: 2026 });
    expect(parseDashboardQuery({ programme: "x'; drop", call: "nope", year: "26" })).toEqual({});
    expect(parseDashboardQuery({ programme: ["a", "b"], year: "1999" })).toEqual({});
    expect(parseDashboardQuery({})).toEqual({});
  });

  it("writes them back in a fixed order", () => {
    expect(dashboardQueryString({ year: 2025, programme: "zangar" })).toBe("?programme=zangar&year=2025");
    expect(dashboardQueryString({})).toBe("");
  });
});

describe("percent", () => {
  it("rounds to a whole percent, null of nothing", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBeNull();
  });
});

describe("budgetLine", () => {
  const series = [
    { day: "2026-03-01", awarded: 50, cumulative: 50 },
    { day: "2026-03-05", awarded: 25, cumulative: 75 },
  ];
  it("starts at zero the day before the first award and reaches today", () => {
    expect(budgetLine(series, "2026-04-01")).toEqual([
      { day: "2026-02-28", cumulative: 0 },
      { day: "2026-03-01", cumulative: 50 },
      { day: "2026-03-05", cumulative: 75 },
      { day: "2026-04-01", cumulative: 75 },
    ]);
  });

  it("adds no today point when the last award is today (or later), and no line without awards", () => {
    expect(budgetLine(series, "2026-03-05").at(-1)).toEqual({ day: "2026-03-05", cumulative: 75 });
    expect(budgetLine([{ day: "2024-03-01", awarded: 1, cumulative: 1 }], "2024-03-01")[0].day).toBe("2024-02-29");
    expect(budgetLine([], "2026-01-01")).toEqual([]);
  });
});

describe("wrapLabel", () => {
  it("keeps short names on one line and wraps long ones at spaces", () => {
    expect(wrapLabel("Іле ауданы")).toEqual(["Іле ауданы"]);
    expect(wrapLabel("Енбекшиказахский район")).toEqual(["Енбекшиказахский", "район"]);
  });

  it("cuts after three lines with an ellipsis", () => {
    expect(wrapLabel("Tauelsizdik urpaqtary (Generations of Independence)")).toEqual(["Tauelsizdik", "urpaqtary", "(Generations of…"]);
    expect(wrapLabel("Бизнес бастау 2025")).toEqual(["Бизнес бастау", "2025"]);
    expect(wrapLabel("")).toEqual([]);
  });
});
