import { expect, test, type Page } from "@playwright/test";
import { createAwardsCall, db } from "./awards";
import { ACCOUNTS, signIn } from "./fixtures";
import { kk } from "./messages";

/**
 * The call editor (issue 7): clone last year's demo call into a new call, a refused edit with its reason,
 * and the editor closed to a reviewer. The demo's closed call is only read (cloning saves a new call); the
 * refused edit runs on a call of its own (e2e/awards.ts) with one award written here. The clone gets unique
 * titles so that other specs looking for the demo's calls by title never see it.
 */
const t = kk.AdminEditor;
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const run = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The demo's closed Бизнес бастау call (last year's), the last of its kind in the admin's list. */
async function closedDemoCall(page: Page): Promise<{ id: string; title: string }> {
  await page.goto("/admin/calls");
  const link = page.getByTestId("call-link").filter({ hasText: /^Бизнес бастау — \d{4} жылғы конкурс$/ }).last();
  const id = await link.getAttribute("data-call-id");
  if (!id) throw new Error("no closed Бизнес бастау call in /admin/calls");
  return { id, title: (await link.innerText()).trim() };
}

test.describe("admin call editor", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the admin clones last year's call, changes the budget and titles, saves, and finds the new call in the list and its hub", async ({ page }) => {
    test.setTimeout(90_000);
    const id = run();
    await signIn(page, ACCOUNTS.admin);
    const source = await closedDemoCall(page);
    const sourceYear = Number(/(\d{4})/.exec(source.title)![1]);

    await page.goto(`/admin/calls/${source.id}`);
    await page.getByTestId("clone-call-link").click();
    await expect(page.getByTestId("page-heading")).toHaveText(t.cloneTitle);
    await expect(page.getByTestId("clone-notice")).toContainText(source.title);
    // Everything one year on, nothing saved yet.
    await expect(page.locator("#year")).toHaveValue(String(sourceYear + 1));
    await expect(page.locator("#title-kk")).toHaveValue(`Бизнес бастау — ${sourceYear + 1} жылғы конкурс`);
    await expect(page.locator("#opensAt")).toHaveValue(new RegExp(`^${sourceYear + 1}-`));
    await expect(page.getByTestId("computed-award-amount")).toHaveText("1\u00a0500\u00a0000\u00a0₸");
    await noSidewaysScroll(page);

    await page.locator("#title-kk").fill(`Клон сынағы ${id}`);
    await page.locator("#title-ru").fill(`Проверка копии ${id}`);
    await page.locator("#title-en").fill(`Clone check ${id}`);
    await page.locator("#budgetCap").fill("45 000 000");
    await page.getByTestId("save-call").click();

    await expect(page.getByTestId("call-saved-notice")).toHaveText(t.callCreated);
    await expect(page.getByTestId("page-heading")).toHaveText(`Клон сынағы ${id}`);
    await expect(page.getByTestId("figure-budget")).toHaveText("45\u00a0000\u00a0000\u00a0₸");
    await expect(page.getByTestId("figure-award-amount")).toHaveText("1\u00a0500\u00a0000\u00a0₸");
    await noSidewaysScroll(page);

    await page.goto("/admin/calls");
    await expect(page.getByTestId("call-link").filter({ hasText: `Клон сынағы ${id}` })).toHaveCount(1);
    // The source is unchanged.
    await expect(page.getByTestId("call-link").filter({ hasText: source.title }).last()).toHaveAttribute("data-call-id", source.id);
  });

  test("a refused edit shows its reason: the award amount after the first award; a stale form is a conflict", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const fx = await createAwardsCall();
    // One award on the run's own call, as lib/dal/awards writes it (row, call total, district count).
    const c = await db();
    try {
      const app = fx.apps[0];
      await c.query(
        `INSERT INTO awards (application_id, call_id, district_code, amount, awarded_by)
         SELECT $1, $2, $3, award_amount, (SELECT id FROM users WHERE email = 'admin@jasgrant.demo') FROM calls WHERE id = $2`,
        [app.id, fx.callId, app.district],
      );
      await c.query(`UPDATE applications SET status = 'awarded' WHERE id = $1`, [app.id]);
      await c.query(`UPDATE calls SET awarded_total = awarded_total + award_amount WHERE id = $1`, [fx.callId]);
      await c.query(`UPDATE call_districts SET awarded_count = awarded_count + 1 WHERE call_id = $1 AND district_code = $2`, [fx.callId, app.district]);
    } finally {
      await c.end();
    }

    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/admin/calls/${fx.callId}`);
    await page.getByTestId("edit-call-link").click();
    await expect(page.getByTestId("page-heading")).toHaveText(t.editCallTitle);
    await page.locator("#awardAmount").fill("1 600 000");
    await page.getByTestId("save-call").click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText(t.refusal.award_amount_locked);
    await expect(summary).toBeFocused();
    await expect(page.locator("#awardAmount-error")).toHaveText(t.refusal.award_amount_locked);
    // What was typed stays in the form.
    await expect(page.locator("#awardAmount")).toHaveValue("1 600 000");
    await noSidewaysScroll(page);

    // A budget below what is awarded is refused with the awarded total.
    await page.locator("#awardAmount").fill("1500000");
    await page.locator("#budgetCap").fill("1000000");
    await page.getByTestId("save-call").click();
    await expect(page.locator("#budgetCap-error")).toContainText("1\u00a0500\u00a0000\u00a0₸");

    // Another admin saves first: this form's version is stale.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, ACCOUNTS.admin);
    await otherPage.goto(`/admin/calls/${fx.callId}/edit`);
    await otherPage.locator("#minScore").fill("35");
    await otherPage.getByTestId("save-call").click();
    await expect(otherPage.getByTestId("call-saved-notice")).toHaveText(t.callSaved);
    await other.close();

    await page.locator("#budgetCap").fill("9 000 000");
    await page.getByTestId("save-call").click();
    await expect(page.getByTestId("error-summary")).toContainText(t.staleCall);
  });

  test("the rubric of a programme with reviews keeps its structure: a new weight is refused with its reason, nothing saved", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/programmes");
    await page.locator('[data-testid="programme-link"][data-code="biznes_bastau"]').click();
    await expect(page.getByTestId("rubric")).toContainText(t.rubricLocked);
    const weight = page.locator("#criteria-0-weight");
    const before = await weight.inputValue();
    await weight.fill(String(Number(before) + 1));
    await page.getByTestId("save-programme").click();
    const prefix = t.refusal.rubric_locked.split("{items}")[0];
    await expect(page.getByTestId("rubric-refusal")).toContainText(prefix);
    await expect(page.getByTestId("error-summary")).toContainText(prefix);
    await noSidewaysScroll(page);
    await page.reload();
    await expect(page.locator("#criteria-0-weight")).toHaveValue(before);
  });

  test("the admin creates a programme paid in MRP; the new-call form sends them to add the missing year's MRP, then computes the amount", async ({ page }) => {
    test.setTimeout(90_000);
    const id = run();
    // A year without an MRP yet (the table is shared by every run on this database).
    const c = await db();
    let year: number;
    try {
      const { rows } = await c.query<{ year: number }>("SELECT year FROM mrp_rates");
      const taken = new Set(rows.map((r) => r.year));
      year = 2040 + Math.floor(Math.random() * 60);
      while (taken.has(year)) year = year === 2100 ? 2040 : year + 1;
    } finally {
      await c.end();
    }
    const name = `Сынақ бағдарламасы ${id}`;

    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/programmes");
    await page.getByTestId("new-programme-link").click();
    await page.locator("#code").fill(`e2e_${id}`.toLowerCase().replace(/[^a-z0-9_]/g, "_"));
    await page.locator("#name-kk").fill(name);
    await page.locator("#name-ru").fill(`Тестовая программа ${id}`);
    await page.locator("#name-en").fill(`Test programme ${id}`);
    await page.locator("#awardKind-mrp").check();
    await page.locator("#awardMrpMultiple").fill("400");
    await page.locator("#criteria-0-code").fill("idea");
    await page.locator("#criteria-0-name-kk").fill("Идеяның өзектілігі");
    await page.locator("#criteria-0-name-ru").fill("Актуальность идеи");
    await page.locator("#criteria-0-name-en").fill("Relevance of the idea");
    await noSidewaysScroll(page);
    await page.getByTestId("save-programme").click();
    await expect(page.getByTestId("page-heading")).toHaveText(name);
    await expect(page.getByText(t.programmeCreated)).toBeVisible();

    await page.goto("/admin/calls/new");
    await page.locator("#programmeId").selectOption({ label: name });
    await page.locator("#year").fill(String(year));
    const missing = page.getByTestId("mrp-missing");
    await expect(missing).toContainText(String(year));
    await missing.getByRole("link", { name: t.addMrpLink }).click();

    await expect(page.getByTestId("page-heading")).toHaveText(t.mrpTitle);
    await expect(page.locator("#mrp-year")).toHaveValue(String(year));
    await page.locator("#mrp-amount").fill("5 000");
    await page.getByTestId("add-mrp-form").getByRole("button", { name: t.addMrp }).click();
    const row = page.getByTestId(`edit-mrp-${year}`);
    await expect(row).toBeVisible();
    await row.locator(`#mrp-${year}-amount`).fill("5100");
    await row.getByRole("button", { name: t.save }).click();
    await expect(page.getByTestId(`mrp-saved-${year}`)).toHaveText(t.saved);
    await noSidewaysScroll(page);

    await page.goto("/admin/calls/new");
    await page.locator("#programmeId").selectOption({ label: name });
    await page.locator("#year").fill(String(year));
    await expect(page.getByTestId("computed-award-amount")).toContainText("2\u00a0040\u00a0000\u00a0₸");
  });

  test("a reviewer gets 403 on the editor's pages", async ({ page }) => {
    await signIn(page, ACCOUNTS.reviewer);
    for (const path of ["/admin/calls/new", "/admin/programmes", "/admin/mrp", "/admin/programmes/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
  });
});
