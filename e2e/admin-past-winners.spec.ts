import { expect, test } from "@playwright/test";
import { adultIin, badChecksum, expectNoHorizontalScroll } from "./accounts";
import { ACCOUNTS, signIn } from "./fixtures";
import { kk } from "./messages";

/**
 * The past winners import: an admin uploads a small CSV (header, a name column, one bad line) for
 * Заңғар and a year no other spec uses, sees the bad line's number and reason, confirms, and sees the
 * counts. The IINs are random, so a second run adds two new ones again (the list's count grows by 2).
 */
const YEAR = "2004";
const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

test.describe("past winners import", () => {
  test("an admin uploads a CSV with one bad line, sees the line's error, confirms and sees the counts", async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, ACCOUNTS.admin);
    await page.getByTestId("admin-past-winners-link").click();
    await expect(page.getByRole("heading", { level: 1, name: kk.PastWinners.title })).toBeVisible();
    await expectNoHorizontalScroll(page);

    const programmeId = await page.locator("#programmeId option", { hasText: "Заңғар" }).first().getAttribute("value");
    expect(programmeId).toBeTruthy();
    const listCell = page.getByTestId(`past-winners-list-${programmeId}-${YEAR}`);
    const before = (await listCell.count()) > 0 ? Number(await listCell.textContent()) : 0;

    const a = adultIin();
    let b = adultIin();
    while (b === a) b = adultIin();
    const csv = `\uFEFFЖСН;Аты-жөні\n${a};Асқаров Нұрлан\n${badChecksum(b)};Иванова Анна\n\n${b};Серікова Әйгерім\n`;
    await page.locator("#programmeId").selectOption(programmeId!);
    await page.locator("#year").fill(YEAR);
    await page.locator("#file").setInputFiles({ name: "winners.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("past-winners-upload").locator('button[type="submit"]').click();

    const preview = page.getByTestId("past-winners-preview");
    await expect(preview).toBeVisible();
    await expect(page.getByTestId("past-winners-errors").locator("li")).toHaveText([
      fill(kk.PastWinners.errorLine, { line: 3, reason: kk.PastWinners.reasons.checksum }),
    ]);
    await expect(page.getByTestId("past-winners-count-lines")).toHaveText("3");
    await expect(page.getByTestId("past-winners-count-valid")).toHaveText("2");
    await expect(page.getByTestId("past-winners-count-new")).toHaveText("2");
    await expect(page.getByTestId("past-winners-count-existing")).toHaveText("0");
    await expect(page.getByTestId("past-winners-count-errors")).toHaveText("1");
    // Names are never sent back, and no IIN is shown.
    await expect(page.locator("body")).not.toContainText("Асқаров");
    await expect(page.locator("body")).not.toContainText(a);
    await expectNoHorizontalScroll(page);

    await page.getByTestId("past-winners-confirm").locator('button[type="submit"]').click();
    await expect(page.getByTestId("past-winners-imported")).toHaveText(
      fill(kk.PastWinners.imported, { programme: "Заңғар", year: YEAR, inserted: 2, existing: 0 }),
    );
    await expect(preview).toHaveCount(0);
    await expect(listCell).toHaveText(String(before + 2));

    // The same file again: both IINs are already listed, nothing to import.
    await page.locator("#programmeId").selectOption(programmeId!);
    await page.locator("#year").fill(YEAR);
    await page.locator("#file").setInputFiles({ name: "winners.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("past-winners-upload").locator('button[type="submit"]').click();
    await expect(page.getByTestId("past-winners-count-existing")).toHaveText("2");
    await expect(page.getByTestId("past-winners-count-new")).toHaveText("0");
    await expect(page.getByText(kk.PastWinners.nothingNew)).toBeVisible();
    await expect(page.getByTestId("past-winners-confirm")).toHaveCount(0);
  });

  test("a file that is not text is refused with its reason", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/past-winners");
    const programmeId = await page.locator("#programmeId option", { hasText: "Заңғар" }).first().getAttribute("value");
    await page.locator("#programmeId").selectOption(programmeId!);
    await page.locator("#file").setInputFiles({ name: "winners.xlsx", mimeType: "text/csv", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) });
    await page.getByTestId("past-winners-upload").locator('button[type="submit"]').click();
    await expect(page.locator("#file-error")).toHaveText(kk.PastWinners.errors.notText);
    await expect(page.getByTestId("past-winners-preview")).toHaveCount(0);
  });

  test("a reviewer opening the page gets 403", async ({ page }) => {
    await signIn(page, ACCOUNTS.reviewer);
    const response = await page.goto("/admin/past-winners");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("past-winners-upload")).toHaveCount(0);
  });
});
