import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { Client } from "pg";
import { signInAs } from "./accounts";
import { waitForLink } from "./mail";
import { kk } from "./messages";

/**
 * Reviewers of the demo data's closed call, for the specs of the review round. Other specs use
 * reviewer1..3 (and reviewer1's assignment to the Uighur application), so these helpers create new
 * reviewers through the admin's pages and add them as extra reviewers to the call's other in-review
 * application: it keeps its three demo reviewers, whatever a spec's reviewers do.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

/** The closed call, its seeded in-review application outside the Uighur district, and every applicant's name in the call. */
export async function demoApp(): Promise<{ callId: string; reference: string; allNames: string[] }> {
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
    // The seeded one (reviewer1's review submitted, reviewer2's a draft): applications other specs screen
    // in (no reviews yet) or reopen (reviewer3's review) are in review too, so the status alone is not enough.
    const { rows: seeded } = await c.query<{ id: string }>(
      `SELECT a.id FROM applications a
         JOIN reviews r ON r.application_id = a.id AND r.status = 'draft'
         JOIN users u ON u.id = r.reviewer_id AND u.email = 'reviewer2@jasgrant.demo'
        WHERE a.call_id = $1 AND a.status = 'in_review' AND a.district_code <> 'uighur'
        ORDER BY a.id LIMIT 1`,
      [callId],
    );
    const app = seeded[0];
    if (!app) throw new Error("the demo data needs an application in review outside the Uighur district");
    const names = rows.flatMap((r) => [`${r.surname} ${r.given_name}`, `${r.given_name} ${r.surname}`]);
    return { callId, reference: `JG-${app.id.replace(/-/g, "").slice(0, 8).toUpperCase()}`, allNames: names };
  } finally {
    await c.end();
  }
}

const LETTERS = "абвгдежзиклмнопрстуфхшыәғқңөұүі";

/**
 * The admin creates a reviewer (a public mail service, a surname unique to the run in Kazakh letters and
 * an organisation of their own: no conflict flag), who sets a password from the mail and signs in.
 */
export async function newReviewer(admin: Page, reviewer: Page, givenName: string): Promise<string> {
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
  await expect(reviewer.getByTestId("queue-empty").getByRole("heading")).toHaveText(kk.ReviewQueue.empty);
  return `${surname} ${givenName}`;
}

export async function addReviewer(admin: Page, callId: string, reference: string, name: string) {
  await admin.goto(`/admin/calls/${callId}/assignments`);
  const card = admin.locator(`[data-testid="assign-app"][data-reference="${reference}"]`);
  await card.getByLabel(kk.AdminAssignments.addLabel.replace("{reference}", reference)).selectOption({ label: name });
  await card.getByTestId("add-reviewer-submit").click();
  await expect(card.locator(`[data-testid="assigned-reviewer"][data-name="${name}"]`)).toBeVisible();
}

