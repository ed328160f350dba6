import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { ACCOUNTS, signIn } from "./fixtures";
import { kk } from "./messages";

/**
 * Reviewer assignment on the demo data: last year's Бизнес бастау call, whose applications in review have
 * the three demo reviewers each. The test finds that call and the application of a past applicant from the
 * Uighur district with a read-only query as the app role (the page does not show districts). Other specs
 * run on the same call at the same time (screening may pass another application into review, other specs
 * create reviewers), so the assertions hold whatever they did first.
 * Only reviewer1's assignment to the in-review application of a past applicant (Uighur district, not a
 * demo account) is touched, and the test puts it back.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

async function demoCall(): Promise<{ callId: string; reference: string }> {
  const port = fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3].trim();
  const password = fs.readFileSync(path.join(DATA_DIR, "app-password"), "utf8").trim();
  const c = new Client({ host: "127.0.0.1", port: Number(port), user: "jasgrant_app", password, database: "jasgrant" });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; call_id: string }>(
      `SELECT a.id, a.call_id FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.status = 'in_review' AND a.district_code = 'uighur' ORDER BY c.closes_at LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo data has no application in review");
    return { callId: rows[0].call_id, reference: `JG-${rows[0].id.replace(/-/g, "").slice(0, 8).toUpperCase()}` };
  } finally {
    await c.end();
  }
}

const t = kk.AdminAssignments;
const REVIEWER1 = "Тұрсынов Бақытжан";

test.describe("reviewer assignment", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the admin auto-assigns, sees balanced loads, removes a reviewer with a reason and adds them back", async ({ page }) => {
    test.setTimeout(60_000);
    const { callId, reference } = await demoCall();
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/admin/calls/${callId}/assignments`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByTestId("per-application")).toHaveText("3");
    await expect(page.getByTestId("back-to-admin")).toHaveAttribute("href", "/admin");
    // 360 px: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Automatic assignment: afterwards no application in review lacks a reviewer (the seeded ones already
    // had three; one that screening just passed gets its three now).
    await page.getByTestId("auto-assign").click();
    const done = new RegExp(
      t.autoDone
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace("{added}", "\\d+")
        .replace("{removed}", "0")
        .replace("{unfilled}", "0"),
    );
    await expect(page.getByTestId("auto-result")).toHaveText(done);
    await expect(page.locator('[data-testid="assign-app"]:not([data-missing="0"])')).toHaveCount(0);

    // Balanced: the three demo reviewers' loads differ by one at most.
    const loads = await Promise.all(
      ["Тұрсынов Бақытжан", "Ким Елена", "Сәрсенова Динара"].map((name) =>
        page.getByTestId("load-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) }).getByTestId("load").innerText(),
      ),
    );
    const numbers = loads.map(Number);
    expect(Math.max(...numbers) - Math.min(...numbers)).toBeLessThanOrEqual(1);
    expect(Math.min(...numbers)).toBeGreaterThan(0);

    const card = page.locator(`[data-testid="assign-app"][data-reference="${reference}"]`);
    await expect(card).toHaveAttribute("data-missing", "0");
    await expect(card.getByTestId("assigned-reviewer")).toHaveCount(3);

    // Remove reviewer1 with a reason: an empty reason is refused in the dialog first.
    await card.locator(`[data-testid="assigned-reviewer"][data-name="${REVIEWER1}"]`).getByTestId("remove-assignment").click();
    const dialog = page.getByTestId("remove-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("confirm-dialog-confirm").click();
    await expect(dialog.getByTestId("error-summary")).toContainText(kk.Validation.assignmentReasonRequired);
    await dialog.getByLabel(t.reasonLabel).fill("Жүктемені қайта бөлу");
    await dialog.getByTestId("confirm-dialog-confirm").click();
    await expect(dialog).toBeHidden();
    await expect(card).toHaveAttribute("data-missing", "1");
    await expect(card.getByTestId("assigned-reviewer")).toHaveCount(2);
    await expect(card).toContainText(t.missing.replace("{count}", "1"));

    // Add them back from the select (conflicted reviewers are not offered).
    const select = card.getByLabel(t.addLabel.replace("{reference}", reference));
    await select.selectOption({ label: REVIEWER1 });
    await card.getByTestId("add-reviewer-submit").click();
    await expect(card).toHaveAttribute("data-missing", "0");
    await expect(card.locator(`[data-testid="assigned-reviewer"][data-name="${REVIEWER1}"]`)).toBeVisible();
  });

  test("a reviewer opening the assignment page gets 403", async ({ page }) => {
    const { callId } = await demoCall();
    await signIn(page, ACCOUNTS.reviewer);
    const response = await page.goto(`/admin/calls/${callId}/assignments`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
