import { describe, expect, it } from "vitest";
import type { FormSection } from "@/db/schema/programmes";
import { programmeSeed } from "@/db/seed/programmes";
import { applicationDataSchema, sectionErrors, type ApplicationContext, type ApplicationMode } from "./application";

const BB = programmeSeed("biznes_bastau");
const TU = programmeSeed("tauelsizdik_urpaqtary");
const ZG = programmeSeed("zangar");

const ctxOf = (p: typeof BB): ApplicationContext => ({ awardAmount: p.awardAmount ?? 0, directions: p.directions.map((d) => d.code) });
const BB_CTX = ctxOf(BB); // 1,500,000, no directions
const TU_CTX = ctxOf(TU); // 1,000,000, science … volunteering
const ZG_CTX = ctxOf(ZG); // 500,000, young_scientist … sport

type Data = Record<string, Record<string, unknown>>;

/** Issues as { "section.field.index.prop": [message keys] }. */
function issues(sections: readonly FormSection[], ctx: ApplicationContext, mode: ApplicationMode, data: unknown): Record<string, string[]> {
  const r = applicationDataSchema(sections, ctx, mode).safeParse(data);
  const out: Record<string, string[]> = {};
  if (!r.success) for (const i of r.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

const text = (n: number) => "Ә".repeat(n);

// 1 × 900,000 + 2 × 150,000 + 10 × 30,000 = 1,500,000
const BB_LINES = [
  { item: "Кондитерлік пеш", quantity: 1, unitPrice: 900_000, amount: 900_000 },
  { item: "Миксер", quantity: 2, unitPrice: 150_000, amount: 300_000 },
  { item: "Ұн, 50 кг", quantity: 10, unitPrice: 30_000, amount: 300_000 },
];
const FORECAST = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, revenue: 600_000, expenses: 400_000 }));

const BB_VALID: Data = {
  training: { certificateNumber: "ББ-2026/0457" },
  idea: { idea: "Талғарда шағын наубайхана ашу", product: "Таба нан, бөлке, тоқаш" },
  market: { market: "Ауданда наубайхана аз", competitors: "Екі дүкен; біздің нан күнде жаңа" },
  marketing: { marketing: "Instagram, дүкендермен келісім, бағасы 250 ₸" },
  operations: { location: "Талғар қ., Рысқұлов к-сі, 12", operations: "Пеш, миксер, ұн жеткізушісі — Қарасай" },
  team: { team: "Аспаз ретінде 5 жыл тәжірибе" },
  jobs: { jobsCreated: 3 },
  budget: { lines: BB_LINES },
  cofinancing: { ownContribution: 300_000 },
  forecast: { months: FORECAST },
};

// 1 × 600,000 + 4 × 100,000 = 1,000,000
const TU_VALID: Data = {
  direction: { direction: "it" },
  project: { summary: "Ауыл мектептеріне робототехника үйірмесі", description: "Үш ауданда апта сайын сабақтар" },
  goals: { goals: "200 оқушыны оқыту", results: "10 команда облыстық жарысқа қатысады" },
  plan: {
    months: [
      { month: 1, activity: "Жабдық сатып алу" },
      { month: 2, activity: "Сабақтар басталады" },
      { month: 12, activity: "Облыстық жарыс" },
    ],
  },
  budget: {
    lines: [
      { item: "Робототехника жиынтықтары", quantity: 1, unitPrice: 600_000, amount: 600_000 },
      { item: "Ноутбук", quantity: 4, unitPrice: 100_000, amount: 400_000 },
    ],
  },
};

const ZG_VALID: Data = {
  nomination: { nomination: "volunteer", motivation: "Үш жыл бойы еріктілер тобын басқарамын" },
  achievements: { achievements: "Облыстық «Жыл еріктісі» дипломы, 40 акция", plans: "Еріктілерге арналған оқу курсы" },
};

describe("applicationDataSchema: a full, valid application passes submit", () => {
  it.each([
    ["Бизнес бастау", BB.formSections, BB_CTX, BB_VALID],
    ["Тәуелсіздік ұрпақтары", TU.formSections, TU_CTX, TU_VALID],
    ["Заңғар", ZG.formSections, ZG_CTX, ZG_VALID],
  ] as const)("%s", (_name, sections, ctx, data) => {
    expect(issues(sections, ctx, "submit", data)).toEqual({});
    expect(issues(sections, ctx, "draft", data)).toEqual({});
    expect(applicationDataSchema(sections, ctx, "submit").parse(data)).toEqual(data);
  });
});

describe("normalisation", () => {
  it("trims texts and strips unknown sections and fields", () => {
    const data = {
      ...ZG_VALID,
      nomination: { ...ZG_VALID.nomination, motivation: "  Себебі  \n", extra: "x" },
      hacked: { status: "awarded" },
    };
    const out = applicationDataSchema(ZG.formSections, ZG_CTX, "submit").parse(data);
    expect(out).toEqual({ ...ZG_VALID, nomination: { nomination: "volunteer", motivation: "Себебі" } });
  });

  it("reads numbers typed as text (group spaces included)", () => {
    const data = { ...BB_VALID, jobs: { jobsCreated: "3" }, cofinancing: { ownContribution: "300 000" } };
    const out = applicationDataSchema(BB.formSections, BB_CTX, "submit").parse(data);
    expect(out.jobs).toEqual({ jobsCreated: 3 });
    expect(out.cofinancing).toEqual({ ownContribution: 300_000 });
  });

  it("sorts forecast rows by month", () => {
    const data = { ...BB_VALID, forecast: { months: [...FORECAST].reverse() } };
    const out = applicationDataSchema(BB.formSections, BB_CTX, "submit").parse(data);
    expect(out.forecast?.months).toEqual(FORECAST);
  });
});

describe("draft mode: half-written is fine, malformed is not", () => {
  it("accepts an empty draft, missing sections, nulls and blanks", () => {
    expect(issues(BB.formSections, BB_CTX, "draft", {})).toEqual({});
    expect(issues(TU.formSections, TU_CTX, "draft", { direction: { direction: "" }, project: null, goals: { goals: "  " } })).toEqual({});
    expect(issues(BB.formSections, BB_CTX, "draft", { jobs: { jobsCreated: null }, cofinancing: { ownContribution: "" } })).toEqual({});
  });

  it("accepts half-filled budget lines, a budget that does not add up yet, and a partial forecast and plan", () => {
    const draft = {
      budget: { lines: [{ item: "Пеш", quantity: 1 }, { unitPrice: 50_000 }, BB_LINES[0]] },
      forecast: { months: [{ month: 1, revenue: 100_000 }, { month: 2 }] },
    };
    expect(issues(BB.formSections, BB_CTX, "draft", draft)).toEqual({});
    const out = applicationDataSchema(BB.formSections, BB_CTX, "draft").parse(draft);
    expect(out.budget?.lines).toEqual([{ item: "Пеш", quantity: 1 }, { unitPrice: 50_000 }, BB_LINES[0]]);
    expect(issues(TU.formSections, TU_CTX, "draft", { plan: { months: [{ month: 3 }, { activity: "Бірдеңе" }] } })).toEqual({});
  });

  it("refuses over-long text", () => {
    const data = { idea: { idea: text(3001) }, operations: { location: text(201) } };
    expect(issues(BB.formSections, BB_CTX, "draft", data)).toEqual({
      "idea.idea": ["textTooLong"],
      "operations.location": ["textTooLong"],
    });
    // The limit counts the trimmed text.
    expect(issues(BB.formSections, BB_CTX, "draft", { idea: { idea: ` ${text(3000)} ` } })).toEqual({});
    expect(issues(TU.formSections, TU_CTX, "draft", { project: { summary: text(1001) } })).toEqual({ "project.summary": ["textTooLong"] });
  });

  it("refuses fractional, negative and out-of-range numbers", () => {
    const at = (jobsCreated: unknown, ownContribution: unknown) =>
      issues(BB.formSections, BB_CTX, "draft", { jobs: { jobsCreated }, cofinancing: { ownContribution } });
    expect(at(2.5, 1_000.5)).toEqual({ "jobs.jobsCreated": ["numberInvalid"], "cofinancing.ownContribution": ["numberInvalid"] });
    expect(at(-1, -100)).toEqual({ "jobs.jobsCreated": ["numberInvalid"], "cofinancing.ownContribution": ["numberInvalid"] });
    expect(at(101, Number.MAX_SAFE_INTEGER + 1)).toEqual({ "jobs.jobsCreated": ["numberTooLarge"], "cofinancing.ownContribution": ["numberInvalid"] });
    expect(at("three", Number.POSITIVE_INFINITY)).toEqual({ "jobs.jobsCreated": ["numberInvalid"], "cofinancing.ownContribution": ["numberInvalid"] });
    expect(at(0, 0)).toEqual({});
  });

  it("applies a field's minimum", () => {
    const sections: FormSection[] = [
      { key: "s", title: BB.name, fields: [{ key: "n", type: "integer", label: BB.name, required: true, min: 1, max: 5 }] },
    ];
    expect(issues(sections, BB_CTX, "draft", { s: { n: 0 } })).toEqual({ "s.n": ["numberTooSmall"] });
    expect(issues(sections, BB_CTX, "draft", { s: { n: 6 } })).toEqual({ "s.n": ["numberTooLarge"] });
  });

  it("refuses a direction or nomination that is not the programme's", () => {
    expect(issues(TU.formSections, TU_CTX, "draft", { direction: { direction: "sport" } })).toEqual({ "direction.direction": ["optionInvalid"] });
    expect(issues(ZG.formSections, ZG_CTX, "draft", { nomination: { nomination: "sport" } })).toEqual({});
    expect(issues(ZG.formSections, ZG_CTX, "draft", { nomination: { nomination: 3 } })).toEqual({ "nomination.nomination": ["optionInvalid"] });
  });

  it("refuses a malformed certificate number, but not a blank one", () => {
    const cert = (certificateNumber: string) => issues(BB.formSections, BB_CTX, "draft", { training: { certificateNumber } });
    expect(cert("AB")).toEqual({ "training.certificateNumber": ["certificateInvalid"] });
    expect(cert("ББ#12")).toEqual({ "training.certificateNumber": ["certificateInvalid"] });
    expect(cert("1".repeat(41))).toEqual({ "training.certificateNumber": ["textTooLong"] });
    expect(cert("  № 457  ")).toEqual({});
    expect(cert("")).toEqual({});
  });

  it("refuses malformed budget lines, property by property", () => {
    const lines = [
      { item: "Пеш", quantity: 1, unitPrice: 900_000, amount: 900_000.5 }, // fractional amount
      { item: "Миксер", quantity: -2, unitPrice: 150_000, amount: -300_000 }, // negative quantity and amount
      { item: "Ұн", quantity: 10, unitPrice: 1_500_001, amount: 15_000_010 }, // unit price above the award
      { item: "Қалып", quantity: 3, unitPrice: 1_000, amount: 2_000 }, // 3 × 1,000 ≠ 2,000
      { item: text(201), quantity: 0.5 }, // over-long item, fractional quantity
      "not a line",
    ];
    expect(issues(BB.formSections, BB_CTX, "draft", { budget: { lines } })).toEqual({
      "budget.lines.0.amount": ["budgetLineInvalid"],
      "budget.lines.1.quantity": ["budgetLineInvalid"],
      "budget.lines.1.amount": ["budgetLineInvalid"],
      "budget.lines.2.unitPrice": ["budgetLineInvalid"],
      "budget.lines.3.amount": ["budgetLineInvalid"],
      "budget.lines.4.item": ["textTooLong"],
      "budget.lines.4.quantity": ["budgetLineInvalid"],
      "budget.lines.5": ["budgetLineInvalid"],
    });
  });

  it("refuses more than 50 budget lines", () => {
    const lines = Array.from({ length: 51 }, () => ({ item: "x", quantity: 1, unitPrice: 1, amount: 1 }));
    expect(issues(BB.formSections, BB_CTX, "draft", { budget: { lines } })).toEqual({ "budget.lines": ["budgetTooManyLines"] });
  });

  it("refuses forecast rows with a bad or repeated month or a negative amount", () => {
    const months = [
      { month: 1, revenue: 100_000, expenses: -1 },
      { month: 1, revenue: 100_000, expenses: 0 },
      { month: 13, revenue: 0, expenses: 0 },
      { month: 2, revenue: 10.5, expenses: 0 },
    ];
    expect(issues(BB.formSections, BB_CTX, "draft", { forecast: { months } })).toEqual({
      "forecast.months.0.expenses": ["numberInvalid"],
      "forecast.months.1.month": ["forecastIncomplete"],
      "forecast.months.2.month": ["forecastIncomplete"],
      "forecast.months.3.revenue": ["numberInvalid"],
    });
    const thirteen = [...FORECAST, { month: 12, revenue: 0, expenses: 0 }];
    expect(issues(BB.formSections, BB_CTX, "draft", { forecast: { months: thirteen } })).toEqual({ "forecast.months": ["forecastIncomplete"] });
  });

  it("refuses plan rows outside months 1..12 and over-long activities", () => {
    const months = [{ month: 0, activity: "a" }, { month: 13, activity: "b" }, { month: 5, activity: text(3001) }];
    expect(issues(TU.formSections, TU_CTX, "draft", { plan: { months } })).toEqual({
      "plan.months.0.month": ["planIncomplete"],
      "plan.months.1.month": ["planIncomplete"],
      "plan.months.2.activity": ["textTooLong"],
    });
  });

  it("refuses values of the wrong shape", () => {
    expect(issues(BB.formSections, BB_CTX, "draft", { idea: "text", budget: { lines: "x" }, team: { team: 5 } })).toEqual({
      idea: ["invalid"],
      "budget.lines": ["invalid"],
      "team.team": ["invalid"],
    });
    expect(issues(BB.formSections, BB_CTX, "draft", [])).toEqual({ "": ["invalid"] });
  });
});

describe("submit mode: complete and consistent", () => {
  it("requires every required field, blank texts included", () => {
    expect(issues(ZG.formSections, ZG_CTX, "submit", { nomination: { motivation: "   " } })).toEqual({
      "nomination.nomination": ["fieldRequired"],
      "nomination.motivation": ["fieldRequired"],
      "achievements.achievements": ["fieldRequired"],
      "achievements.plans": ["fieldRequired"],
    });
    expect(issues(TU.formSections, TU_CTX, "submit", { ...TU_VALID, direction: { direction: "" } })).toEqual({
      "direction.direction": ["fieldRequired"],
    });
  });

  it("does not require optional fields", () => {
    // jobsDescription, sources (Бизнес бастау), team (Тәуелсіздік ұрпақтары), recognition (Заңғар) are optional.
    expect(issues(BB.formSections, BB_CTX, "submit", { ...BB_VALID, jobs: { jobsCreated: 0, jobsDescription: "" } })).toEqual({});
    expect(issues(ZG.formSections, ZG_CTX, "submit", { ...ZG_VALID, achievements: { ...ZG_VALID.achievements, recognition: null } })).toEqual({});
  });

  it("requires the budget to add up to the award exactly", () => {
    // 1,500,000 − 300,000 = 1,200,000
    const short = { ...BB_VALID, budget: { lines: BB_LINES.slice(0, 2) } };
    expect(issues(BB.formSections, BB_CTX, "submit", short)).toEqual({ "budget.lines": ["budgetTotalMismatch"] });
    // the same lines are 1,500,000 but the Тәуелсіздік ұрпақтары award is 1,000,000 (and 900,000 < 1,000,000 fits a unit price)
    expect(issues(TU.formSections, TU_CTX, "submit", { ...TU_VALID, budget: { lines: BB_LINES } })).toEqual({
      "budget.lines": ["budgetTotalMismatch"],
    });
    expect(issues(BB.formSections, BB_CTX, "submit", { ...BB_VALID, budget: { lines: [] } })).toEqual({ "budget.lines": ["fieldRequired"] });
  });

  it("requires every budget line to be complete; the total is checked once the lines are", () => {
    const lines = [{ item: "Пеш", quantity: 1, unitPrice: 1_500_000 }, { item: " ", quantity: 1, unitPrice: 1, amount: 1 }];
    expect(issues(BB.formSections, BB_CTX, "submit", { ...BB_VALID, budget: { lines } })).toEqual({
      "budget.lines.0.amount": ["fieldRequired"],
      "budget.lines.1.item": ["fieldRequired"],
    });
  });

  it("requires the forecast's 12 months", () => {
    const eleven = { ...BB_VALID, forecast: { months: FORECAST.slice(0, 11) } };
    expect(issues(BB.formSections, BB_CTX, "submit", eleven)).toEqual({ "forecast.months": ["forecastIncomplete"] });
    const blank = { ...BB_VALID, forecast: { months: FORECAST.map((m) => (m.month === 4 ? { month: 4, revenue: 600_000 } : m)) } };
    expect(issues(BB.formSections, BB_CTX, "submit", blank)).toEqual({
      "forecast.months.3.expenses": ["fieldRequired"],
      "forecast.months": ["forecastIncomplete"],
    });
  });

  it("requires at least one planned activity, each row with a month and an activity", () => {
    expect(issues(TU.formSections, TU_CTX, "submit", { ...TU_VALID, plan: { months: [] } })).toEqual({ "plan.months": ["planIncomplete"] });
    const rows = [{ month: 1, activity: "Бастау" }, { activity: "Айсыз" }, { month: 3, activity: "" }];
    expect(issues(TU.formSections, TU_CTX, "submit", { ...TU_VALID, plan: { months: rows } })).toEqual({
      "plan.months.1.month": ["planIncomplete"],
      "plan.months.2.activity": ["fieldRequired"],
    });
    expect(issues(TU.formSections, TU_CTX, "submit", { ...TU_VALID, plan: { months: [{ month: 4, activity: " " }] } })).toEqual({
      "plan.months.0.activity": ["fieldRequired"],
      "plan.months": ["planIncomplete"],
    });
  });

  it("requires a well-formed certificate number", () => {
    const data = { ...BB_VALID, training: { certificateNumber: "12" } };
    expect(issues(BB.formSections, BB_CTX, "submit", data)).toEqual({ "training.certificateNumber": ["certificateInvalid"] });
  });
});

describe("sectionErrors", () => {
  it("lists every section, empty when the section is complete", () => {
    expect(sectionErrors(ZG_VALID, ZG.formSections, ZG_CTX)).toEqual({ nomination: [], achievements: [] });
  });

  it("lists the field paths with errors, per section, in submit mode", () => {
    const data = {
      ...BB_VALID,
      idea: { idea: text(3001) },
      jobs: { jobsCreated: 1.5 },
      budget: { lines: [BB_LINES[0], { ...BB_LINES[1], quantity: 0 }] },
      forecast: undefined,
    };
    expect(sectionErrors(data, BB.formSections, BB_CTX)).toEqual({
      training: [],
      idea: ["idea", "product"],
      market: [],
      marketing: [],
      operations: [],
      team: [],
      jobs: ["jobsCreated"],
      budget: ["lines.1.quantity"],
      cofinancing: [],
      forecast: ["months"],
    });
  });

  it("treats anything that is not an object as an empty application", () => {
    expect(sectionErrors(null, TU.formSections, TU_CTX)).toEqual({
      direction: ["direction"],
      project: ["summary", "description"],
      goals: ["goals", "results"],
      plan: ["months"],
      budget: ["lines"],
    });
  });
});
