import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { Client } from "pg";
import { signInAs } from "./accounts";
import { waitForLink } from "./mail";
import { kk } from "./messages";

/**
 * Helpers for specs that need a reviewer of their own on the demo data (the same steps as
 * reviewer-queue.spec.ts): the admin creates the reviewer through the UI, the reviewer sets a password
 * from the mail, and the admin adds them as an extra reviewer to the closed call's in-review application
 * outside the Uighur district (which keeps its three demo reviewers, so other specs miss nobody).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

/** The closed demo call and its in-review application outside the Uighur district (read as the app role). */
export async function demoReviewTarget(): Promise<{ callId: string; reference: string }> {
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
    const { rows } = await c.query<{ id: string }>(
      `SELECT a.id FROM applications a WHERE a.call_id = $1 AND a.status = 'in_review' AND a.district_code <> 'uighur' ORDER BY a.id LIMIT 1`,
      [callId],
    );
    if (!rows[0]) throw new Error("the demo data needs an application in review outside the Uighur district");
    return { callId, reference: `JG-${rows[0].id.replace(/-/g, "").slice(0, 8).toUpperCase()}` };
  } finally {
    await c.end();
  }
}

const LETTERS = "абвгдежзиклмнопрстуфхшыәғқңөұүі";

/**
 * The admin (signed in on `admin`) creates a reviewer with a public mail address, a surname unique to
 * the run in Kazakh letters and an organisation of their own (so no conflict flag); the reviewer sets a
 * password from the mail and signs in on `reviewer`. Returns the name the admin's pages show.
 */
export async function createReviewer(admin: Page, reviewer: Page, givenName: string, emailPrefix: string): Promise<string> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${emailPrefix}.${run}@gmail.com`;
  const surname = `Тексеруші${[...run].map((ch) => LETTERS[parseInt(ch, 36) % LETTERS.length]).join("")}`;
  const createdAt = Date.now() - 1000;
  await admin.goto("/admin/users/new");
  await admin.locator("#email").fill(email);
  await admin.locator("#surname").fill(surname);
  await admin.locator("#givenName").fill(givenName);
  await admin.locator("#role-reviewer").check();
  await admin.locator("#organisation").fill(`Сараптама бюросы ${run}`);
  await admin.locator("#language").selectOption("kk");
  await admin.getByTestId("create-staff-form").locator('button[type="submit"]').click();
  await expect(admin).toHaveURL(/\/admin\/users\?created=1$/);

  const { link } = await waitForLink(email, "/set-password", createdAt);
  await reviewer.goto(link);
  const password = "Tekserushi-Dialog-2026";
  await reviewer.locator("#password").fill(password);
  await reviewer.locator("#passwordConfirm").fill(password);
  await reviewer.getByTestId("password-form").locator('button[type="submit"]').click();
  await expect(reviewer).toHaveURL(/\/sign-in\?passwordSet=1$/);
  await signInAs(reviewer, email, password, /\/review$/);
  return `${surname} ${givenName}`;
}

/** The admin adds the reviewer `name` to the application `reference` from the call's assignment page. */
export async function assignReviewer(admin: Page, callId: string, reference: string, name: string): Promise<void> {
  await admin.goto(`/admin/calls/${callId}/assignments`);
  const card = admin.locator(`[data-testid="assign-app"][data-reference="${reference}"]`);
  await card.getByLabel(kk.AdminAssignments.addLabel.replace("{reference}", reference)).selectOption({ label: name });
  await card.getByTestId("add-reviewer-submit").click();
  await expect(card.locator(`[data-testid="assigned-reviewer"][data-name="${name}"]`)).toBeVisible();
}
