import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/routing";
import {
  applicationColumns,
  applicationRow,
  awardColumns,
  awardRow,
  callExportFileName,
  callExportSheet,
  exportTranslators,
  parseExportFile,
  personName,
  reviewColumns,
  reviewRow,
  type ApplicationRecord,
  type AwardRecord,
  type ExportCall,
  type ReviewRecord,
} from "./call-exports";
import { EXCEL_KZ, csvText } from "./cells";
import type { Row } from "./cells";

const call: ExportCall = {
  id: "11111111-1111-4111-8111-111111111111",
  title: { kk: "Бизнес бастау — 2025 жылғы конкурс", ru: "Бизнес бастау — конкурс 2025 года", en: "Biznes bastau — 2025 call" },
  programmeCode: "biznes_bastau",
  year: 2025,
  directions: [{ code: "agro", name: { kk: "Агроөнеркәсіп", ru: "Агропромышленность", en: "Agriculture" } }],
  criteria: [
    { id: "c1", code: "idea", name: { kk: "Идея", ru: "Идея", en: "Idea" }, scaleMin: 0, scaleMax: 10 },
    { id: "c2", code: "team", name: { kk: "Команда", ru: "Команда", en: "Team" }, scaleMin: 1, scaleMax: 5 },
  ],
};

const application: ApplicationRecord = {
  reference: "JG-AAAAAAAA",
  status: "award_revoked",
  districtCode: "talgar",
  direction: "agro",
  title: "@SUM(A1)",
  surname: "Ахметов",
  givenName: "Ерлан",
  patronymic: null,
  iin: "010101500123",
  birthDate: "2001-01-01",
  phone: "+77010000000",
  email: "erlan@example.kz",
  submittedAt: new Date("2025-03-10T19:30:00Z"),
  requestedAmount: 1_500_000,
  jobsCreated: 3,
};

const review: ReviewRecord = {
  reference: "JG-AAAAAAAA",
  reviewer: { surname: "Ким", givenName: "Елена", patronymic: "Викторовна" },
  reviewerEmail: "kim@example.kz",
  scores: [8, null],
  total: 87.456,
  status: "submitted",
  assignmentStatus: "assigned",
  submittedAt: new Date("2025-04-02T07:30:00Z"),
};

const award: AwardRecord = {
  reference: "JG-AAAAAAAA",
  surname: "Ахметов",
  givenName: "Ерлан",
  patronymic: "Серікұлы",
  districtCode: "konaev",
  amount: 1_500_000,
  awardedAt: new Date("2025-05-05T04:00:00Z"),
  status: "revoked",
  revokedAt: new Date("2025-06-01T04:00:00Z"),
  revokeReason: "Бас тартты",
};

const csv = (row: Row, columns: ReturnType<typeof applicationColumns>) => row.map((c, i) => csvText(c, columns[i], EXCEL_KZ));

describe("call exports: column headers", () => {
  it.each(LOCALES)("are the catalogue's, in %s, with one column per criterion for reviews", (locale) => {
    const tr = exportTranslators(locale);
    const col = catalogue(locale).AdminExports.col;
    expect(applicationColumns(tr).map((c) => c.header)).toEqual([
      col.reference, col.status, col.district, col.direction, col.title, col.applicant, col.iin, col.birthDate, col.phone, col.email, col.submittedAt, col.requestedAmount, col.jobsCreated,
    ]);
    const reviewHeaders = reviewColumns(call, locale, tr).map((c) => c.header);
    expect(reviewHeaders).toHaveLength(3 + call.criteria.length + 3);
    expect(reviewHeaders[3]).toContain(call.criteria[0].name[locale]);
    expect(reviewHeaders[3]).toMatch(/0–10/);
    expect(reviewHeaders[4]).toMatch(/1–5/);
    expect(awardColumns(tr).map((c) => c.header)).toEqual([col.reference, col.applicant, col.district, col.amount, col.awardedAt, col.status, col.revokedAt, col.revokeReason]);
  });

  it("differ between the languages", () => {
    const headers = LOCALES.map((l) => applicationColumns(exportTranslators(l)).map((c) => c.header).join("|"));
    expect(new Set(headers).size).toBe(3);
  });

  it("type money, scores and dates as numbers and dates", () => {
    const tr = exportTranslators("en");
    expect(applicationColumns(tr).map((c) => c.kind)).toEqual(["text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "datetime", "money", "integer"]);
    expect(reviewColumns(call, "en", tr).map((c) => c.kind)).toEqual(["text", "text", "text", "integer", "integer", "decimal", "text", "datetime"]);
    expect(awardColumns(tr).map((c) => c.kind)).toEqual(["text", "text", "text", "money", "datetime", "text", "datetime", "text"]);
  });
});

describe("call exports: rows", () => {
  it("an application: translated status, district and direction; personal data; Almaty time; formula neutralised", () => {
    const tr = exportTranslators("ru");
    const row = applicationRow(application, call, "ru", tr);
    expect(csv(row, applicationColumns(tr))).toEqual([
      "JG-AAAAAAAA",
      "Грант отозван",
      "Талгарский район",
      "Агропромышленность",
      "'@SUM(A1)",
      "Ахметов Ерлан",
      "010101500123",
      "2001-01-01",
      "'+77010000000",
      "erlan@example.kz",
      "2025-03-11 00:30",
      "1500000",
      "3",
    ]);
    expect(applicationRow({ ...application, direction: "unknown" }, call, "kk", exportTranslators("kk"))[3]).toBe("unknown");
    expect(applicationRow({ ...application, direction: null }, call, "kk", exportTranslators("kk"))[3]).toBeNull();
  });

  it("a review: scores in the rubric's order (blank when missing), total with two decimals, status", () => {
    const tr = exportTranslators("en");
    const columns = reviewColumns(call, "en", tr);
    expect(csv(reviewRow(review, call, tr), columns)).toEqual(["JG-AAAAAAAA", "Ким Елена Викторовна", "kim@example.kz", "8", "", "87,46", "Submitted", "2025-04-02 12:30"]);
    const removed = reviewRow({ ...review, assignmentStatus: "removed", status: "draft", total: null, submittedAt: null, reviewer: { surname: null, givenName: null, patronymic: null } }, call, tr);
    expect(csv(removed, columns)).toEqual(["JG-AAAAAAAA", "kim@example.kz", "kim@example.kz", "8", "", "", "Assignment removed", ""]);
  });

  it("an award: revoked with its date and reason, translated district and status", () => {
    const tr = exportTranslators("kk");
    expect(csv(awardRow(award, "kk", tr), awardColumns(tr))).toEqual(["JG-AAAAAAAA", "Ахметов Ерлан Серікұлы", "Қонаев қаласы", "1500000", "2025-05-05 09:00", "Кері алынды", "2025-06-01 09:00", "Бас тартты"]);
    expect(awardRow({ ...award, status: "active", revokedAt: null, revokeReason: null }, "en", exportTranslators("en")).slice(5)).toEqual(["Active", null, null]);
  });

  it("names: parts joined, empty parts left out, null when anonymised", () => {
    expect(personName({ surname: "Ким", givenName: " ", patronymic: null })).toBe("Ким");
    expect(personName({ surname: null, givenName: null, patronymic: null })).toBeNull();
  });
});

describe("call exports: sheet, file name, route segment", () => {
  it("maps records lazily and passes an early close to the source", async () => {
    let read = 0;
    let closed = false;
    const source: AsyncIterable<AwardRecord> = {
      [Symbol.asyncIterator]() {
        return {
          async next() {
            read++;
            return { done: false, value: award };
          },
          async return() {
            closed = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    const sheet = callExportSheet("awards", call, source, "en");
    expect(sheet.name).toBe("Awards");
    expect(read).toBe(0);
    const it = (sheet.rows as AsyncIterable<Row>)[Symbol.asyncIterator]();
    await it.return!();
    expect(closed).toBe(true);
    expect(read).toBe(0);
  });

  it("names the file in the language, with an ASCII fallback", () => {
    const at = new Date("2026-12-01T20:00:00Z"); // 2 December in Almaty
    expect(callExportFileName("applications", call, "kk", "csv", at)).toEqual({
      name: "Өтінімдер — Бизнес бастау — 2025 жылғы конкурс — 2026-12-02.csv",
      ascii: "jas-grant-applications-biznes_bastau-2025-2026-12-02.csv",
    });
    expect(callExportFileName("awards", call, "ru", "xlsx", at).name).toBe("Гранты — Бизнес бастау — конкурс 2025 года — 2026-12-02.xlsx");
  });

  it("reads the route's file segment", () => {
    expect(parseExportFile("applications.csv")).toEqual({ kind: "applications", format: "csv" });
    expect(parseExportFile("awards.xlsx")).toEqual({ kind: "awards", format: "xlsx" });
    for (const bad of ["protocol.csv", "awards.pdf", "awards.csv.exe", "../awards.csv", "reviews"]) expect(parseExportFile(bad)).toBeNull();
  });
});
