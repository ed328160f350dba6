import { describe, expect, it } from "vitest";
import { callPhase, type CallPhaseInput } from "./call-phase";

const d = (s: string) => new Date(s);
const call: CallPhaseInput = {
  opensAt: d("2026-11-01T04:00:00Z"),
  closesAt: d("2026-12-31T13:00:00Z"),
  archivedAt: null,
  resultsPublishedAt: null,
  inReviewCount: 0,
};

describe("callPhase", () => {
  it("upcoming before it opens, open from opensAt to just before closesAt", () => {
    expect(callPhase(call, d("2026-10-31T23:59:59Z"))).toBe("upcoming");
    expect(callPhase(call, d("2026-11-01T04:00:00Z"))).toBe("open");
    expect(callPhase(call, d("2026-12-31T12:59:59.999Z"))).toBe("open");
  });
  it("closed at closesAt; in review while applications are in review and results are not published", () => {
    expect(callPhase(call, d("2026-12-31T13:00:00Z"))).toBe("closed");
    expect(callPhase({ ...call, inReviewCount: 2 }, d("2027-01-05T00:00:00Z"))).toBe("in_review");
    expect(callPhase({ ...call, inReviewCount: 2, resultsPublishedAt: d("2027-02-01T00:00:00Z") }, d("2027-02-02T00:00:00Z"))).toBe("closed");
  });
  it("in review only after closing (an open call stays open)", () => {
    expect(callPhase({ ...call, inReviewCount: 3 }, d("2026-12-01T00:00:00Z"))).toBe("open");
  });
  it("archived wins over every date", () => {
    expect(callPhase({ ...call, archivedAt: d("2026-10-01T00:00:00Z") }, d("2026-11-15T00:00:00Z"))).toBe("archived");
  });
});
