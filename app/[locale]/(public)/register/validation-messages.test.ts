import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { catalogue } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/routing";
import { makeIin } from "@/lib/domain/iin";
import { createStaffSchema, emailOnlySchema, setPasswordSchema } from "@/lib/validation/account";
import { registrationSchema } from "@/lib/validation/registration";

/**
 * Every refusal of every account form must read as a sentence in the person's language: each message
 * a schema (or the data layer) produces must be a key of the `Validation` namespace in kk, ru and en.
 * A zod default message ("Invalid input") would show as the generic "Check this field."
 */
const now = new Date("2026-11-26T10:00:00Z");
const adult = makeIin("2000-05-17", "female", 11);
const minor = makeIin("2010-01-15", "male", 12);
const parent = makeIin("1980-03-03", "female", 13);

const valid = {
  email: "aliya@example.kz",
  password: "correct horse battery",
  passwordConfirm: "correct horse battery",
  surname: "Сейітова",
  givenName: "Әлия",
  patronymic: "",
  iin: adult,
  phone: "+77011234567",
  district: "ili",
  language: "kk",
  consent: "on",
};
const long = (n: number) => "а".repeat(n);

/** Bad values for every field: empty, too long, wrong format, and the cross-field rules. */
const REGISTRATION_CASES: [string, Record<string, unknown>, string, string][] = [
  ["empty e-mail", { email: "" }, "email", "emailRequired"],
  ["long e-mail", { email: `${"a".repeat(250)}@x.kz` }, "email", "emailTooLong"],
  ["bad e-mail", { email: "aliya@" }, "email", "emailInvalid"],
  ["short password", { password: "short", passwordConfirm: "short" }, "password", "passwordTooShort"],
  ["long password", { password: "x".repeat(257), passwordConfirm: "x".repeat(257) }, "password", "passwordTooLong"],
  ["password with e-mail", { password: "aliya@example.kz!!", passwordConfirm: "aliya@example.kz!!" }, "password", "passwordContainsEmail"],
  ["mismatch", { passwordConfirm: "something else entirely" }, "passwordConfirm", "passwordMismatch"],
  ["empty surname", { surname: " " }, "surname", "surnameRequired"],
  ["long surname", { surname: long(101) }, "surname", "nameTooLong"],
  ["digits in surname", { surname: "Сейітова1" }, "surname", "nameInvalid"],
  ["empty given name", { givenName: "" }, "givenName", "givenNameRequired"],
  ["long given name", { givenName: long(101) }, "givenName", "nameTooLong"],
  ["bad given name", { givenName: "<b>" }, "givenName", "nameInvalid"],
  ["long patronymic", { patronymic: long(101) }, "patronymic", "nameTooLong"],
  ["bad patronymic", { patronymic: "x_y" }, "patronymic", "nameInvalid"],
  ["empty IIN", { iin: "" }, "iin", "iinRequired"],
  ["short IIN", { iin: "12345" }, "iin", "iinFormat"],
  ["letters in IIN", { iin: "90010130000a" }, "iin", "iinFormat"],
  ["IIN checksum", { iin: `${adult.slice(0, 11)}${(Number(adult[11]) + 1) % 10}` }, "iin", "iinChecksum"],
  ["IIN date", { iin: "901301300007" }, "iin", "iinDate"],
  ["too young", { iin: makeIin("2015-01-01", "male", 3) }, "iin", "tooYoung"],
  ["empty phone", { phone: "" }, "phone", "phoneRequired"],
  ["bad phone", { phone: "+7 701 123" }, "phone", "phoneInvalid"],
  ["long phone", { phone: "7".repeat(31) }, "phone", "phoneInvalid"],
  ["no district", { district: "" }, "district", "districtRequired"],
  ["unknown district", { district: "almaty" }, "district", "districtRequired"],
  ["no language", { language: "" }, "language", "languageRequired"],
  ["no consent", { consent: undefined }, "consent", "consentRequired"],
  ["minor without representative", { iin: minor }, "guardianName", "guardianNameRequired"],
  ["minor: representative's IIN empty", { iin: minor }, "guardianIin", "iinRequired"],
  ["minor: no relation", { iin: minor }, "guardianRelation", "guardianRelationRequired"],
  ["minor: no representative's consent", { iin: minor }, "guardianConsent", "guardianConsentRequired"],
  ["minor: own IIN as representative's", { iin: minor, guardianIin: minor }, "guardianIin", "guardianIinSame"],
  ["minor: representative under 18", { iin: minor, guardianIin: makeIin("2009-01-01", "female", 4) }, "guardianIin", "guardianNotAdult"],
  ["minor: representative's IIN checksum", { iin: minor, guardianIin: `${parent.slice(0, 11)}${(Number(parent[11]) + 1) % 10}` }, "guardianIin", "iinChecksum"],
  ["minor: representative's long name", { iin: minor, guardianName: long(201) }, "guardianName", "nameTooLong"],
];

function firstMessages(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[String(i.path[0])] ??= i.message;
  return out;
}

const VALIDATION = LOCALES.map((l) => [l, catalogue(l).Validation as Record<string, string>] as const);

function expectTranslated(key: string) {
  for (const [locale, table] of VALIDATION) expect(table[key], `${locale} Validation.${key}`).toBeTruthy();
}

describe("registration: each bad field gets its own translated message", () => {
  for (const [name, patch, field, key] of REGISTRATION_CASES) {
    it(name, () => {
      const messages = firstMessages(registrationSchema(now), { ...valid, ...patch });
      expect(messages[field]).toBe(key);
      for (const m of Object.values(messages)) expectTranslated(m);
    });
  }
  it("a complete minor's registration passes", () => {
    const ok = registrationSchema(now).safeParse({ ...valid, iin: minor, guardianName: "Сейітова Гүлнар", guardianIin: parent, guardianRelation: "mother", guardianConsent: "on" });
    expect(ok.success).toBe(true);
  });
});

describe("the other account forms", () => {
  const cases: [string, z.ZodType, unknown, string, string][] = [
    ["reset: empty e-mail", emailOnlySchema, { email: "" }, "email", "emailRequired"],
    ["reset: bad e-mail", emailOnlySchema, { email: "x@" }, "email", "emailInvalid"],
    ["link: short token", setPasswordSchema, { token: "abc", password: "long enough pw", passwordConfirm: "long enough pw" }, "token", "tokenInvalid"],
    ["link: short password", setPasswordSchema, { token: "t".repeat(43), password: "short", passwordConfirm: "short" }, "password", "passwordTooShort"],
    ["link: mismatch", setPasswordSchema, { token: "t".repeat(43), password: "long enough pw", passwordConfirm: "other" }, "passwordConfirm", "passwordMismatch"],
    ["staff: no role", createStaffSchema, { email: "a@b.kz", surname: "Омаров", givenName: "Асқар", organisation: "ҚазҰУ" }, "role", "roleRequired"],
    ["staff: wrong role", createStaffSchema, { email: "a@b.kz", surname: "Омаров", givenName: "Асқар", role: "applicant", organisation: "ҚазҰУ" }, "role", "roleRequired"],
    ["staff: no organisation", createStaffSchema, { email: "a@b.kz", surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: " " }, "organisation", "organisationRequired"],
    ["staff: long organisation", createStaffSchema, { email: "a@b.kz", surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: long(201) }, "organisation", "organisationTooLong"],
    ["staff: empty names", createStaffSchema, { email: "a@b.kz", surname: "", givenName: "Асқар", role: "admin", organisation: "x" }, "surname", "surnameRequired"],
  ];
  for (const [name, schema, input, field, key] of cases) {
    it(name, () => {
      const messages = firstMessages(schema, input);
      expect(messages[field]).toBe(key);
      for (const m of Object.values(messages)) expectTranslated(m);
    });
  }

  it("the data layer's field errors are translated too", () => {
    for (const key of ["emailTaken", "iinTaken", "passwordContainsEmail", "invalid"]) expectTranslated(key);
  });
});
