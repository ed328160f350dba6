import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { kk, ru } from "./messages";
import { parseCsv } from "../test/csv";

/**
 * The commission's protocol of the demo data's closed call (last year's Бизнес бастау), found through
 * /admin/calls as the ranking spec does. Other specs screen, assign, score and award on the same call at the
 * same time, so only what holds whatever they did is asserted: some rows, ranks 1..n in order, a decision
 * on every row, signature lines for the members, no IIN anywhere; the files' form rather than their rows.
 */
async function closedCallId(page: Page): Promise<string> {
  await page.goto("/admin/calls");
  // Latest deadline first: the last Бизнес бастау call in the list is last year's closed one.
  const link = page.getByTestId("call-link").filter({ hasText: /^(Бизнес бастау — \d{4} жылғы конкурс|Бизнес бастау — конкурс \d{4} года|Biznes bastau — \d{4} call)$/ }).last();
  const id = await link.getAttribute("data-call-id");
  if (!id) throw new Error("no closed Бизнес бастау call in /admin/calls");
  return id;
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** An IIN is 12 digits; nothing else in the protocol is (references are JG- and 8 hex digits). */
const IIN_LIKE = /(?<!\d)\d{12}(?!\d)/;
const DECISIONS = ["awarded", "waitlisted", "not_awarded", "award_revoked", "in_review", "reviewed"];

test.describe("commission protocol", () => {
  test("the admin opens the printable protocol from the call hub: ranked rows with decisions, members with signature lines", async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    await page.goto(`/admin/calls/${callId}`);
    await page.getByTestId("protocol-link").click();
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${callId}/protocol$`));
    const t = kk.Protocol;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByTestId("protocol-call-title")).toHaveText(/Бизнес бастау — \d{4} жылғы конкурс/);
    await expect(page.getByTestId("fact-budget")).toHaveText("136 500 000 ₸");

    const rows = page.getByTestId("protocol-row");
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(1);
    expect((await page.getByTestId("normalised-rank").allInnerTexts()).map(Number)).toEqual(oneToN(n));
    const decisions = await page.getByTestId("decision").evaluateAll((els) => els.map((e) => e.getAttribute("data-decision")));
    expect(decisions).toHaveLength(n);
    for (const d of decisions) expect(DECISIONS).toContain(d);
    expect(await page.getByTestId("reference").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^JG-[0-9A-F]{8}$/)]));
    await expect(page.getByTestId("total-applications")).toHaveText(String(n));

    // The demo's submitted reviews have overall comments: the conclusions list them, without names.
    await expect(page.getByRole("heading", { name: t.commentsTitle })).toBeVisible();
    expect(await page.getByTestId("comment").count()).toBeGreaterThanOrEqual(1);

    // The demo's three reviewers have assignments in the call: they sign, each on a line of their own.
    const members = page.getByTestId("member");
    expect(await members.count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId("signature-line")).toHaveCount(await members.count());
    await expect(page.getByTestId("member-name").filter({ hasText: "Тұрсынов Бақытжан Ерланұлы" })).toHaveCount(1);
    await expect(page.getByTestId("date-line")).toHaveText(t.dateLine);

    // No IIN on the page; the wide table scrolls in its own region, the page does not.
    expect(await page.getByTestId("protocol").innerText()).not.toMatch(IIN_LIKE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // On paper: no toolbar, no portal header; the table and the signature lines are there.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("protocol-toolbar")).toBeHidden();
    await expect(page.locator("body > header")).toBeHidden();
    await expect(page.getByTestId("protocol-table")).toBeVisible();
    await expect(page.getByTestId("signature-line").first()).toBeVisible();
    // Every printed page is A4 landscape (842 × 595 pt), the last one included (no page of another size).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    for (const box of boxes) expect(box).toEqual([842, 595]);
  });

  test("the admin downloads the CSV: UTF-8 with a BOM, `;`, Kazakh headings, ranks 1..n, no IIN", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    await page.goto(`/admin/calls/${callId}/protocol`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^Комиссия хаттамасы — Бизнес бастау — \d{4} жылғы конкурс — \d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text).not.toMatch(IIN_LIKE);
    const records = parseCsv(text, ";");
    const t = kk.Protocol;
    expect(records[0]).toEqual([
      t.colNormRank,
      t.colRawRank,
      t.colReference,
      t.colTitle,
      t.colGrantee,
      t.colDistrict,
      t.colReviews,
      t.colMean,
      t.colNormalised,
      t.colDisagreement,
      t.colDecision,
      t.colAmount,
      t.colNote,
    ]);
    const body = records.slice(1);
    expect(body.length).toBeGreaterThanOrEqual(1);
    expect(body.map((r) => Number(r[0]))).toEqual(oneToN(body.length));
    for (const r of body) {
      expect(r).toHaveLength(13);
      expect(r[2]).toMatch(/^JG-[0-9A-F]{8}$/);
      expect(Object.values(t.decision)).toContain(r[10]);
      // Scores with a decimal comma, money as a plain number.
      if (r[7]) expect(r[7]).toMatch(/^\d+,\d{2}$/);
      if (r[11]) expect(r[11]).toMatch(/^\d+$/);
    }
  });

  test("the admin downloads the XLSX: a zip workbook of four sheets, streamed, in the language asked for", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    await page.goto(`/admin/calls/${callId}/protocol`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    // The same file in Russian, through the page's session.
    const response = await page.request.get(`/api/calls/${callId}/protocol.xlsx?lang=ru`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="jas-grant-protocol-biznes_bastau-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    const body = await response.body();
    expect(body.subarray(0, 2).toString("latin1")).toBe("PK");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
    const t = ru.Protocol;
    expect(wb.worksheets.map((w) => w.name)).toEqual([t.sheetRanking, t.sheetCall, t.sheetMembers, t.sheetComments]);
    const ranking = wb.worksheets[0];
    expect(ranking.getRow(1).getCell(5).value).toBe(t.colGrantee);
    const ranks: number[] = [];
    ranking.eachRow((row, i) => {
      if (i > 1) ranks.push(row.getCell(1).value as number);
    });
    expect(ranks.length).toBeGreaterThanOrEqual(1);
    expect(ranks).toEqual(oneToN(ranks.length));
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells.join("\n")).not.toMatch(IIN_LIKE);
    expect(cells).toContain("Тұрсынов Бақытжан Ерланұлы");
  });

  test("a reviewer gets 404 for the files and 403 for the page; signed out, 404", async ({ page, browser, playwright, baseURL }) => {
    await signIn(page, ACCOUNTS.admin);
    const callId = await closedCallId(page);
    const reviewer = await signedInContext(browser, ACCOUNTS.reviewer);
    try {
      for (const format of ["csv", "xlsx"]) {
        const r = await reviewer.page.request.get(`/api/calls/${callId}/protocol.${format}`);
        expect(r.status()).toBe(404);
        expect(r.headers()["content-disposition"]).toBeUndefined();
      }
      const response = await reviewer.page.goto(`/admin/calls/${callId}/protocol`);
      expect(response?.status()).toBe(403);
      await expect(reviewer.page.getByTestId("protocol-table")).toHaveCount(0);
    } finally {
      await reviewer.context.close();
    }
    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      expect((await anonymous.get(`/api/calls/${callId}/protocol.csv`)).status()).toBe(404);
    } finally {
      await anonymous.dispose();
    }
  });
});
