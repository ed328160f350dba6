import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signedInContext } from "./fixtures";
import { kk } from "./messages";

// applicant4 is used by no other spec: a Бизнес бастау application submitted in the open call (this
// spec withdraws and reopens it, so on a later run it may already be a draft) and one reviewed in last
// year's closed call (never changed).
const EMAIL = "applicant4@jasgrant.demo";
const REF = /^JG-[0-9A-F]{8}$/;

test.describe.configure({ mode: "serial" });

/** The id of applicant4's application in the call whose title matches, from the list's link. */
async function applicationId(page: Page, callTitle: RegExp): Promise<string> {
  await page.goto("/my");
  const row = page.getByTestId("my-applications").getByRole("row").filter({ hasText: callTitle });
  const href = await row.getByTestId("row-open").getAttribute("href");
  return /\/my\/applications\/([0-9a-f-]{36})/.exec(href!)![1];
}

const THIS_YEAR = new Date().getFullYear();
const OPEN_CALL = new RegExp(`Бизнес бастау — ${THIS_YEAR} жылғы конкурс`);
const PAST_CALL = new RegExp(`Бизнес бастау — ${THIS_YEAR - 1} жылғы конкурс`);

test("a demo applicant's list, and the read-only view of a submitted application with its timeline", async ({ page }) => {
  await signIn(page, EMAIL);
  const list = page.getByTestId("my-applications");
  await expect(list.getByRole("heading", { level: 2 })).toHaveText(kk.MyApplications.title);
  const refs = list.getByTestId("row-reference");
  await expect(refs).toHaveCount(2);
  for (const r of await refs.allTextContents()) expect(r).toMatch(REF);

  // Last year's call: reviewed, results not published (the award of others is not shown either).
  const pastRow = list.getByRole("row").filter({ hasText: PAST_CALL });
  await expect(pastRow.getByTestId("status-badge")).toHaveText(kk.ApplicationStatus.reviewed);
  await expect(pastRow.getByTestId("row-open")).toHaveText(kk.MyApplications.view);
  await pastRow.getByTestId("row-open").click();

  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}$/);
  const view = page.getByTestId("application-view");
  await expect(page.getByTestId("application-reference")).toHaveText(REF);
  await expect(view.getByTestId("status-badge")).toHaveText(kk.ApplicationStatus.reviewed);
  await expect(page.getByTestId("decision")).toHaveText(kk.ApplicationView.decisionPending);
  await expect(page.getByTestId("timeline-item")).toHaveText([
    new RegExp(`^${kk.ApplicationView.timeline.created}`),
    new RegExp(`^${kk.ApplicationView.timeline.submitted}`),
    new RegExp(`^${kk.ApplicationView.timeline.screened_in}`),
  ]);
  // Dates in Almaty time.
  await expect(page.getByTestId("timeline-item").first()).toContainText(kk.Time.almatyTime);
  // The frozen content, section by section; no withdraw after the deadline.
  await expect(page.getByTestId("application-content").getByRole("heading", { level: 3 }).first()).toBeVisible();
  await expect(page.getByTestId("withdraw-open")).toHaveCount(0);
  await expect(page.getByTestId("deadline-passed")).toHaveCount(0); // closed call, not submitted/draft/withdrawn

  // The printable summary: all content, no portal header, a print button.
  await page.getByTestId("print-link").click();
  await expect(page.getByTestId("application-print")).toBeVisible();
  await expect(page.getByTestId("print-reference")).toHaveText(REF);
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByTestId("print-now")).toBeVisible();
  await expect(page.getByTestId("application-content")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-now")).toBeHidden();
  await expect(page.getByTestId("timeline-item").first()).toBeVisible();
  // On paper: every page A4 portrait (595 × 842 pt), and nothing wider than the page is cut off (the budget
  // and forecast tables print whole, not inside their on-screen scroll regions).
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes.length).toBeGreaterThanOrEqual(1);
  for (const box of boxes) expect(box).toEqual([595, 842]);
  // The A4 text width between the margins (210 − 35 mm) in CSS pixels.
  await page.setViewportSize({ width: Math.floor((175 / 25.4) * 96), height: 1000 });
  const beyond = await page.evaluate(() => {
    const right = document.querySelector('[data-testid="application-print"]')!.getBoundingClientRect().right;
    return Array.from(document.querySelectorAll('[data-testid="application-print"] *'))
      // A few pixels of slack: the spaces that end a line of pre-wrapped text hang past it, invisibly.
      .filter((el) => el.getBoundingClientRect().right > right + 4)
      .map((el) => `${el.getAttribute("data-testid") ?? el.tagName}.${el.getAttribute("class")} ${Math.round(el.getBoundingClientRect().right)}/${Math.round(right)} "${(el.textContent ?? "").slice(0, 30)}"`);
  });
  expect(beyond).toEqual([]);
});

test("withdraw a submitted application, then reopen it as a draft, before the deadline", async ({ page }) => {
  await signIn(page, EMAIL);
  const id = await applicationId(page, OPEN_CALL);
  await page.goto(`/my/applications/${id}`);
  const badge = page.getByTestId("application-view").getByTestId("status-badge");
  // First run: submitted; a later run finds the draft this test left (a draft may be withdrawn too).
  await expect(badge).toHaveAttribute("data-status", /^(submitted|draft)$/);

  await page.getByTestId("withdraw-open").click();
  const dialog = page.getByTestId("withdraw-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText(kk.ApplicationView.withdrawTitle);
  await dialog.getByTestId("confirm-dialog-confirm").click();
  await expect(dialog).toBeHidden();
  await expect(badge).toHaveText(kk.ApplicationStatus.withdrawn);
  await expect(page.getByText(kk.ApplicationView.withdrawDone).first()).toBeVisible();
  await expect(page.getByTestId("timeline-item").last()).toContainText(kk.ApplicationView.timeline.withdrawn);

  await page.getByTestId("reopen-open").click();
  const reopen = page.getByTestId("reopen-dialog");
  await expect(reopen.getByRole("heading")).toHaveText(kk.ApplicationView.reopenTitle);
  await reopen.getByTestId("confirm-dialog-confirm").click();
  await expect(badge).toHaveText(kk.ApplicationStatus.draft);
  await expect(page.getByTestId("timeline-item").last()).toContainText(kk.ApplicationView.timeline.reopened);
  await expect(page.getByTestId("continue-editing")).toHaveAttribute("href", `/my/applications/${id}/edit`);

  // The list now continues the draft in the wizard.
  await page.goto("/my");
  const row = page.getByTestId("my-applications").getByRole("row").filter({ hasText: OPEN_CALL });
  await expect(row.getByTestId("row-open")).toHaveText(kk.MyApplications.continue);
  await expect(row.getByTestId("row-open")).toHaveAttribute("href", `/my/applications/${id}/edit`);
});

test("another applicant's application id, and a garbage id, answer 404", async ({ browser, page }) => {
  await signIn(page, EMAIL);
  const id = await applicationId(page, PAST_CALL);
  const { context, page: other } = await signedInContext(browser, ACCOUNTS.applicant);
  for (const path of [`/my/applications/${id}`, `/my/applications/${id}/print`, "/my/applications/garbage", "/my/applications/00000000-0000-4000-8000-000000000000"]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText(kk.NotFound.title);
  }
  await context.close();
});

test("at 360 px the applicant's pages do not scroll sideways", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await signIn(page, EMAIL);
  const id = await applicationId(page, PAST_CALL);
  await page.goto("/");
  const callHref = await page.getByTestId("call-link").first().getAttribute("href");
  for (const path of ["/my", `/my/applications/${id}`, `/my/applications/${id}/print`, "/my/data", callHref!]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
