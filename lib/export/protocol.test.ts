import { describe, expect, it } from "vitest";
import type { CallProtocol } from "@/lib/dal/protocol";
import { EXCEL_KZ, csvText } from "./cells";
import { methodNote, protocolCallSheet, protocolCommentsSheet, protocolFileName, protocolMembersSheet, protocolRankingSheet, protocolSheets, protocolTranslators } from "./protocol";

const protocol: CallProtocol = {
  call: {
    id: "11111111-1111-4111-8111-111111111111",
    title: { kk: "Бизнес бастау — 2025 жылғы конкурс", ru: "Бизнес бастау — конкурс 2025 года", en: "Biznes bastau — 2025 call" },
    programmeCode: "biznes_bastau",
    programmeName: { kk: "Бизнес бастау", ru: "Бизнес бастау", en: "Biznes bastau" },
    year: 2025,
    opensAt: new Date("2025-03-01T04:00:00Z"),
    closesAt: new Date("2025-04-01T13:00:00Z"),
    reviewDeadline: new Date("2025-05-01T13:00:00Z"),
    budgetCap: 136_500_000,
    awardedTotal: 3_000_000,
    awardAmount: 1_500_000,
    minScore: 60,
    scoreOutOf: 100,
    resultsPublishedAt: null,
    archivedAt: null,
  },
  sort: "normalised",
  order: ["normalised_score", "jobs_created", "submitted_at"],
  threshold: 30,
  rows: [
    { applicationId: "a1", normalisedRank: 1, rawRank: 2, reference: "JG-AAAAAAAA", title: "Кофейня", districtCode: "ili", grantee: "Ахметов Ерлан", reviews: 3, mean: 88.333333, normalised: 90.1, disagreement: false, decision: { kind: "awarded", amount: 1_500_000 }, comments: ["Нарық жақсы зерттелген.", "=Бюджет нақты"] },
    { applicationId: "a2", normalisedRank: 2, rawRank: 1, reference: "JG-BBBBBBBB", title: "=cmd", districtCode: "talgar", grantee: null, reviews: 3, mean: 89, normalised: 85, disagreement: true, decision: { kind: "award_revoked", amount: 1_500_000, reason: "Грант алушы бас тартты" }, comments: [] },
    { applicationId: "a3", normalisedRank: 3, rawRank: 3, reference: "JG-CCCCCCCC", title: "Наубайхана", districtCode: "konaev", grantee: null, reviews: 1, mean: null, normalised: null, disagreement: false, decision: { kind: "in_review" }, comments: ["Идея өзекті."] },
  ],
  totals: { applications: 3, awarded: 1, awardedAmount: 1_500_000, waitlisted: 0, notAwarded: 0, revoked: 1, inReview: 1, reviewed: 0, remaining: 133_500_000 },
  members: [
    { id: "m1", fullName: "Ким Елена Викторовна", organisation: "Университет", assignments: 3 },
    { id: "m2", fullName: "Тұрсынов Бақытжан Ерланұлы", organisation: null, assignments: 2 },
  ],
  generatedAt: new Date("2026-12-02T06:00:00Z"),
};

async function all<T>(rows: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows as AsyncIterable<T>) out.push(r);
  return out;
}

describe("protocol sheets", () => {
  it("head the ranking in the admin's language", () => {
    expect(protocolRankingSheet(protocol, "kk").columns.map((c) => c.header)).toContain("Грант алушы");
    expect(protocolRankingSheet(protocol, "ru").columns.map((c) => c.header)).toContain("Грантополучатель");
    expect(protocolRankingSheet(protocol, "en").columns.map((c) => c.header)).toContain("Grantee");
    expect(protocolRankingSheet(protocol, "ru").name).toBe("Рейтинг и решения");
  });

  it("write one row per application in the protocol's order, decisions and districts translated, money typed", async () => {
    const sheet = protocolRankingSheet(protocol, "ru");
    const rows = await all(sheet.rows);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([1, 2, "JG-AAAAAAAA", "Кофейня", "Ахметов Ерлан", "Илийский район", 3, 88.333333, 90.1, "нет", "Грант присуждён", 1_500_000, null]);
    expect(rows[1]).toEqual([2, 1, "JG-BBBBBBBB", "=cmd", null, "Талгарский район", 3, 89, 85, "да", "Грант отозван", 1_500_000, "Грант алушы бас тартты"]);
    expect(rows[2].slice(9, 13)).toEqual(["нет", "На экспертизе", null, null]);
    // The cell writer neutralises the applicant's formula and rounds the scores.
    expect(csvText(rows[1][3], sheet.columns[3], EXCEL_KZ)).toBe("'=cmd");
    expect(csvText(rows[0][7], sheet.columns[7], EXCEL_KZ)).toBe("88,33");
  });

  it("give the call's facts and totals, and the members with an empty signature column", async () => {
    const facts = await all(protocolCallSheet(protocol, "kk").rows);
    expect(facts[1]).toEqual(["Конкурс атауы", "Бизнес бастау — 2025 жылғы конкурс"]);
    expect(facts).toContainEqual(["Бюджет лимиті", { kind: "money", value: 136_500_000 }]);
    expect(facts).toContainEqual(["Бюджет қалдығы", { kind: "money", value: 133_500_000 }]);
    expect(facts).toContainEqual(["Ең төменгі ұпай", "100 ұпайдың 60"]);
    expect(facts).toContainEqual(["Нәтижелер жарияланды", "әлі жоқ"]);
    const members = await all(protocolMembersSheet(protocol, "kk").rows);
    expect(members).toEqual([
      ["Ким Елена Викторовна", "Университет", 3, null],
      ["Тұрсынов Бақытжан Ерланұлы", null, 2, null],
    ]);
    expect(protocolSheets(protocol, "en").map((s) => s.name)).toEqual(["Ranking and decisions", "Call", "Commission", "Conclusions"]);
  });

  it("list the reviewers' comments one per row in the ranking's order, without names", async () => {
    const sheet = protocolCommentsSheet(protocol, "kk");
    expect(sheet.columns.map((c) => c.header)).toEqual(["Қалыпқа келтірілген орын", "Өтінім нөмірі", "Жоба", "Сарапшының түсініктемесі"]);
    expect(await all(sheet.rows)).toEqual([
      [1, "JG-AAAAAAAA", "Кофейня", "Нарық жақсы зерттелген."],
      [1, "JG-AAAAAAAA", "Кофейня", "=Бюджет нақты"],
      [3, "JG-CCCCCCCC", "Наубайхана", "Идея өзекті."],
    ]);
  });

  it("explain the order: the rank's score, then the programme's other keys, then earlier submission", () => {
    expect(methodNote(protocol, protocolTranslators("en"), "en")).toBe(
      "Ranked by the normalised score; ties are broken by: more jobs created, earlier submission. Disagreement: the reviewers' totals differ by more than 30 of 100 points.",
    );
    expect(methodNote({ ...protocol, sort: "raw", order: ["normalised_score"] }, protocolTranslators("en"), "en")).toContain(
      "Ranked by the raw score; ties are broken by: normalised score, earlier submission.",
    );
  });

  it("name the file after the call and the day, with an ASCII fallback", () => {
    expect(protocolFileName(protocol, "ru", "csv")).toEqual({
      name: "Протокол комиссии — Бизнес бастау — конкурс 2025 года — 2026-12-02.csv",
      ascii: "jas-grant-protocol-biznes_bastau-2025-2026-12-02.csv",
    });
    expect(protocolFileName(protocol, "kk", "xlsx").name).toBe("Комиссия хаттамасы — Бизнес бастау — 2025 жылғы конкурс — 2026-12-02.xlsx");
  });
});
