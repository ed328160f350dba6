import { describe, expect, it } from "vitest";
import {
  auditQueryString,
  auditRecordHref,
  describeChanges,
  parseAuditQuery,
  parseCalendarDate,
  parsePeriod,
} from "./audit-filters";

describe("parseCalendarDate", () => {
  it("accepts real YYYY-MM-DD dates only", () => {
    expect(parseCalendarDate("2026-12-01")).toBe("2026-12-01");
    expect(parseCalendarDate(" 2028-02-29 ")).toBe("2028-02-29");
    expect(parseCalendarDate("2026-02-29")).toBeUndefined();
    expect(parseCalendarDate("2026-13-01")).toBeUndefined();
    expect(parseCalendarDate("01.12.2026")).toBeUndefined();
    expect(parseCalendarDate("2026-12-1")).toBeUndefined();
    expect(parseCalendarDate("")).toBeUndefined();
  });
});

describe("parsePeriod", () => {
  it("keeps valid ends, drops invalid ones and swaps a reversed period", () => {
    expect(parsePeriod("2026-11-01", "2026-11-30")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(parsePeriod("2026-11-30", "2026-11-01")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(parsePeriod("garbage", "2026-11-30")).toEqual({ from: undefined, to: "2026-11-30" });
    expect(parsePeriod("", "")).toEqual({ from: undefined, to: undefined });
  });
});

describe("parseAuditQuery", () => {
  it("reads every filter and the page", () => {
    expect(
      parseAuditQuery({ actor: " Бекова ", action: "award.", entity: "application", id: "abc", from: "2026-11-01", to: "2026-11-02", page: "3" }),
    ).toEqual({
      filters: { actor: "Бекова", action: "award.", entityType: "application", entityId: "abc", from: "2026-11-01", to: "2026-11-02" },
      page: 3,
    });
  });

  it("ignores malformed values and repeated parameters", () => {
    expect(parseAuditQuery({ action: "DROP TABLE", entity: "a b", page: "-2", from: "x", actor: ["a", "b"] })).toEqual({ filters: {}, page: 1 });
    expect(parseAuditQuery({}).page).toBe(1);
    expect(parseAuditQuery({ page: "abc" }).page).toBe(1);
  });
});

describe("auditQueryString", () => {
  it("round-trips through parseAuditQuery and leaves out page 1", () => {
    const filters = { actor: "a b", action: "auth.sign_in", entityType: "call", entityId: "5", from: "2026-01-01", to: "2026-01-31" };
    const qs = auditQueryString(filters, 2);
    expect(qs).toBe("?actor=a+b&action=auth.sign_in&entity=call&id=5&from=2026-01-01&to=2026-01-31&page=2");
    expect(parseAuditQuery(Object.fromEntries(new URLSearchParams(qs)))).toEqual({ filters, page: 2 });
    expect(auditQueryString({}, 1)).toBe("");
  });
});

describe("auditRecordHref", () => {
  it("links applications and calls to their admin pages, nothing else", () => {
    expect(auditRecordHref("application", "11111111-1111-4111-8111-111111111111")).toBe("/admin/applications/11111111-1111-4111-8111-111111111111");
    expect(auditRecordHref("call", "3")).toBe("/admin/calls/3");
    expect(auditRecordHref("user", "3")).toBeNull();
    expect(auditRecordHref("call", null)).toBeNull();
    expect(auditRecordHref("call", "../x")).toBeNull();
  });
});

describe("describeChanges", () => {
  it("shows text as it is and anything else as compact JSON", () => {
    expect(describeChanges({ reason: "duplicate", amount: 5000000, to: { status: "awarded" }, gone: null })).toEqual([
      { field: "reason", value: "duplicate" },
      { field: "amount", value: "5000000" },
      { field: "to", value: '{"status":"awarded"}' },
      { field: "gone", value: "null" },
    ]);
  });
});
