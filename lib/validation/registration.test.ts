import { describe, expect, it } from "vitest";
import { makeIin } from "@/lib/domain/iin";
import { registrationSchema } from "./registration";

const now = new Date("2026-11-26T10:00:00Z");
const adultIin = makeIin("2000-05-17", "female");
const minorIin = makeIin("2010-01-15", "male"); // 16
const parentIin = makeIin("1980-03-03", "female");

const valid = {
  email: "Aliya@Example.kz",
  password: "correct horse battery",
  passwordConfirm: "correct horse battery",
  surname: "Сейітова",
  givenName: "Әлия",
  patronymic: "",
  iin: adultIin,
  phone: "8 (701) 123-45-67",
  district: "ili",
  language: "kk",
  consent: "on",
};

function errors(input: Record<string, unknown>): Record<string, string[] | undefined> {
  const r = registrationSchema(now).safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[String(i.path[0])] ??= []).push(i.message);
  return out;
}

describe("registration schema", () => {
  it("accepts a valid adult and derives birth date and sex, normalising e-mail and phone", () => {
    const r = registrationSchema(now).parse(valid);
    expect(r.email).toBe("aliya@example.kz");
    expect(r.phone).toBe("+77011234567");
    expect(r.birthDate).toBe("2000-05-17");
    expect(r.sex).toBe("female");
    expect(r.minor).toBe(false);
    expect(r.patronymic).toBeNull();
  });

  it.each([
    ["email", "", "emailRequired"],
    ["email", "not-an-email", "emailInvalid"],
    ["email", `${"a".repeat(250)}@x.kz`, "emailTooLong"],
    ["surname", "", "surnameRequired"],
    ["surname", "x".repeat(101), "nameTooLong"],
    ["surname", "Robert'); DROP TABLE users;--", "nameInvalid"],
    ["givenName", "  ", "givenNameRequired"],
    ["iin", "", "iinRequired"],
    ["iin", "12345", "iinFormat"],
    ["iin", "90010130000a", "iinFormat"],
    ["iin", "900230300005", "iinDate"],
    ["iin", "900101300008", "iinChecksum"],
    ["phone", "", "phoneRequired"],
    ["phone", "+7 701 123", "phoneInvalid"],
    ["phone", "+1 701 123 45 67", "phoneInvalid"],
    ["district", "almaty", "districtRequired"],
    ["language", "de", "languageRequired"],
    ["consent", "", "consentRequired"],
    ["password", "short", "passwordTooShort"],
    ["password", "x".repeat(257), "passwordTooLong"],
  ])("%s = %j → %s", (field, value, key) => {
    expect(errors({ ...valid, [field]: value, ...(field === "password" ? { passwordConfirm: value } : {}) })[field]).toContain(key);
  });

  it("refuses a password that contains the e-mail, and a confirmation that differs", () => {
    expect(errors({ ...valid, password: "xxaliya@example.kzxx", passwordConfirm: "xxaliya@example.kzxx" }).password).toContain("passwordContainsEmail");
    expect(errors({ ...valid, passwordConfirm: "something else" }).passwordConfirm).toContain("passwordMismatch");
  });

  it("refuses a person under 14", () => {
    expect(errors({ ...valid, iin: makeIin("2013-01-01", "male") }).iin).toContain("tooYoung");
  });

  it("asks a 16-year-old for a legal representative's data and consent", () => {
    const e = errors({ ...valid, iin: minorIin });
    expect(e.guardianName).toContain("guardianNameRequired");
    expect(e.guardianIin).toContain("iinRequired");
    expect(e.guardianRelation).toContain("guardianRelationRequired");
    expect(e.guardianConsent).toContain("guardianConsentRequired");
    const ok = registrationSchema(now).parse({
      ...valid,
      iin: minorIin,
      guardianName: "Сейітова Гүлнар",
      guardianIin: parentIin,
      guardianRelation: "mother",
      guardianConsent: "on",
    });
    expect(ok.minor).toBe(true);
  });

  it("refuses a legal representative who is a minor or the applicant", () => {
    const base = { ...valid, iin: minorIin, guardianName: "Someone Adult", guardianRelation: "father", guardianConsent: true };
    expect(errors({ ...base, guardianIin: minorIin }).guardianIin).toContain("guardianIinSame");
    expect(errors({ ...base, guardianIin: makeIin("2012-01-01", "male") }).guardianIin).toContain("guardianNotAdult");
    expect(errors({ ...base, guardianIin: "900101300008" }).guardianIin).toContain("iinChecksum");
  });

  it("turns 18 exactly on the birthday in Almaty time", () => {
    const iin = makeIin("2008-11-27", "male");
    // 26 Nov 19:00Z is already 27 Nov 00:00 in Almaty (UTC+5): 18 years old, no guardian needed.
    expect(registrationSchema(new Date("2026-11-26T19:00:00Z")).parse({ ...valid, iin }).minor).toBe(false);
    expect(errors({ ...valid, iin }).guardianName).toContain("guardianNameRequired");
  });
});
