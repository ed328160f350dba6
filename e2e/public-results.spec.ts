import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { makeIin } from "./accounts";
import { db } from "./awards";
import { en, kk, ru } from "./messages";

/**
 * The public results page and its open-data CSV, signed out. The demo's past call is unpublished (and
 * shared with other specs), so each run writes, as the app role, a closed Бизнес бастау call of its own
 * with published results:
 *
 *   district  received  awarded (jobs)         shown as
 *   ili       4         2 (3 + 1)              Ili district
 *   talgar    3         1 (2)                  Talgar district
 *   karasai   1         1 (5)                  Other districts (1 + 2 = 3 applications, 2 districts)
 *   zhambyl   2         0                      Other districts
 *   kegen     a draft only: not received, no row
 */
const AMOUNT = 1_500_000;
const NBSP = "\u00a0";
const PLAN: { district: string; status: string; jobs?: number }[] = [
  { district: "ili", status: "awarded", jobs: 3 },
  { district: "ili", status: "awarded", jobs: 1 },
  { district: "ili", status: "waitlisted", jobs: 8 },
  { district: "ili", status: "not_awarded" },
  { district: "talgar", status: "awarded", jobs: 2 },
  { district: "talgar", status: "not_awarded", jobs: 4 },
  { district: "talgar", status: "ineligible" },
  { district: "karasai", status: "awarded", jobs: 5 },
  { district: "zhambyl", status: "not_awarded" },
  { district: "zhambyl", status: "waitlisted" },
  { district: "kegen", status: "draft" },
];

let titles: { kk: string; ru: string; en: string };
const emails: string[] = [];
const iins: string[] = [];

test.beforeAll(async () => {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  titles = { kk: `Ашық нәтижелер ${run}`, ru: `Открытые итоги ${run}`, en: `Open results ${run}` };
  const c = await db();
  try {
    await c.query("BEGIN");
    const { rows: progs } = await c.query<{ id: string }>(`SELECT id FROM programmes WHERE code = 'biznes_bastau'`);
    const { rows: admin } = await c.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@jasgrant.demo'`);
    const awarded = PLAN.filter((p) => p.status === "awarded").length;
    const { rows: call } = await c.query<{ id: string }>(
      `INSERT INTO calls (programme_id, year, title_kk, title_ru, title_en, opens_at, closes_at, review_deadline, budget_cap, award_amount, awarded_total, results_published_at)
       VALUES ($1, $2, $3, $4, $5, now() - interval '200 days', now() - interval '150 days', now() - interval '120 days', $6, $7, $8, now() - interval '100 days') RETURNING id`,
      [progs[0].id, new Date().getUTCFullYear() - 1, titles.kk, titles.ru, titles.en, 10 * AMOUNT, AMOUNT, awarded * AMOUNT],
    );
    const callId = call[0].id;
    for (const [i, p] of PLAN.entries()) {
      const email = `results.applicant.${run}.${i + 1}@example.kz`;
      const birth = { year: 1996 + (i % 8), month: 1 + i, day: 5 + i };
      const iin = makeIin(birth, i % 2 ? "female" : "male");
      emails.push(email);
      iins.push(iin);
      const { rows: user } = await c.query<{ id: string }>(
        `INSERT INTO users (email, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
         VALUES ($1, 'applicant', now(), 'Нәтижебеков', $2, $3, $4, $5, 'kk') RETURNING id`,
        [email, `Ашықбек${i + 1}`, iin, `${birth.year}-${String(birth.month).padStart(2, "0")}-${String(birth.day).padStart(2, "0")}`, p.district],
      );
      const { rows: app } = await c.query<{ id: string }>(
        `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, jobs_created, submitted_at)
         VALUES ($1, $2, $3, $4, $5, '{}', $6, $7) RETURNING id`,
        [callId, user[0].id, p.status, p.district, `Жоба ${run} ${i + 1}`, p.jobs ?? null, p.status === "draft" ? null : new Date(Date.now() - 160 * 86_400_000)],
      );
      if (p.status === "awarded") {
        await c.query(`INSERT INTO awards (application_id, call_id, district_code, amount, awarded_by) VALUES ($1, $2, $3, $4, $5)`, [
          app[0].id,
          callId,
          p.district,
          AMOUNT,
          admin[0].id,
        ]);
      }
    }
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    await c.end();
  }
});

/** Each row of the call's table: its cells' values (the stacked layout's repeated header left out). */
async function tableOf(page: Page, title: string): Promise<string[][]> {
  const section = page.getByTestId("results-call").filter({ has: page.getByRole("heading", { level: 2, name: title }) });
  await expect(section).toHaveCount(1);
  return section.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.lastElementChild ?? c).textContent ?? "")),
  );
}

test("a visitor signed out reads the results by district, small districts merged, in English at 360 px", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/results");
  await expect(page.getByRole("heading", { level: 1, name: en.PublicResults.title })).toBeVisible();
  await expect(page.getByTestId("results-privacy")).toHaveText(en.PublicResults.privacyNote);
  expect(await tableOf(page, titles.en)).toEqual([
    ["Ili district", "4", "2", "₸3,000,000", "4"],
    ["Talgar district", "3", "1", "₸1,500,000", "2"],
    [en.PublicResults.otherDistricts, "3", "1", "₸1,500,000", "5"],
    [en.PublicResults.total, "10", "4", "₸6,000,000", "11"],
  ]);
  // The demo's calls have no published results (nothing may publish them): not listed.
  await expect(page.getByRole("heading", { level: 2, name: /^Biznes bastau — \d{4} call$/ })).toHaveCount(0);
  // Nothing personal on the page, and no sideways scroll on a phone.
  const html = await page.content();
  for (const v of [...emails, ...iins, "Нәтижебеков", "Ашықбек"]) expect(html).not.toContain(v);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("in Kazakh by default, with amounts as Kazakh readers write them; the landing page links here", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("landing-results").click();
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByRole("heading", { level: 1, name: kk.PublicResults.title })).toBeVisible();
  expect(await tableOf(page, titles.kk)).toContainEqual([kk.PublicResults.otherDistricts, "3", "1", `1${NBSP}500${NBSP}000${NBSP}₸`, "5"]);
});

test("the CSV downloads signed out: UTF-8 with a BOM, ',' between fields, headings in the language, no personal data", async ({ page, playwright, baseURL }) => {
  await page.goto("/results");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("results-csv").click()]);
  expect(download.suggestedFilename()).toBe("Jas Grant нәтижелері.csv");
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const kkCsv = bytes.toString("utf8").slice(1);
  const m = kk.PublicResults;
  expect(kkCsv.split("\r\n")[0]).toBe(
    [m.programme, m.call, m.year, m.district, m.received, m.awarded, `"${m.amountAwardedCsv}"`, m.jobsPlanned].join(","),
  );
  expect(kkCsv).toContain(`Бизнес бастау,${titles.kk},${new Date().getUTCFullYear() - 1},${m.otherDistricts},3,1,1500000,5\r\n`);

  // Without any cookie, as a program would fetch it.
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get("/api/results.csv?lang=ru");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["cache-control"]).toBe("public, max-age=300");
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const r = ru.PublicResults;
  const ruCsv = body.toString("utf8").slice(1);
  expect(ruCsv.split("\r\n")[0]).toBe([r.programme, r.call, r.year, r.district, r.received, r.awarded, `"${r.amountAwardedCsv}"`, r.jobsPlanned].join(","));
  expect(ruCsv).toContain(`,${titles.ru},`);
  expect(ruCsv).toContain(`${r.otherDistricts},3,1,1500000,5`);
  expect(ruCsv).not.toContain("Карасайский");
  for (const v of [...emails, ...iins, "Нәтижебеков"]) expect(ruCsv).not.toContain(v);
  await anonymous.dispose();
});
