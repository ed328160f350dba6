import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { kk } from "./messages";

/**
 * The admin dashboard. Other specs change the demo data at the same time (screening, reviews, awards), so
 * each table is compared with the same figures counted in the database at that moment (retried until a
 * page and a count agree), and the tables are checked against each other.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");
const t = kk.AdminDashboard;
const CHARTS = ["programmes", "districts", "funnel", "budget", "jobs", "ages", "reviews"] as const;

async function db<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const port = fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3].trim();
  const password = fs.readFileSync(path.join(DATA_DIR, "app-password"), "utf8").trim();
  const c = new Client({ host: "127.0.0.1", port: Number(port), user: "jasgrant_app", password, database: "jasgrant" });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const RECEIVED = "('submitted','ineligible','in_review','reviewed','awarded','waitlisted','not_awarded','award_revoked')";

/** The funnel and the per-programme counts as the database has them now (optionally for one programme). */
async function expected(programme?: string): Promise<{ funnel: number[]; programmes: Record<string, number> }> {
  return db(async (c) => {
    const where = programme ? "AND p.code = $1" : "";
    const args = programme ? [programme] : [];
    const { rows } = await c.query<{ submitted: number; eligible: number; reviewed: number; awarded: number }>(
      `SELECT count(*)::int AS submitted,
              count(*) FILTER (WHERE a.status IN ('in_review','reviewed','awarded','waitlisted','not_awarded','award_revoked'))::int AS eligible,
              count(*) FILTER (WHERE a.status IN ('reviewed','awarded','waitlisted','not_awarded','award_revoked'))::int AS reviewed,
              count(*) FILTER (WHERE a.status = 'awarded')::int AS awarded
         FROM applications a JOIN calls c ON c.id = a.call_id JOIN programmes p ON p.id = c.programme_id
        WHERE a.status IN ${RECEIVED} ${where}`,
      args,
    );
    const { rows: per } = await c.query<{ name: string; n: number }>(
      `SELECT p.name_kk AS name, count(a.id)::int AS n
         FROM calls c JOIN programmes p ON p.id = c.programme_id
         LEFT JOIN applications a ON a.call_id = c.id AND a.status IN ${RECEIVED}
        WHERE true ${where} GROUP BY p.name_kk`,
      args,
    );
    const r = rows[0];
    return { funnel: [r.submitted, r.eligible, r.reviewed, r.awarded], programmes: Object.fromEntries(per.map((p) => [p.name, p.n])) };
  });
}

/** A table's body as [row header, ...cell values] (the stacked layout's repeated headers left out). */
async function readTable(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#${id}`).evaluate((table) =>
    [...table.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].map((cell) => (cell.querySelector("span.min-w-0") ?? cell).textContent!.trim()),
    ),
  );
}

const num = (s: string) => Number(s.replace(/[^\d-]/g, ""));

/** The tables agree with each other: same total of applications everywhere, a funnel that never widens. */
async function tablesAgree(page: Page): Promise<number[]> {
  const funnel = (await readTable(page, "table-funnel")).map((r) => num(r[1]));
  expect(funnel).toHaveLength(4);
  for (let i = 1; i < 4; i++) expect(funnel[i]).toBeLessThanOrEqual(funnel[i - 1]);
  const programmes = await readTable(page, "table-programmes");
  const districts = await readTable(page, "table-districts");
  const ages = await readTable(page, "table-ages");
  expect(programmes.at(-1)![0]).toBe(t.total);
  expect(num(programmes.at(-1)![1])).toBe(funnel[0]);
  expect(num(districts.at(-1)![1])).toBe(funnel[0]);
  expect(districts.slice(0, -1).reduce((s, r) => s + num(r[1]), 0)).toBe(funnel[0]);
  expect(num(ages.at(-1)!.at(-1)!)).toBe(funnel[0]);
  return funnel;
}

test.describe("admin dashboard", () => {
  test("the admin sees every chart and its table at 360 px, consistent with the data, and filters by programme", async ({ page }) => {
    const cspViolations: string[] = [];
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to apply/i.test(m.text())) cspViolations.push(m.text());
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin");
    await page.getByTestId("admin-dashboard-link").click();
    await expect(page).toHaveURL(/\/admin\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);

    // Every chart: heading, summary, an SVG drawn by recharts, and its table with a caption.
    for (const id of CHARTS) {
      const section = page.getByTestId(`chart-${id}`);
      await expect(section.getByRole("heading", { level: 2 })).toBeVisible();
      await expect(section.getByTestId("chart-summary")).not.toBeEmpty();
      await expect(section.locator(`[data-testid="svg-${id}"] svg.recharts-surface`).first()).toBeVisible();
      await expect(page.locator(`#table-${id} caption`)).toHaveCount(1);
    }
    await expect(page.getByTestId("chart-funnel").locator(".recharts-bar-rectangle").first()).toBeVisible();
    expect((await readTable(page, "table-funnel")).map((r) => r[0])).toEqual([t.funnel.submitted, t.funnel.eligible, t.funnel.reviewed, t.funnel.awarded]);

    // The numbers: equal to the database's (retried while other specs change it), and to each other.
    await expect(async () => {
      await page.reload();
      const before = await expected();
      const funnel = await tablesAgree(page);
      const programmes = Object.fromEntries((await readTable(page, "table-programmes")).slice(0, -1).map((r) => [r[0], num(r[1])]));
      const after = await expected();
      expect(after).toEqual(before);
      expect(funnel).toEqual(before.funnel);
      expect(programmes).toEqual(before.programmes);
    }).toPass({ timeout: 30_000 });
    // The demo's closed Бизнес бастау call awarded grants: the budget and jobs charts have data.
    expect((await readTable(page, "table-budget")).length).toBeGreaterThan(0);
    expect(num((await readTable(page, "table-jobs")).at(-1)![1])).toBeGreaterThan(0);

    // DASHBOARD_SCREENSHOTS=<dir>: one picture per chart at 360 px, to look at.
    const shots = process.env.DASHBOARD_SCREENSHOTS;
    if (shots) for (const id of CHARTS) await page.getByTestId(`chart-${id}`).screenshot({ path: path.join(shots, `${id}.png`) });
    // Nothing scrolls sideways at 360 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Filter by programme through the form.
    const form = page.getByTestId("dashboard-filters");
    await form.getByLabel(t.programme, { exact: true }).selectOption("biznes_bastau");
    await page.getByTestId("dashboard-apply").click();
    await expect(page).toHaveURL(/[?&]programme=biznes_bastau/);
    await expect(form.getByLabel(t.programme, { exact: true })).toHaveValue("biznes_bastau");
    await expect(page.getByTestId("chart-funnel").locator("svg.recharts-surface").first()).toBeVisible();
    await expect(async () => {
      await page.reload();
      const before = await expected("biznes_bastau");
      const funnel = await tablesAgree(page);
      const programmes = (await readTable(page, "table-programmes")).slice(0, -1);
      expect(programmes.map((r) => r[0])).toEqual(["Бизнес бастау"]);
      expect(await expected("biznes_bastau")).toEqual(before);
      expect(funnel).toEqual(before.funnel);
    }).toPass({ timeout: 30_000 });

    // A year with no call: the explicit empty state, no chart.
    await page.goto("/admin/dashboard?year=2001");
    await expect(page.getByTestId("dashboard-empty")).toContainText(t.noCallsTitle);
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("a reviewer gets 403", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.reviewer);
    try {
      const response = await page.goto("/admin/dashboard");
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("dashboard-filters")).toHaveCount(0);
      await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
