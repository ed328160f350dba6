import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { kk } from "./messages";
import { parseCsv } from "../test/csv";

/**
 * The exports of the demo data's closed call (last year's Бизнес бастау), found through /admin/calls and
 * opened from the call hub. Other specs screen, score and award on the same call at the same time, so the
 * files are compared with what the page and the route said at that moment: the applications' row count
 * with the page's (a closed call takes no new applications), the awards' with the total the route
 * announced (X-Export-Rows) and the progress text showed.
 */
async function closedCallId(page: Page): Promise<string> {
  await page.goto("/admin/calls");
  // Latest deadline first: the last Бизнес бастау call in the list is last year's closed one.
  const link = page.getByTestId("call-link").filter({ hasText: /^(Бизнес бастау — \d{4} жылғы конкурс|Бизнес бастау — конкурс \d{4} года|Biznes bastau — \d{4} call)$/ }).last();
  const id = await link.getAttribute("data-call-id");
  if (!id) throw new Error("no closed Бизнес бастау call in /admin/calls");
  return id;
}

const IIN = /^\d{12}$/;
const t = kk.AdminExports;

test.describe("exports of a call", () => {
  test("the admin downloads the applications CSV and the awards XLSX through the page, with progress, and reads them back", async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    await page.goto(`/admin/calls/${callId}`);
    await page.getByTestId("exports-link").click();
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${callId}/exports$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Applications, CSV: by keyboard (focus the link, Enter).
    const count = Number(await page.getByTestId("export-applications-count").getAttribute("data-count"));
    expect(count).toBeGreaterThanOrEqual(1);
    await page.getByTestId("download-applications-csv").focus();
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(csvDownload.suggestedFilename()).toMatch(/^Өтінімдер — Бизнес бастау — \d{4} жылғы конкурс — \d{4}-\d{2}-\d{2}\.csv$/);
    await expect(page.getByTestId("export-progress")).toHaveAttribute("data-phase", "done");
    await expect(page.getByTestId("export-announcement")).toContainText(csvDownload.suggestedFilename());
    const bytes = fs.readFileSync(await csvDownload.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.subarray(3).toString("utf8"), ";");
    expect(records[0]).toEqual([
      t.col.reference, t.col.status, t.col.district, t.col.direction, t.col.title, t.col.applicant, t.col.iin, t.col.birthDate, t.col.phone, t.col.email, t.col.submittedAt, t.col.requestedAmount, t.col.jobsCreated,
    ]);
    expect(records.length - 1).toBe(count);
    for (const r of records.slice(1)) {
      expect(r[0]).toMatch(/^JG-[0-9A-F]{8}$/);
      expect(r[6]).toMatch(IIN);
      expect(r[9]).toContain("@");
    }

    // Awards, XLSX: the total announced by the route is the number of rows in the workbook.
    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-awards-xlsx").click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^Гранттар — Бизнес бастау — \d{4} жылғы конкурс — \d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(page.getByTestId("export-progress")).toHaveAttribute("data-phase", "done");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsxDownload.path());
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(t.kind.awards);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([t.col.reference, t.col.applicant, t.col.district, t.col.amount, t.col.awardedAt, t.col.status, t.col.revokedAt, t.col.revokeReason]);
    const awardsOnPage = Number(await page.getByTestId("export-awards-count").getAttribute("data-count"));
    // Other specs may award on this call meanwhile: never fewer than the page counted.
    expect(ws.rowCount - 1).toBeGreaterThanOrEqual(awardsOnPage);
    for (let i = 2; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      expect(String(row.getCell(1).value)).toMatch(/^JG-[0-9A-F]{8}$/);
      expect(typeof row.getCell(4).value).toBe("number");
      expect(row.getCell(5).value).toBeInstanceOf(Date);
      expect([t.awardStatus.active, t.awardStatus.revoked]).toContain(row.getCell(6).value);
    }

    // The same file through the route directly: its announced row count matches the workbook's.
    const direct = await page.request.get(`/api/calls/${callId}/export/awards.xlsx?lang=kk`);
    expect(direct.status()).toBe(200);
    const announced = Number(direct.headers()["x-export-rows"]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await direct.body()) as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].rowCount - 1).toBe(announced);
  });

  test("a download can be cancelled, and another one runs after it", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    // Hold the response so that the cancel button is there to press.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(`**/api/calls/${callId}/export/reviews.csv*`, async (route) => {
      await held;
      // The page aborted the request meanwhile (that is the test): the route is gone by then.
      await route.continue().catch(() => undefined);
    });
    await page.goto(`/admin/calls/${callId}/exports`);
    await page.getByTestId("download-reviews-csv").click();
    await expect(page.getByTestId("export-progress")).toHaveAttribute("data-phase", "running");
    await expect(page.getByTestId("export-cancel")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("export-progress")).toHaveAttribute("data-phase", "cancelled");
    await expect(page.getByTestId("export-announcement")).toHaveText(t.cancelled.replace("{kind}", t.kind.reviews));
    release();
    await page.unroute(`**/api/calls/${callId}/export/reviews.csv*`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-reviews-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^Бағалар — .*\.csv$/);
  });

  test("a reviewer is refused: 404 for every file, 403 for the page; signed out, 404", async ({ page, browser, playwright, baseURL }) => {
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    const reviewer = await signedInContext(browser, ACCOUNTS.reviewer);
    try {
      for (const file of ["applications.csv", "applications.xlsx", "reviews.csv", "awards.xlsx"]) {
        const r = await reviewer.page.request.get(`/api/calls/${callId}/export/${file}`);
        expect(r.status()).toBe(404);
        expect(r.headers()["content-disposition"]).toBeUndefined();
      }
      const response = await reviewer.page.goto(`/admin/calls/${callId}/exports`);
      expect(response?.status()).toBe(403);
      await expect(reviewer.page.getByTestId("export-list")).toHaveCount(0);
    } finally {
      await reviewer.context.close();
    }
    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      expect((await anonymous.get(`/api/calls/${callId}/export/applications.csv`)).status()).toBe(404);
    } finally {
      await anonymous.dispose();
    }
  });

  test("without JavaScript the links still download the file", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // Sign in with JS on in another context would not share cookies: sign in here (the form works without JS).
      await page.goto("/sign-in");
      await page.locator("#email").fill(ACCOUNTS.admin);
      await page.locator("#password").fill("demo-password-2026");
      await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
      await page.waitForLoadState();
      await page.goto("/admin/calls");
      const link = page.getByTestId("call-link").filter({ hasText: /^Бизнес бастау — \d{4} жылғы конкурс$/ }).last();
      const callId = await link.getAttribute("data-call-id");
      await page.goto(`/admin/calls/${callId}/exports`);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-awards-csv").click()]);
      expect(download.suggestedFilename()).toMatch(/^Гранттар — .*\.csv$/);
    } finally {
      await context.close();
    }
  });
});
