import { describe, expect, it } from "vitest";
import type { CallResults } from "@/lib/dal/public-results";
import { RFC4180 } from "./cells";
import { csvStream } from "./csv";
import { publicResultsFileName, publicResultsSheet } from "./public-results";

const results: CallResults[] = [
  {
    programme: { code: "biznes_bastau", name: { kk: "Бизнес бастау", ru: "Бизнес бастау", en: "Biznes bastau" } },
    call: { id: "c1", year: 2025, title: { kk: "Бизнес бастау — 2025, конкурс", ru: "Бизнес бастау — конкурс 2025 года", en: "Biznes bastau — 2025 call" }, resultsPublishedAt: new Date("2025-09-01T05:00:00Z") },
    rows: [
      { district: { code: "ili", name: { kk: "Іле ауданы", ru: "Илийский район", en: "Ili district" } }, received: 5, awarded: 2, amountAwarded: 3_000_000, jobsPlanned: 4 },
      { district: null, received: 3, awarded: 1, amountAwarded: 1_500_000, jobsPlanned: 2 },
    ],
    total: { received: 8, awarded: 3, amountAwarded: 4_500_000, jobsPlanned: 6 },
  },
];

async function csv(lang: "kk" | "ru" | "en"): Promise<string> {
  const buf = await new Response(csvStream(publicResultsSheet(results, lang), RFC4180)).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(buf);
}

describe("the public results as open-data CSV", () => {
  it("has a BOM, headings in English, ',' between fields, one row per district and the merged row, no total row", async () => {
    expect(await csv("en")).toBe(
      [
        "\uFEFFProgramme,Call,Year,District,Applications received,Grants awarded,\"Amount awarded, ₸\",Jobs planned",
        "Biznes bastau,Biznes bastau — 2025 call,2025,Ili district,5,2,3000000,4",
        "Biznes bastau,Biznes bastau — 2025 call,2025,Other districts,3,1,1500000,2",
        "",
      ].join("\r\n"),
    );
  });

  it("writes headings and names in Kazakh and Russian", async () => {
    const kk = (await csv("kk")).split("\r\n");
    expect(kk[0]).toBe("\uFEFFБағдарлама,Конкурс атауы,Жыл,Аудан,Түскен өтінімдер,Берілген гранттар,\"Берілген сома, ₸\",Жоспарланған жұмыс орындары");
    expect(kk[1]).toBe('Бизнес бастау,"Бизнес бастау — 2025, конкурс",2025,Іле ауданы,5,2,3000000,4');
    expect(kk[2]).toContain("Басқа аудандар");
    const ru = (await csv("ru")).split("\r\n");
    expect(ru[0]).toBe("\uFEFFПрограмма,Название конкурса,Год,Район,Поступило заявок,Присуждено грантов,\"Сумма грантов, ₸\",Планируемые рабочие места");
    expect(ru[2]).toBe("Бизнес бастау,Бизнес бастау — конкурс 2025 года,2025,Другие районы,3,1,1500000,2");
  });

  it("is only headings when nothing is published", async () => {
    const buf = await new Response(csvStream(publicResultsSheet([], "en"), RFC4180)).arrayBuffer();
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(buf).split("\r\n")).toHaveLength(2);
  });

  it("names the file in the language with an ASCII fallback", () => {
    expect(publicResultsFileName("kk")).toEqual({ name: "Jas Grant нәтижелері.csv", ascii: "jas-grant-results.csv" });
  });
});
