import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DashboardData, DashboardOptions } from "@/lib/dal/dashboard";
import { bucketAges } from "@/lib/domain/dashboard";
import { catalogue } from "@/lib/i18n/catalogue";

const state = vi.hoisted(() => ({ data: null as unknown as DashboardData, options: null as unknown as DashboardOptions }));

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/catalogue")).catalogue("en");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
  };
});
vi.mock("@/lib/auth/guard", () => ({ requireRole: async () => ({ id: "00000000-0000-4000-8000-000000000001", role: "admin", givenName: "Admin" }) }));
vi.mock("@/lib/dal/dashboard", () => ({ dashboardOptions: async () => state.options, dashboardData: async () => state.data }));

const m = catalogue("en").AdminDashboard;
const L = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, en });
const M = 1_500_000;
const CALL = { id: "0b5e5c1e-4a8e-4c59-9d43-2d5b7f0a1c22", year: 2025, title: L("Biznes bastau — 2025 call"), programmeCode: "biznes_bastau", budgetCap: 10 * M };
const districts = (counts: Record<string, number>) =>
  ["ili", "talgar", "alatau"].map((code) => ({ code, name: L(`${code} district`), count: counts[code] ?? 0 }));

function empty(): DashboardData {
  return {
    calls: [],
    perProgramme: [],
    perDistrict: districts({}),
    funnel: { submitted: 0, eligible: 0, reviewed: 0, awarded: 0 },
    budget: { cap: 0, awarded: 0, series: [] },
    jobs: districts({}).map((d) => ({ code: d.code, name: d.name, awards: 0, jobs: 0 })),
    ages: bucketAges([]),
    reviews: [],
  };
}

async function render(query: Record<string, string> = {}): Promise<string> {
  const { default: Page } = await import("./page");
  const page = await Page({ searchParams: Promise.resolve(query) });
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={catalogue("en")}>
      {page}
    </NextIntlClientProvider>,
  );
}

beforeEach(() => {
  state.options = { programmes: [{ code: "biznes_bastau", name: L("Biznes bastau") }], calls: [CALL], years: [2025] };
  state.data = empty();
});

describe("the dashboard page", () => {
  it("says so when no call matches the filters, with the filters kept and no chart", async () => {
    const html = await render({ programme: "biznes_bastau", year: "2024" });
    expect(html).toContain('data-testid="dashboard-empty"');
    expect(html).toContain(m.noCallsTitle);
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("<table");
    expect(html).toMatch(/<option value="biznes_bastau" selected="">Biznes bastau<\/option>/);
  });

  it("says so when the calls have no application received", async () => {
    state.data = { ...empty(), calls: [CALL], perProgramme: [{ code: "biznes_bastau", name: L("Biznes bastau"), count: 0 }] };
    const html = await render();
    expect(html).toContain(m.noApplicationsTitle);
    expect(html).not.toContain("<svg");
  });

  it("draws every chart with its summary and table; no awards and no reviewers are said in words", async () => {
    state.data = {
      ...empty(),
      calls: [CALL],
      perProgramme: [{ code: "biznes_bastau", name: L("Biznes bastau"), count: 5 }],
      perDistrict: districts({ ili: 3, talgar: 2 }),
      funnel: { submitted: 5, eligible: 4, reviewed: 2, awarded: 0 },
      budget: { cap: 10 * M, awarded: 0, series: [] },
      ages: bucketAges([
        { age: 19, sex: "female", count: 3 },
        { age: 27, sex: "male", count: 2 },
      ]),
    };
    const html = await render();
    expect(html).toContain("Applications received: 5. By programme: Biznes bastau: 5.");
    expect(html).toContain("Most applications came from ili district: 3. Districts without applications: 1.");
    expect(html).toContain("Of 5 submitted applications, 4 passed screening, 2 were reviewed and 0 were awarded (0% of those submitted).");
    expect(html).toContain("No grants have been awarded for this selection yet. Budget cap: ₸15,000,000.");
    expect(html).toContain(m.jobs.empty);
    expect(html).toContain(m.reviews.empty);
    expect(html).toContain("The largest age group is 18–21 years: 3 applicants. Women: 3, men: 2.");
    for (const id of ["programmes", "districts", "funnel", "ages"]) expect(html).toContain(`id="table-${id}"`);
    for (const id of ["budget", "jobs", "reviews"]) expect(html).not.toContain(`id="table-${id}"`);
    // Each chart's frame (recharts draws the SVG in the browser) is hidden from assistive technology.
    expect(html.match(/data-testid="svg-/g)?.length).toBe(4);
    expect(html).toMatch(/aria-hidden="true"[^>]*data-testid="svg-funnel"/);
  });

  it("draws the budget, jobs and review charts once there are awards and assignments", async () => {
    state.data = {
      ...empty(),
      calls: [CALL],
      perProgramme: [{ code: "biznes_bastau", name: L("Biznes bastau"), count: 5 }],
      perDistrict: districts({ ili: 5 }),
      funnel: { submitted: 5, eligible: 5, reviewed: 5, awarded: 2 },
      budget: {
        cap: 10 * M,
        awarded: 2 * M,
        series: [
          { day: "2025-08-01", awarded: 3 * M, cumulative: 3 * M },
          { day: "2025-08-10", awarded: -M, cumulative: 2 * M },
        ],
      },
      jobs: districts({}).map((d) => ({ code: d.code, name: d.name, awards: d.code === "ili" ? 2 : 0, jobs: d.code === "ili" ? 7 : 0 })),
      ages: bucketAges([{ age: 22, sex: null, count: 5 }]),
      reviews: [{ callId: CALL.id, title: CALL.title, year: 2025, submitted: 12, inProgress: 2, notStarted: 1 }],
    };
    const html = await render();
    expect(html).toContain("Awarded ₸3,000,000 of the budget cap of ₸15,000,000 (20%); ₸12,000,000 left.");
    expect(html).toContain('id="table-budget"');
    expect(html).toContain("-₸1,500,000");
    expect(html).toContain("2 awarded plans promise 7 jobs; the most in ili district: 7.");
    expect(html).toContain("Reviews submitted: 12 of 15 assignments (80%); in progress: 2; not started: 1.");
    // An applicant whose sex is not known gets a column of their own.
    expect(html).toContain(`>${m.ages.unknown}</th>`);
    expect(html.match(/data-testid="svg-/g)?.length).toBe(7);
  });
});
