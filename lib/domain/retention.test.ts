import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES } from "./workflow";
import { DAY_MS, isAccountDue, isDueForAnonymisation, retentionCutoff, UNSUCCESSFUL_STATUSES } from "./retention";

const at = new Date("2026-12-02T06:00:00Z");
const cutoff = retentionCutoff(at, 1095);

describe("retentionCutoff", () => {
  it("is the period in whole days before the moment", () => {
    expect(at.getTime() - cutoff.getTime()).toBe(1095 * DAY_MS);
    expect(retentionCutoff(at, 1).toISOString()).toBe("2026-12-01T06:00:00.000Z");
  });
  it.each([0, -1, 1.5, Number.NaN])("refuses a period of %s days", (d) => {
    expect(() => retentionCutoff(at, d)).toThrow(RangeError);
  });
});

describe("isDueForAnonymisation", () => {
  const archivedBefore = { archivedAt: new Date(cutoff.getTime() - 1) };
  it("takes every status except awarded", () => {
    expect(APPLICATION_STATUSES.filter((s) => !UNSUCCESSFUL_STATUSES.includes(s))).toEqual(["awarded"]);
    for (const status of UNSUCCESSFUL_STATUSES) expect(isDueForAnonymisation({ status, anonymisedAt: null }, archivedBefore, cutoff)).toBe(true);
    expect(isDueForAnonymisation({ status: "awarded", anonymisedAt: null }, archivedBefore, cutoff)).toBe(false);
  });
  it("waits for the call to be archived for the whole period", () => {
    const app = { status: "not_awarded" as const, anonymisedAt: null };
    expect(isDueForAnonymisation(app, { archivedAt: null }, cutoff)).toBe(false);
    expect(isDueForAnonymisation(app, { archivedAt: cutoff }, cutoff)).toBe(false);
    expect(isDueForAnonymisation(app, { archivedAt: new Date(cutoff.getTime() + DAY_MS) }, cutoff)).toBe(false);
  });
  it("never anonymises twice", () => {
    expect(isDueForAnonymisation({ status: "not_awarded", anonymisedAt: new Date() }, archivedBefore, cutoff)).toBe(false);
  });
});

describe("isAccountDue", () => {
  const longAgo = new Date(cutoff.getTime() - 400 * DAY_MS);
  const person = { anonymisedAt: null, role: "applicant", lastSignInAt: null, createdAt: longAgo };
  it("goes when nothing is kept and the person has not been seen within the period", () => {
    expect(isAccountDue(person, 0, cutoff)).toBe(true);
    expect(isAccountDue({ ...person, lastSignInAt: new Date(cutoff.getTime() - DAY_MS) }, 0, cutoff)).toBe(true);
  });
  it("stays while an application is kept, after a recent sign-in, for staff, and once done", () => {
    expect(isAccountDue(person, 1, cutoff)).toBe(false);
    expect(isAccountDue({ ...person, lastSignInAt: new Date(cutoff.getTime() + DAY_MS) }, 0, cutoff)).toBe(false);
    expect(isAccountDue({ ...person, createdAt: new Date(cutoff.getTime() + DAY_MS) }, 0, cutoff)).toBe(false);
    expect(isAccountDue({ ...person, role: "reviewer" }, 0, cutoff)).toBe(false);
    expect(isAccountDue({ ...person, anonymisedAt: longAgo }, 0, cutoff)).toBe(false);
  });
});
