import { expect, test, type Locator, type Page } from "@playwright/test";
import { districtName } from "../lib/domain/districts";
import { formatMoney } from "../lib/domain/money";
import { signInAs } from "./accounts";
import { AMOUNT, createAwardsCall, db, GRANTS, type AwardsCall, type FixtureApp } from "./awards";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "./fixtures";
import { kk } from "./messages";
import { actionId } from "./server-actions";

/**
 * The admin's awards page, on a call each test writes for itself (e2e/awards.ts: 3 grants, six reviewed
 * applications whose proposal shows every reason). The demo's closed call is left alone: other specs need its
 * reviewed applications to stay reviewed, and publishing or archiving it would change what they read.
 */
const t = kk.AdminAwards;
const ta = kk.AdminAwardActions;
const money = (amount: number) => formatMoney(amount, "kk");

/** An ICU message with its values (a plural takes its `other` form, the same as `one` in Kazakh). */
function icu(message: string, values: Record<string, string | number>): string {
  const plural = /\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g;
  return message
    .replace(plural, (_m, name: string, forms: string) => /other \{([^{}]*)\}/.exec(forms)![1].replace(/#/g, String(values[name])))
    .replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k]));
}

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

/** The rows of one of the page's tables that show an application's reference, and the row of one application. */
const rows = (page: Page, table: string) => page.locator(`#${table}`).getByRole("row").filter({ has: page.getByTestId("reference") });
const rowOf = (page: Page, table: string, app: FixtureApp): Locator => rows(page, table).filter({ has: page.getByTestId("reference").filter({ hasText: app.reference }) });
const references = async (page: Page, table: string) => rows(page, table).getByTestId("reference").allInnerTexts();

async function expectReason(page: Page, table: string, app: FixtureApp, reason: keyof typeof t.reason) {
  const badge = rowOf(page, table, app).getByTestId("reason");
  await expect(badge).toHaveAttribute("data-reason", reason);
  await expect(badge).toHaveText(t.reason[reason]);
}

const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text });

test.describe("admin awards", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the admin proposes, confirms after a stale proposal, publishes, revokes with a reason, promotes the next and archives; applicants see their decisions", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const fx: AwardsCall = await createAwardsCall();
    const [a1, a2, a3, a4, a5, a6] = fx.apps;
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/admin/calls/${fx.callId}`);
    await page.getByTestId("awards-link").click();
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${fx.callId}/awards$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);

    // The budget panel: the cap, nothing awarded, three grants possible; Talgar's ceiling and Karasai's reserved grant.
    await expect(page.getByTestId("figure-cap")).toHaveText(money(GRANTS * AMOUNT));
    await expect(page.getByTestId("figure-awarded")).toHaveText(money(0));
    await expect(page.getByTestId("figure-remaining")).toHaveText(money(GRANTS * AMOUNT));
    await expect(page.getByTestId("figure-grants-possible")).toHaveText(String(GRANTS));
    await expect(page.getByTestId("figure-min-score")).toHaveText(icu(t.minScoreValue, { minScore: 30, outOf: 100 }));
    const district = (code: string) => page.locator("#award-districts").getByRole("row").filter({ has: page.getByRole("rowheader", { name: districtName(code as "ili", "kk"), exact: true }) });
    await expect(district("talgar").getByTestId("district-ceiling")).toHaveText("1");
    await expect(district("talgar").getByTestId("district-ceiling-left")).toHaveText("1");
    await expect(district("karasai").getByTestId("district-reserved")).toHaveText("1");
    await expect(district("karasai").getByTestId("district-reserved-left")).toHaveText("1");
    await expect(district("ili").getByTestId("district-ceiling")).toHaveText(t.noCeiling);
    await expect(page.getByTestId("count-reviewed")).toHaveText("6");
    await noSidewaysScroll(page);

    // The proposal: Karasai's reserved grant first, then by rank; every other application with its reason.
    expect(await references(page, "proposal-funded")).toEqual([a4.reference, a1.reference, a3.reference]);
    await expectReason(page, "proposal-funded", a4, "reserved");
    await expectReason(page, "proposal-funded", a1, "rank");
    await expectReason(page, "proposal-funded", a3, "rank");
    expect(await references(page, "proposal-left")).toEqual([a2.reference, a5.reference, a6.reference]);
    await expectReason(page, "proposal-left", a2, "district_ceiling");
    await expectReason(page, "proposal-left", a5, "budget_exhausted");
    await expectReason(page, "proposal-left", a6, "below_minimum");
    await expect(page.getByTestId("figure-proposed")).toHaveText("3");
    await expect(page.getByTestId("figure-proposed-total")).toHaveText(money(GRANTS * AMOUNT));
    await expect(page.getByTestId("figure-remaining-after")).toHaveText(money(0));

    // The raw order (one reviewer: the same outcome), chosen with the keyboard.
    await page.getByTestId("order-raw").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?order=raw$/);
    await expect(page.getByTestId("order-raw")).toHaveAttribute("aria-current", "page");
    expect(await references(page, "proposal-funded")).toEqual([a4.reference, a1.reference, a3.reference]);

    // Something changes after the proposal was computed (the minimum score moves from 30 to 31): confirming is
    // refused as stale, nothing is awarded, and the proposal beside the message is the recomputed one.
    const seen = await page.getByTestId("proposal").getAttribute("data-fingerprint");
    const c = await db();
    try {
      await c.query("UPDATE calls SET min_score = 31 WHERE id = $1", [fx.callId]);
    } finally {
      await c.end();
    }
    await page.getByTestId("confirm-proposal-button").click();
    const confirmDialog = page.getByTestId("confirm-proposal-dialog");
    await expect(confirmDialog).toContainText(icu(ta.confirmBody, { total: money(GRANTS * AMOUNT), after: money(0) }));
    await confirmDialog.getByTestId("confirm-dialog-confirm").click();
    await expect(page.getByTestId("proposal-notice")).toHaveText(ta.stale);
    await expect(confirmDialog).toHaveCount(0);
    await expect(page.getByTestId("proposal")).not.toHaveAttribute("data-fingerprint", seen!);
    await expect(page.getByTestId("figure-awarded")).toHaveText(money(0));
    await expect(rows(page, "awards")).toHaveCount(0);

    // Confirm the recomputed proposal: three awards in one step.
    await page.getByTestId("confirm-proposal-button").click();
    await expect(page.getByTestId("confirm-proposal-button")).toHaveText(icu(ta.confirmButton, { count: 3 }));
    await confirmDialog.getByTestId("confirm-dialog-confirm").click();
    await expect(toast(page, icu(ta.confirmed, { count: 3 }))).toBeVisible();
    await expect(page.getByTestId("figure-awarded")).toHaveText(money(GRANTS * AMOUNT));
    await expect(page.getByTestId("figure-remaining")).toHaveText(money(0));
    await expect(page.getByTestId("figure-grants-possible")).toHaveText("0");
    expect((await references(page, "awards")).sort()).toEqual([a1.reference, a3.reference, a4.reference].sort());
    await expect(rows(page, "awards").getByTestId("award-status")).toHaveText([t.awardStatus.active, t.awardStatus.active, t.awardStatus.active]);
    await expect(district("talgar").getByTestId("district-ceiling-left")).toHaveText("0");
    await expect(district("karasai").getByTestId("district-reserved-left")).toHaveText("0");
    await expect(page.getByTestId("confirm-proposal-button")).toHaveCount(0);
    await noSidewaysScroll(page);

    // Publish: the dialog says what happens; the rest go to the waitlist (2) or are not awarded (1).
    await page.getByTestId("publish-button").click();
    const publishDialog = page.getByTestId("publish-dialog");
    await expect(publishDialog).toContainText(ta.publishBody);
    await publishDialog.getByTestId("confirm-dialog-confirm").click();
    await expect(toast(page, icu(ta.published, { awarded: 3, waitlisted: 2, notAwarded: 1 }))).toBeVisible();
    await expect(page.getByTestId("published-notice")).toBeVisible();
    await expect(page.getByTestId("proposal")).toHaveCount(0);
    expect(await references(page, "waitlist")).toEqual([a2.reference, a5.reference]);
    await expect(page.getByTestId("count-waitlisted")).toHaveText("2");
    await expect(page.getByTestId("count-not_awarded")).toHaveText("1");

    // The budget is spent: awarding from the waitlist is refused in words, with what is left.
    await rowOf(page, "waitlist", a5).getByTestId("award-button").click();
    const promoteDialog = page.getByTestId("promote-dialog");
    await promoteDialog.getByTestId("confirm-dialog-confirm").click();
    await expect(promoteDialog.getByRole("alert")).toHaveText(icu(ta.errBudget, { remaining: money(0) }));
    await promoteDialog.getByRole("button", { name: kk.Ui.cancel }).click();
    await expect(promoteDialog).toHaveCount(0);

    // Revoke the first award (Talgar): a short reason is refused; with a reason the money returns and the
    // next application it can fund is offered — the one Talgar's ceiling held back.
    await rowOf(page, "awards", a1).getByTestId("revoke-button").click();
    const revokeDialog = page.getByTestId("revoke-dialog");
    await revokeDialog.getByTestId("reason-input").fill("Бас тарт"); // 8 characters: under the minimum of 10
    await revokeDialog.getByTestId("reason-submit").click();
    await expect(revokeDialog.getByText(kk.Validation.reasonTooShort).first()).toBeVisible();
    const reason = "Грант алушы жазбаша түрде бас тартты.";
    await revokeDialog.getByTestId("reason-input").fill(reason);
    await revokeDialog.getByTestId("reason-submit").click();
    await expect(toast(page, icu(ta.revoked, { reference: a1.reference }))).toBeVisible();
    const offer = page.getByTestId("offer");
    await expect(offer).toHaveAttribute("data-reference", a2.reference);
    await expect(offer.getByTestId("offer-text")).toHaveText(icu(ta.offer, { reference: a2.reference, rank: 2, title: a2.title }));
    await expect(page.getByTestId("figure-remaining")).toHaveText(money(AMOUNT));
    await expect(rowOf(page, "awards", a1).getByTestId("award-status")).toHaveText(t.awardStatus.revoked);
    await expect(rowOf(page, "awards", a1).getByTestId("revoked-note")).toContainText(reason);

    // Promote it.
    await offer.getByTestId("promote-button").click();
    await expect(promoteDialog).toContainText(icu(ta.promoteBody, { reference: a2.reference, amount: money(AMOUNT) }));
    await promoteDialog.getByTestId("confirm-dialog-confirm").click();
    await expect(toast(page, icu(ta.promoted, { reference: a2.reference }))).toBeVisible();
    await expect(offer).toHaveCount(0);
    await expect(rowOf(page, "awards", a2).getByTestId("award-status")).toHaveText(t.awardStatus.active);
    expect(await references(page, "waitlist")).toEqual([a5.reference]);
    await expect(page.getByTestId("figure-remaining")).toHaveText(money(0));
    await noSidewaysScroll(page);

    // Archive: no more revocations.
    await page.getByTestId("archive-button").click();
    await page.getByTestId("archive-dialog").getByTestId("confirm-dialog-confirm").click();
    await expect(toast(page, ta.archived)).toBeVisible();
    await expect(page.getByTestId("archived-notice")).toBeVisible();
    await expect(page.getByTestId("revoke-button")).toHaveCount(0);
    await expect(page.getByTestId("archive-button")).toHaveCount(0);

    // The applicants: the promoted one is awarded, the waitlisted and the not awarded are told why.
    for (const [app, kind] of [
      [a2, "awarded"],
      [a5, "waitlisted"],
      [a6, "not_awarded"],
      [a1, "award_revoked"],
    ] as const) {
      const context = await browser.newContext();
      try {
        const applicant = await context.newPage();
        await signInAs(applicant, app.applicantEmail, DEMO_PASSWORD, /\/my$/);
        await applicant.goto(`/my/applications/${app.id}`);
        await expect(applicant.getByTestId("decision")).toHaveAttribute("data-kind", kind);
        if (kind === "award_revoked") await expect(applicant.getByTestId("decision")).toContainText(reason);
        if (kind !== "awarded" && kind !== "award_revoked") await expect(applicant.getByTestId("decision-reason")).toBeVisible();
      } finally {
        await context.close();
      }
    }
  });

  test("a reviewer and an applicant opening the awards page get 403", async ({ page, browser }) => {
    const fx = await createAwardsCall();
    await signIn(page, ACCOUNTS.admin);
    const response = await page.goto(`/admin/calls/${fx.callId}/awards`);
    expect(response?.status()).toBe(200);
    for (const [email, area] of [
      [fx.reviewerEmail, /\/review$/],
      [fx.apps[0].applicantEmail, /\/my$/],
    ] as const) {
      const context = await browser.newContext();
      try {
        const other = await context.newPage();
        await signInAs(other, email, DEMO_PASSWORD, area);
        const r = await other.goto(`/admin/calls/${fx.callId}/awards`);
        expect(r?.status()).toBe(403);
        await expect(other.getByTestId("budget-figures")).toHaveCount(0);
      } finally {
        await context.close();
      }
    }
  });

  test("a reviewer and an applicant posting the award action itself are refused, and nothing is awarded", async ({ browser, baseURL }) => {
    const fx = await createAwardsCall();
    const target = fx.apps[0];
    const actionId = awardActionId();
    for (const [email, area] of [
      [fx.reviewerEmail, /\/review$/],
      [target.applicantEmail, /\/my$/],
    ] as const) {
      const context = await browser.newContext();
      try {
        const other = await context.newPage();
        await signInAs(other, email, DEMO_PASSWORD, area);
        // As the browser calls a server action: POST with its id; the reply is the action's result.
        const res = await other.request.post(`/admin/calls/${fx.callId}/awards`, {
          headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: baseURL! },
          data: JSON.stringify([{ applicationId: target.id, idempotencyKey: crypto.randomUUID() }]),
        });
        const body = await res.text();
        expect(body).toContain('"code":"forbidden"');
        expect(body).not.toContain('"ok":true');
      } finally {
        await context.close();
      }
    }
    const c = await db();
    try {
      const { rows } = await c.query("SELECT count(*)::int AS n FROM awards WHERE application_id = $1", [target.id]);
      expect(rows[0].n).toBe(0);
    } finally {
      await c.end();
    }
  });
});

/** The award action's id in this build (what a browser sends as `next-action`). */
const awardActionId = () => actionId("app/[locale]/(admin)/admin/calls/[id]/awards/actions.ts", "promoteAction");
