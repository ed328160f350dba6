import { describe, expect, it } from "vitest";
import { programmeSeed } from "@/db/seed/programmes";
import { checkEligibility, isCertificateNumber, type EligibilityInput } from "./eligibility";
import { APPLICATION_STATUSES } from "./workflow";

const BB = programmeSeed("biznes_bastau").eligibility; // 18–35, certificate required
const TU = programmeSeed("tauelsizdik_urpaqtary").eligibility; // 14–34, consent below 18, past winners excluded

// Closes 1 December 2026 at 18:00 in Almaty (13:00 UTC).
const call = {
  opensAt: new Date("2026-10-01T04:00:00Z"),
  closesAt: new Date("2026-12-01T13:00:00Z"),
  archived: false,
};
const now = new Date("2026-11-15T06:00:00Z");

function input(over: Partial<EligibilityInput> = {}, applicant: Partial<EligibilityInput["applicant"]> = {}): EligibilityInput {
  return {
    rules: BB,
    call,
    now,
    applicant: { role: "applicant", birthDate: "2000-05-17", districtCode: "ili", hasGuardianConsent: false, ...applicant },
    existing: null,
    pastWinnerYears: [],
    facts: { trainingCertificate: "ББ-2026/0457" },
    ...over,
  };
}

const codes = (i: EligibilityInput) => checkEligibility(i).reasons.map((r) => r.code);

describe("checkEligibility", () => {
  it("accepts an eligible applicant and reports the age on the closing date", () => {
    expect(checkEligibility(input())).toEqual({ eligible: true, age: 26, reasons: [] });
  });

  describe("the call is open from opensAt (inclusive) to closesAt (exclusive) and not archived", () => {
    it.each([
      ["one ms before opening", new Date(call.opensAt.getTime() - 1), false],
      ["at opening", call.opensAt, true],
      ["one ms before closing", new Date(call.closesAt.getTime() - 1), true],
      ["at closing", call.closesAt, false],
      ["after closing", new Date("2026-12-02T00:00:00Z"), false],
    ])("%s", (_label, at, open) => {
      expect(codes(input({ now: at }))).toEqual(open ? [] : ["call_not_open"]);
    });

    it("archived", () => {
      expect(codes(input({ call: { ...call, archived: true } }))).toEqual(["call_not_open"]);
    });
  });

  it("refuses roles other than applicant", () => {
    expect(codes(input({}, { role: "reviewer" }))).toEqual(["not_applicant"]);
    expect(codes(input({}, { role: "admin" }))).toEqual(["not_applicant"]);
  });

  it("needs a birth date (a malformed one counts as missing)", () => {
    expect(checkEligibility(input({}, { birthDate: null }))).toEqual({
      eligible: false,
      age: null,
      reasons: [{ code: "birth_date_missing" }],
    });
    expect(codes(input({}, { birthDate: "2000-02-30" }))).toEqual(["birth_date_missing"]);
  });

  describe("age on the closing date, bounds inclusive", () => {
    it("turning 36 the day after closing is still 35", () => {
      expect(checkEligibility(input({}, { birthDate: "1990-12-02" }))).toMatchObject({ eligible: true, age: 35 });
    });
    it("turning 36 on the closing day is too old", () => {
      expect(checkEligibility(input({}, { birthDate: "1990-12-01" })).reasons).toEqual([
        { code: "age_above", maxAge: 35, age: 36 },
      ]);
    });
    it("turning 18 on the closing day is old enough; the day after is too young", () => {
      expect(checkEligibility(input({}, { birthDate: "2008-12-01" }))).toMatchObject({ eligible: true, age: 18 });
      expect(checkEligibility(input({}, { birthDate: "2008-12-02" })).reasons).toEqual([
        { code: "age_below", minAge: 18, age: 17 },
      ]);
    });
    it("uses the closing date, not today's", () => {
      // 17 today (15 Nov), 18 on 1 Dec.
      expect(checkEligibility(input({}, { birthDate: "2008-11-20" }))).toMatchObject({ eligible: true, age: 18 });
    });
    it("takes the closing date in Asia/Almaty, not UTC", () => {
      // 2026-11-30T19:30Z is 1 December 00:30 in Almaty (UTC+5).
      const late = { ...call, closesAt: new Date("2026-11-30T19:30:00Z") };
      expect(checkEligibility(input({ call: late }, { birthDate: "1990-12-01" })).reasons).toEqual([
        { code: "age_above", maxAge: 35, age: 36 },
      ]);
      expect(checkEligibility(input({ call: late }, { birthDate: "2008-12-01" }))).toMatchObject({ eligible: true, age: 18 });
      // 2026-11-30T18:59:59Z is still 30 November 23:59:59 in Almaty.
      const early = { ...call, closesAt: new Date("2026-11-30T18:59:59Z") };
      expect(checkEligibility(input({ call: early }, { birthDate: "1990-12-01" }))).toMatchObject({ eligible: true, age: 35 });
    });
  });

  it("needs one of the 11 district codes", () => {
    expect(codes(input({}, { districtCode: null }))).toEqual(["district_missing"]);
    expect(codes(input({}, { districtCode: "almaty" }))).toEqual(["district_missing"]);
    expect(codes(input({}, { districtCode: "alatau" }))).toEqual([]);
  });

  it("refuses a second application unless the first is a draft or withdrawn", () => {
    for (const status of APPLICATION_STATUSES) {
      const reasons = checkEligibility(input({ existing: { status } })).reasons;
      if (status === "draft" || status === "withdrawn") expect(reasons, status).toEqual([]);
      else expect(reasons, status).toEqual([{ code: "already_applied", status }]);
    }
  });

  it("refuses past winners only where the programme excludes them", () => {
    const tu = input({ rules: TU, pastWinnerYears: [2024, 2022, 2024] });
    expect(checkEligibility(tu).reasons).toEqual([{ code: "past_winner", years: [2022, 2024] }]);
    expect(codes(input({ pastWinnerYears: [2024] }))).toEqual([]); // Бизнес бастау does not exclude them
  });

  describe("training certificate", () => {
    it("is required where the programme says so", () => {
      expect(codes(input({ facts: {} }))).toEqual(["certificate_missing"]);
      expect(codes(input({ facts: { trainingCertificate: null } }))).toEqual(["certificate_missing"]);
      expect(codes(input({ facts: { trainingCertificate: "   " } }))).toEqual(["certificate_missing"]);
      expect(codes(input({ rules: TU, facts: {} }))).toEqual([]);
    });
    it("is 3–40 letters, digits, -, /, № or spaces", () => {
      expect(codes(input({ facts: { trainingCertificate: "AB" } }))).toEqual(["certificate_invalid"]);
      expect(codes(input({ facts: { trainingCertificate: "BB#123" } }))).toEqual(["certificate_invalid"]);
      expect(codes(input({ facts: { trainingCertificate: "1".repeat(41) } }))).toEqual(["certificate_invalid"]);
      expect(codes(input({ facts: { trainingCertificate: "  № 123  " } }))).toEqual([]);
      for (const ok of ["123", "ББ-2026/0457", "№ 45-БИЗ", "Қ1-Ә2", "1".repeat(40)]) expect(isCertificateNumber(ok), ok).toBe(true);
      for (const bad of ["--/", "12", "A_1", "12.3", "1".repeat(41)]) expect(isCertificateNumber(bad), bad).toBe(false);
    });
  });

  describe("guardian consent", () => {
    const tu = (birthDate: string, hasGuardianConsent: boolean) =>
      checkEligibility(input({ rules: TU }, { birthDate, hasGuardianConsent }));
    it("is needed below the programme's age (on the closing date)", () => {
      expect(tu("2010-01-15", false)).toMatchObject({ age: 16, reasons: [{ code: "guardian_consent_missing" }] });
      expect(tu("2010-01-15", true)).toMatchObject({ eligible: true, age: 16 });
      // 18 on the closing day: no consent needed.
      expect(tu("2008-12-01", false)).toMatchObject({ eligible: true, age: 18 });
      expect(tu("2008-12-02", false).reasons).toEqual([{ code: "guardian_consent_missing" }]);
    });
    it("is not a rule where the programme sets no age for it", () => {
      expect(BB.guardianConsentBelow).toBeUndefined();
      expect(codes(input({ rules: { ...BB, minAge: 14 } }, { birthDate: "2010-01-15" }))).toEqual([]);
    });
  });

  it("returns every failing reason at once, in a stable order", () => {
    const r = checkEligibility(
      input(
        {
          rules: { ...TU, requiresTrainingCertificate: true },
          now: new Date("2026-12-05T00:00:00Z"),
          existing: { status: "submitted" },
          pastWinnerYears: [2025],
          facts: { trainingCertificate: "x" },
        },
        { role: "reviewer", birthDate: "2013-06-01", districtCode: null },
      ),
    );
    expect(r).toEqual({
      eligible: false,
      age: 13,
      reasons: [
        { code: "call_not_open" },
        { code: "not_applicant" },
        { code: "age_below", minAge: 14, age: 13 },
        { code: "district_missing" },
        { code: "already_applied", status: "submitted" },
        { code: "past_winner", years: [2025] },
        { code: "certificate_invalid" },
        { code: "guardian_consent_missing" },
      ],
    });
  });

  it("applies no age or consent rule without a birth date", () => {
    const r = checkEligibility(input({ existing: { status: "awarded" } }, { birthDate: null, districtCode: "x" }));
    expect(r.reasons.map((x) => x.code)).toEqual(["birth_date_missing", "district_missing", "already_applied"]);
  });
});
