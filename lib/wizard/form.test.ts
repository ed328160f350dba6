import { describe, expect, it } from "vitest";
import type { FormSection } from "@/db/schema/programmes";
import { formatMoney } from "@/lib/domain/money";
import { almatyTime, budgetTotal, fieldDomId, forecastRows, formatTenge, initialValues, lineAmount, parseWhole, pickSections, submitIssues } from "./form";

const L = (s: string) => ({ kk: s, ru: s, en: s });
const SECTIONS: FormSection[] = [
  { key: "idea", title: L("Idea"), fields: [{ key: "idea", type: "textarea", label: L("Idea"), required: true, maxLength: 10 }] },
  { key: "budget", title: L("Budget"), fields: [{ key: "lines", type: "budget", label: L("Lines"), required: true }] },
  { key: "forecast", title: L("Forecast"), fields: [{ key: "months", type: "forecast", label: L("Months"), required: true }] },
  { key: "plan", title: L("Plan"), fields: [{ key: "months", type: "monthly_plan", label: L("Plan"), required: true }] },
  { key: "jobs", title: L("Jobs"), fields: [{ key: "jobsCreated", type: "integer", label: L("Jobs"), required: true, min: 0, max: 100 }] },
];
const ctx = { awardAmount: 1000, directions: [] };

describe("initialValues", () => {
  it("fills blanks: one empty budget line, twelve forecast months, one plan row", () => {
    const v = initialValues(SECTIONS, {});
    expect(v.idea).toEqual({ idea: "" });
    expect(v.budget.lines).toEqual([{ item: "", quantity: "", unitPrice: "" }]);
    expect((v.forecast.months as unknown[]).length).toBe(12);
    expect((v.forecast.months as { month: number }[]).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(v.plan.months).toEqual([{ month: "", activity: "" }]);
    expect(v.jobs).toEqual({ jobsCreated: "" });
  });

  it("keeps stored answers and places forecast rows by month", () => {
    const v = initialValues(SECTIONS, {
      idea: { idea: "Bakery" },
      budget: { lines: [{ item: "Oven", quantity: 2, unitPrice: 500, amount: 1000 }] },
      forecast: { months: [{ month: 3, revenue: 10, expenses: 4 }] },
      jobs: { jobsCreated: 2 },
    });
    expect(v.idea.idea).toBe("Bakery");
    expect(v.budget.lines).toEqual([{ item: "Oven", quantity: 2, unitPrice: 500, amount: 1000 }]);
    expect((v.forecast.months as unknown[])[2]).toEqual({ month: 3, revenue: 10, expenses: 4 });
    expect((v.forecast.months as unknown[])[0]).toEqual({ month: 1, revenue: "", expenses: "" });
    expect(v.jobs.jobsCreated).toBe(2);
  });
});

describe("numbers", () => {
  it("parses typed whole numbers", () => {
    expect(parseWhole("1 500 000")).toBe(1_500_000);
    expect(parseWhole("")).toBeUndefined();
    expect(parseWhole("-5")).toBeUndefined();
    expect(parseWhole("1.5")).toBeUndefined();
    expect(parseWhole(7)).toBe(7);
  });
  it("computes line amounts and the total of the computable lines", () => {
    expect(lineAmount("2", "350 000")).toBe(700_000);
    expect(lineAmount("0", "10")).toBeUndefined();
    expect(lineAmount("2", "2000", 1000)).toBeUndefined();
    expect(budgetTotal([{ quantity: "2", unitPrice: "300" }, { quantity: "1", unitPrice: "400" }, { quantity: "", unitPrice: "9" }])).toBe(1000);
  });
  it("turns forecast rows into numbers, blanks into NaN", () => {
    const rows = forecastRows([{ month: 1, revenue: "100", expenses: "" }]);
    expect(rows[0].revenue).toBe(100);
    expect(Number.isNaN(rows[0].expenses)).toBe(true);
  });
  it("formats tenge exactly as the server does", () => {
    for (const locale of ["kk", "ru", "en"] as const) {
      for (const n of [0, 5, 1500000, 1234567890, -25000]) expect(formatTenge(n, locale)).toBe(formatMoney(n, locale));
    }
  });
  it("shows hh:mm in Almaty", () => {
    expect(almatyTime(new Date("2026-12-02T09:05:00Z"))).toBe("14:05");
  });
});

describe("issues and ids", () => {
  it("lists what blocks a submission, each with its field id, in form order", () => {
    const v = initialValues(SECTIONS, { budget: { lines: [{ item: "Oven", quantity: 1, unitPrice: 900, amount: 900 }] } });
    const issues = submitIssues(SECTIONS, ctx, v);
    expect(issues.filter((i) => i.section === "plan").map((i) => `${i.path}:${i.message}`)).toEqual(["months.0.month:planIncomplete", "months.0.activity:fieldRequired", "months:planIncomplete"]);
    expect(issues[0]).toEqual({ section: "idea", path: "idea", message: "fieldRequired", fieldId: "f-idea-idea" });
    expect(issues.some((i) => i.section === "budget" && i.message === "budgetTotalMismatch")).toBe(true);
    expect(issues.some((i) => i.section === "jobs" && i.message === "fieldRequired")).toBe(true);
    const order = issues.map((i) => i.section);
    expect(order.indexOf("idea")).toBeLessThan(order.indexOf("budget"));
    expect(order.indexOf("plan")).toBeLessThan(order.indexOf("jobs"));
  });
  it("draft mode accepts blanks but not an over-long text", () => {
    expect(submitIssues(SECTIONS, ctx, initialValues(SECTIONS, {}), "draft")).toEqual([]);
    const v = initialValues(SECTIONS, { idea: { idea: "x".repeat(11) } });
    expect(submitIssues(SECTIONS, ctx, v, "draft").map((i) => i.message)).toEqual(["textTooLong"]);
  });
  it("reports a complete form as ready", () => {
    const v = {
      idea: { idea: "Bakery" },
      budget: { lines: [{ item: "Oven", quantity: 2, unitPrice: 500, amount: 1000 }] },
      forecast: { months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, revenue: "100", expenses: "50" })) },
      plan: { months: [{ month: "1", activity: "Start" }] },
      jobs: { jobsCreated: "2" },
    };
    expect(submitIssues(SECTIONS, ctx, v)).toEqual([]);
  });
  it("builds ids and picks sections", () => {
    expect(fieldDomId("budget", "lines.0.quantity")).toBe("f-budget-lines-0-quantity");
    expect(fieldDomId("idea", "")).toBe("f-idea");
    expect(pickSections({ a: { x: 1 }, b: { y: 2 } }, ["b", "c"])).toEqual({ b: { y: 2 } });
  });
});

describe("issuesByField", () => {
  it("keeps one entry per field, the field's own message and a link to its first cell", async () => {
    const { issuesByField } = await import("./form");
    const grouped = issuesByField(submitIssues(SECTIONS, ctx, initialValues(SECTIONS, {})));
    const forecast = grouped.find((g) => g.section === "forecast")!;
    expect(forecast).toMatchObject({ field: "months", message: "forecastIncomplete", fieldId: "f-forecast-months-0-revenue" });
    expect(forecast.count).toBeGreaterThan(12);
    expect(grouped.filter((g) => g.section === "forecast")).toHaveLength(1);
    expect(grouped.find((g) => g.section === "idea")).toMatchObject({ field: "idea", message: "fieldRequired", fieldId: "f-idea-idea", count: 1 });
  });
});
