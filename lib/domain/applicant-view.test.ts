import { describe, expect, it } from "vitest";
import { averageTotal, buildTimeline, criterionFeedback, isCallPublic, publicCallState, visibleStatus } from "./applicant-view";

const d = (iso: string) => new Date(iso);

describe("visibleStatus", () => {
  it("hides an award (or its revocation) until the results are published", () => {
    expect(visibleStatus("awarded", false)).toBe("reviewed");
    expect(visibleStatus("award_revoked", false)).toBe("reviewed");
    expect(visibleStatus("awarded", true)).toBe("awarded");
    expect(visibleStatus("waitlisted", true)).toBe("waitlisted");
  });
  it("shows every other status as it is", () => {
    for (const s of ["draft", "submitted", "withdrawn", "ineligible", "in_review", "reviewed"] as const) {
      expect(visibleStatus(s, false)).toBe(s);
    }
  });
});

describe("buildTimeline", () => {
  const base = {
    status: "submitted" as const,
    createdAt: d("2026-11-20T05:00:00Z"),
    revisionsSubmittedAt: [] as Date[],
    screenedAt: null,
    resultsPublishedAt: null,
  };

  it("reads the audit rows in order and ignores other actions", () => {
    const items = buildTimeline(
      [
        { at: d("2026-11-20T05:00:00Z"), action: "application.create" },
        { at: d("2026-11-21T05:00:00Z"), action: "application.submit" },
        { at: d("2026-11-21T06:00:00Z"), action: "attachment.add" },
        { at: d("2026-11-22T05:00:00Z"), action: "application.withdraw" },
        { at: d("2026-11-23T05:00:00Z"), action: "application.reopen" },
      ],
      { ...base, status: "draft", revisionsSubmittedAt: [d("2026-11-21T05:00:00Z")] },
    );
    expect(items.map((i) => i.event)).toEqual(["created", "submitted", "withdrawn", "reopened"]);
  });

  it("fills in from the application's own dates when the audit has no history (seeded data)", () => {
    const items = buildTimeline([], {
      ...base,
      status: "in_review",
      revisionsSubmittedAt: [d("2026-11-21T05:00:00Z")],
      screenedAt: d("2026-11-25T05:00:00Z"),
    });
    expect(items).toEqual([
      { at: d("2026-11-20T05:00:00Z"), event: "created" },
      { at: d("2026-11-21T05:00:00Z"), event: "submitted" },
      { at: d("2026-11-25T05:00:00Z"), event: "screened_in" },
    ]);
    const refused = buildTimeline([], { ...base, status: "ineligible", screenedAt: d("2026-11-25T05:00:00Z") });
    expect(refused.map((i) => i.event)).toEqual(["created", "screened_out"]);
  });

  it("keeps the award out until publication, then shows it with the publication", () => {
    const audit = [{ at: d("2026-12-05T07:00:00Z"), action: "application.award" }];
    expect(buildTimeline(audit, { ...base, status: "awarded" }).map((i) => i.event)).toEqual(["created"]);
    const published = buildTimeline(audit, { ...base, status: "awarded", resultsPublishedAt: d("2026-12-06T07:00:00Z") });
    expect(published.map((i) => i.event)).toEqual(["created", "awarded", "results_published"]);
  });
});

describe("criterionFeedback", () => {
  const criteria = [
    { criterionId: "a", code: "market", scaleMin: 0, scaleMax: 10, weight: 2 },
    { criterionId: "b", code: "jobs", scaleMin: 0, scaleMax: 5, weight: 1 },
  ];
  it("averages to one decimal and keeps non-blank comments, without reviewers", () => {
    const out = criterionFeedback(criteria, [
      { criterionId: "a", score: 7, comment: " Good research " },
      { criterionId: "a", score: 8, comment: "" },
      { criterionId: "a", score: 8, comment: "  " },
    ]);
    expect(out[0]).toEqual({ code: "market", scaleMin: 0, scaleMax: 10, weight: 2, average: 7.7, comments: ["Good research"] });
    expect(out[1]).toMatchObject({ code: "jobs", average: null, comments: [] });
  });
  it("averages totals to two decimals", () => {
    expect(averageTotal([71.5, 80, 77.25])).toBe(76.25);
    expect(averageTotal([])).toBeNull();
  });
});

describe("isCallPublic", () => {
  const call = { opensAt: d("2026-11-01T04:00:00Z"), closesAt: d("2026-12-31T13:00:00Z"), archived: false };
  it("is public from opening until the closing instant (exclusive)", () => {
    expect(isCallPublic(call, d("2026-10-31T23:59:59Z"))).toBe(false);
    expect(isCallPublic(call, d("2026-11-01T04:00:00Z"))).toBe(true);
    expect(isCallPublic(call, d("2026-12-31T12:59:59Z"))).toBe(true);
    expect(isCallPublic(call, d("2026-12-31T13:00:00Z"))).toBe(false);
    expect(isCallPublic({ ...call, archived: true }, d("2026-12-01T00:00:00Z"))).toBe(false);
  });
});

describe("publicCallState", () => {
  const call = { opensAt: d("2026-11-01T04:00:00Z"), closesAt: d("2026-12-31T13:00:00Z"), archived: false };
  it("is nothing before opening, open until the closing instant, closed from it, nothing once archived", () => {
    expect(publicCallState(call, d("2026-11-01T03:59:59Z"))).toBeNull();
    expect(publicCallState(call, d("2026-11-01T04:00:00Z"))).toBe("open");
    expect(publicCallState(call, d("2026-12-31T12:59:59Z"))).toBe("open");
    expect(publicCallState(call, d("2026-12-31T13:00:00Z"))).toBe("closed");
    expect(publicCallState(call, d("2027-06-01T00:00:00Z"))).toBe("closed");
    expect(publicCallState({ ...call, archived: true }, d("2027-06-01T00:00:00Z"))).toBeNull();
    expect(publicCallState({ ...call, archived: true }, d("2026-12-01T00:00:00Z"))).toBeNull();
  });
});
