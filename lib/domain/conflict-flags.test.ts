import { describe, expect, it } from "vitest";
import {
  detectConflictFlags,
  emailDomain,
  isNonIdentifyingDomain,
  normaliseEmail,
  normaliseOrganisation,
  samePerson,
  surnameFamily,
  type FlagApplication,
  type FlagReviewer,
} from "./conflict-flags";

const reviewer = (o: Partial<FlagReviewer> = {}): FlagReviewer => ({
  id: "r1",
  surname: "Тұрсынов",
  givenName: "Бақытжан",
  patronymic: "Ерланұлы",
  email: "b.tursynov@atameken.kz",
  phone: null,
  districtCode: "talgar",
  organisation: "«Атамекен» ҰКП",
  ...o,
});

const app = (id: string, o: Partial<FlagApplication["applicant"]> = {}, extra: Partial<FlagApplication> = {}): FlagApplication => ({
  applicationId: id,
  applicantId: `u-${id}`,
  districtCode: "ili",
  reviewable: true,
  applicant: { surname: "Ахметов", givenName: "Ерлан", email: `${id}@gmail.com`, phone: "+77010000000", districtCode: "ili", organisation: null, ...o },
  ...extra,
});

describe("surnameFamily", () => {
  it.each([
    ["Иванова", "Иванов"],
    ["ИВАНОВА", "иванов"],
    ["Сәрсенова", "Сәрсенов"],
    ["Алиева", "Алиев"],
    ["Королёва", "Королев"],
    ["Ильина", "Ильин"],
    ["Вишневская", "Вишневский"],
    ["Ivanova", "Ivanov"],
    ["  Тұрсынова ", "Тұрсынов"],
  ])("%s is of the family of %s", (a, b) => {
    expect(surnameFamily(a)).toBe(surnameFamily(b));
  });

  it.each([
    ["Иванов", "Петров"],
    ["Ким", "Кима"],
    ["Ина", "Ин"],
    ["Сәрсенов", "Сәрсенбаев"],
  ])("%s and %s are different families", (a, b) => {
    expect(surnameFamily(a)).not.toBe(surnameFamily(b));
  });
});

describe("e-mail domains", () => {
  it("public mail services and reserved domains identify nobody; others do", () => {
    for (const d of ["gmail.com", "mail.ru", "yandex.ru", "yandex.kz", "inbox.ru", "list.ru", "bk.ru", "outlook.com", "hotmail.com", "icloud.com", "yahoo.com", "GMAIL.COM", "x.test", "jasgrant.demo", "example.kz", ""]) {
      expect(isNonIdentifyingDomain(d), d).toBe(true);
    }
    for (const d of ["atameken.kz", "kaznu.edu.kz", "almaty-obl.gov.kz"]) expect(isNonIdentifyingDomain(d), d).toBe(false);
  });

  it("extracts and normalises", () => {
    expect(emailDomain("A@Atameken.KZ")).toBe("atameken.kz");
    expect(emailDomain("nobody")).toBe("");
    expect(normaliseEmail("J.Doe+grants@GoogleMail.com")).toBe("jdoe@gmail.com");
    expect(normaliseEmail("j.doe+x@mail.ru")).toBe("j.doe@mail.ru");
  });
});

describe("normaliseOrganisation", () => {
  it("drops quotes, case and legal forms", () => {
    expect(normaliseOrganisation("ТОО «Алма-Агро»")).toBe(normaliseOrganisation('алма агро ТОО'));
    expect(normaliseOrganisation("«Атамекен» ҰКП")).toBe("атамекен ұкп");
    expect(normaliseOrganisation("ТОО")).toBe("");
    expect(normaliseOrganisation(null)).toBe("");
  });
});

describe("samePerson", () => {
  const r = reviewer();
  it("by e-mail, phone or full name", () => {
    expect(samePerson(r, { surname: "X", givenName: "Y", email: "B.Tursynov@atameken.kz" })).toBe(true);
    expect(samePerson({ ...r, phone: "+77015551122" }, { surname: "X", givenName: "Y", email: "z@mail.ru", phone: "87015551122" })).toBe(true);
    expect(samePerson(r, { surname: "тұрсынов", givenName: "бақытжан", patronymic: null, email: "z@mail.ru" })).toBe(true);
    expect(samePerson(r, { surname: "Тұрсынов", givenName: "Бақытжан", patronymic: "Асқарұлы", email: "z@mail.ru" })).toBe(false);
    expect(samePerson(r, { surname: "Тұрсынов", givenName: "Ерлан", email: "z@mail.ru" })).toBe(false);
  });
});

describe("detectConflictFlags", () => {
  it("flags each rule with its kind and nothing for unrelated pairs", () => {
    const r = reviewer();
    const apps = [
      app("a-surname", { surname: "Тұрсынова", givenName: "Айгүл" }, { districtCode: "talgar" }),
      app("a-surname-other-district", { surname: "Тұрсынова", givenName: "Айгүл" }, { districtCode: "ili" }),
      app("a-org", { organisation: "ТОО «Атамекен» ҰКП" }),
      app("a-domain", { email: "someone@atameken.kz" }),
      app("a-unrelated"),
    ];
    const flags = detectConflictFlags([r], apps);
    expect(flags.map((f) => [f.applicationId, f.kind])).toEqual([
      ["a-domain", "shared_email_domain"],
      ["a-org", "same_organisation"],
      ["a-surname", "same_surname_district"],
    ]);
    expect(flags.find((f) => f.kind === "shared_email_domain")!.detail).toBe("atameken.kz");
  });

  it("does not flag a shared public mail domain", () => {
    const r = reviewer({ email: "tursynov@gmail.com" });
    for (const email of ["x@gmail.com", "x@mail.ru", "x@yandex.kz"]) {
      const r2 = { ...r, email: `tursynov@${emailDomain(email)}` };
      expect(detectConflictFlags([r2], [app("a", { email })])).toEqual([]);
    }
  });

  it("a reviewer without a district is not flagged by surname", () => {
    const flags = detectConflictFlags([reviewer({ districtCode: null })], [app("a", { surname: "Тұрсынова" }, { districtCode: "talgar" })]);
    expect(flags).toEqual([]);
  });

  it("a reviewer who applied to the call is flagged against every reviewable application", () => {
    const r = reviewer({ email: "b.tursynov@gmail.com" });
    const apps = [
      app("own", { email: "B.Tursynov+jg@gmail.com", surname: "Тұрсынов", givenName: "Бақытжан" }, { reviewable: false }),
      app("b"),
      app("c"),
      app("draft", {}, { reviewable: false }),
    ];
    const flags = detectConflictFlags([r], apps);
    expect(flags).toEqual([
      { reviewerId: "r1", applicationId: "b", kind: "applied_same_call", detail: "own" },
      { reviewerId: "r1", applicationId: "c", kind: "applied_same_call", detail: "own" },
    ]);
  });

  it("several reviewers, several kinds on one pair", () => {
    const r1 = reviewer();
    const r2 = reviewer({ id: "r2", surname: "Ким", givenName: "Елена", email: "kim@kaznu.edu.kz", organisation: "КазНУ", districtCode: "ili" });
    const a = app("a", { surname: "Тұрсынова", email: "t@atameken.kz", organisation: "Атамекен ҰКП" }, { districtCode: "talgar" });
    const flags = detectConflictFlags([r2, r1], [a]);
    expect(flags.map((f) => `${f.reviewerId}/${f.kind}`)).toEqual(["r1/same_surname_district", "r1/same_organisation", "r1/shared_email_domain"]);
  });
});

describe("detectConflictFlags at the scale of a call", () => {
  it("2,000 applications × 30 reviewers in well under a second", () => {
    const reviewers = Array.from({ length: 30 }, (_, i) => reviewer({ id: `r${i}`, email: `r${i}@org${i}.kz`, organisation: `Org ${i}`, districtCode: "ili", surname: `Surname${i}ов` }));
    const apps = Array.from({ length: 2000 }, (_, i) => app(`a${i}`, { surname: `Surname${i % 50}ова`, email: `a${i}@org${i % 40}.kz` }));
    const t = performance.now();
    const flags = detectConflictFlags(reviewers, apps);
    expect(performance.now() - t).toBeLessThan(1000);
    // Each reviewer i < 30 shares org{i}.kz with 50 applications and the family Surname{i}ов with 40 in Ili.
    expect(flags.filter((f) => f.kind === "shared_email_domain")).toHaveLength(30 * 50);
    expect(flags.filter((f) => f.kind === "same_surname_district")).toHaveLength(30 * 40);
  });
});
