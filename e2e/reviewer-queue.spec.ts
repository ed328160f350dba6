import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { expectNoHorizontalScroll, signInAs } from "./accounts";
import { ACCOUNTS, signIn } from "./fixtures";
import { waitForLink } from "./mail";
import { kk } from "./messages";

/**
 * The reviewer's queue on the demo data. Other specs use reviewer1..3 (and reviewer1's assignment to the
 * Uighur application), so this spec creates its own two reviewers through the admin's pages and adds them
 * as extra reviewers to the other in-review application of the closed call: it keeps its three demo
 * reviewers, so whatever this spec declines or declares leaves nobody missing for the other specs.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

/** The closed call, its in-review application outside the Uighur district, and every applicant's name in the call. */
async function demoApp(): Promise<{ callId: string; reference: string; allNames: string[] }> {
  const port = fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[3].trim();
  const password = fs.readFileSync(path.join(DATA_DIR, "app-password"), "utf8").trim();
  const c = new Client({ host: "127.0.0.1", port: Number(port), user: "jasgrant_app", password, database: "jasgrant" });
  await c.connect();
  try {
    const { rows: first } = await c.query<{ call_id: string }>(
      `SELECT a.call_id FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.status = 'in_review' AND a.district_code = 'uighur' ORDER BY c.closes_at LIMIT 1`,
    );
    if (!first[0]) throw new Error("the demo data has no application in review");
    const callId = first[0].call_id;
    const { rows } = await c.query<{ id: string; surname: string; given_name: string; district_code: string; status: string }>(
      `SELECT a.id, u.surname, u.given_name, a.district_code, a.status FROM applications a JOIN users u ON u.id = a.applicant_id
        WHERE a.call_id = $1 ORDER BY a.id`,
      [callId],
    );
    const app = rows.find((r) => r.status === "in_review" && r.district_code !== "uighur");
    if (!app) throw new Error("the demo data needs an application in review outside the Uighur district");
    const names = rows.flatMap((r) => [`${r.surname} ${r.given_name}`, `${r.given_name} ${r.surname}`]);
    return { callId, reference: `JG-${app.id.replace(/-/g, "").slice(0, 8).toUpperCase()}`, allNames: names };
  } finally {
    await c.end();
  }
}

const t = kk.ReviewQueue;
const LETTERS = "абвгдежзиклмнопрстуфхшыәғқңөұүі";

/**
 * The admin creates a reviewer (a public mail service, a surname unique to the run in Kazakh letters and
 * an organisation of their own: no conflict flag), who sets a password from the mail and signs in.
 */
async function newReviewer(admin: Page, reviewer: Page, givenName: string): Promise<string> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `queue.reviewer.${run}@gmail.com`;
  const surname = `Сарапшыев${[...run].map((ch) => LETTERS[parseInt(ch, 36) % LETTERS.length]).join("")}`;
  const createdAt = Date.now() - 1000;
  await admin.goto("/admin/users/new");
  await admin.locator("#email").fill(email);
  await admin.locator("#surname").fill(surname);
  await admin.locator("#givenName").fill(givenName);
  await admin.locator("#role-reviewer").check();
  await admin.locator("#organisation").fill(`Сараптама орталығы ${run}`);
  await admin.locator("#language").selectOption("kk");
  await admin.getByTestId("create-staff-form").locator('button[type="submit"]').click();
  await expect(admin).toHaveURL(/\/admin\/users\?created=1$/);

  const { link } = await waitForLink(email, "/set-password", createdAt);
  await reviewer.goto(link);
  const password = "Sarapshy-Queue-2026";
  await reviewer.locator("#password").fill(password);
  await reviewer.locator("#passwordConfirm").fill(password);
  await reviewer.getByTestId("password-form").locator('button[type="submit"]').click();
  await expect(reviewer).toHaveURL(/\/sign-in\?passwordSet=1$/);
  await signInAs(reviewer, email, password, /\/review$/);
  await expect(reviewer.getByTestId("queue-empty")).toHaveText(t.empty);
  return `${surname} ${givenName}`;
}

async function addReviewer(admin: Page, callId: string, reference: string, name: string) {
  await admin.goto(`/admin/calls/${callId}/assignments`);
  const card = admin.locator(`[data-testid="assign-app"][data-reference="${reference}"]`);
  await card.getByLabel(kk.AdminAssignments.addLabel.replace("{reference}", reference)).selectOption({ label: name });
  await card.getByTestId("add-reviewer-submit").click();
  await expect(card.locator(`[data-testid="assigned-reviewer"][data-name="${name}"]`)).toBeVisible();
}

/** The reviewer's queue holds exactly this one item to do, blind: no applicant's name on the page. */
async function expectBlindQueue(reviewer: Page, reference: string, allNames: string[]) {
  await reviewer.goto("/review");
  const todo = reviewer.getByTestId("queue-todo");
  await expect(todo.getByTestId("queue-item")).toHaveCount(1);
  const item = todo.locator(`[data-testid="queue-item"][data-reference="${reference}"]`);
  await expect(item).toContainText(reference);
  await expect(item.getByTestId("time-left")).toBeVisible();
  const text = await reviewer.locator("main").innerText();
  for (const n of allNames) expect(text).not.toContain(n);
  await expectNoHorizontalScroll(reviewer);
  return item;
}

test.describe("the reviewer's queue", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("new reviewers see a blind queue; one declares a conflict, the other declines; the admin sees both", async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const { callId, reference, allNames } = await demoApp();
    const adminContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    const oneContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
    const twoContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
    try {
      const admin = await adminContext.newPage();
      const one = await oneContext.newPage();
      const two = await twoContext.newPage();
      await signIn(admin, ACCOUNTS.admin);
      // The demo call has one in-review application besides the Uighur one other specs use: each new
      // reviewer is added to it as an extra reviewer (it keeps its three demo reviewers).
      const nameOne = await newReviewer(admin, one, "Ержан");
      const nameTwo = await newReviewer(admin, two, "Айгерім");
      await addReviewer(admin, callId, reference, nameOne);
      await addReviewer(admin, callId, reference, nameTwo);

      // Reviewer one declares a conflict: the kind is required, and a note for "other".
      const item = await expectBlindQueue(one, reference, allNames);
      await item.getByTestId("declare-conflict").click();
      const declare = one.getByTestId("declare-dialog");
      await expect(declare).toBeVisible();
      await declare.getByTestId("confirm-dialog-confirm").click();
      await expect(declare.getByTestId("error-summary")).toContainText(kk.Validation.kindRequired);
      await declare.getByLabel(t.kindLabel).selectOption("other");
      await declare.getByTestId("confirm-dialog-confirm").click();
      await expect(declare.getByTestId("error-summary")).toContainText(kk.Validation.noteRequired);
      await declare.getByLabel(t.kindLabel).selectOption("colleague");
      await declare.getByTestId("confirm-dialog-confirm").click();
      await expect(declare).toBeHidden();
      await expect(one.getByTestId("toast").filter({ hasText: t.declared.replace("{reference}", reference) })).toBeVisible();
      await expect(one.getByTestId("queue-item")).toHaveCount(0);
      await expect(one.getByTestId("queue-empty")).toBeVisible();

      // Reviewer two declines: the reason is required.
      const item2 = await expectBlindQueue(two, reference, allNames);
      await item2.getByTestId("decline-assignment").click();
      const decline = two.getByTestId("decline-dialog");
      await expect(decline).toBeVisible();
      await decline.getByTestId("confirm-dialog-confirm").click();
      await expect(decline.getByTestId("error-summary")).toContainText(kk.Validation.assignmentReasonRequired);
      const reason = `Іссапардамын ${Date.now()}`;
      await decline.getByLabel(t.reasonLabel).fill(reason);
      await decline.getByTestId("confirm-dialog-confirm").click();
      await expect(decline).toBeHidden();
      await expect(two.getByTestId("toast").filter({ hasText: t.declined.replace("{reference}", reference) })).toBeVisible();
      await expect(two.getByTestId("queue-item")).toHaveCount(0);
      await expectNoHorizontalScroll(two);

      // The admin sees the declaration and the declined assignment with its reason.
      await admin.goto(`/admin/calls/${callId}/conflicts`);
      const row = admin.getByRole("row").filter({ hasText: nameOne });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(reference);
      await expect(row).toContainText(kk.AdminConflicts.kinds.colleague);
      await expect(row.getByTestId("conflict-status")).toHaveAttribute("data-status", "confirmed");

      await admin.goto(`/admin/calls/${callId}/assignments`);
      const declined = admin.getByTestId("declined").locator("li").filter({ hasText: nameTwo });
      await expect(declined).toContainText(kk.AdminAssignments.declinedBy.replace("{name}", nameTwo).replace("{reference}", reference));
      await expect(declined).toContainText(reason);
    } finally {
      await adminContext.close();
      await oneContext.close();
      await twoContext.close();
    }
  });

  test("an applicant opening /review gets 403", async ({ page }) => {
    await signIn(page, ACCOUNTS.applicant);
    const response = await page.goto("/review");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("review-queue")).toHaveCount(0);
  });
});
