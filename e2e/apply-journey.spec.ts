import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "../lib/domain/money";
import { mailsTo, waitForLink } from "./mail";
import { MESSAGES, PDF, openBusinessCallId, registerApplicant, startBusinessApplication, useLanguage, verifyEmail, type Lang } from "./apply-helpers";

// Most applicants use a phone.
test.use({ viewport: { width: 360, height: 740 } });

const TEXTS: Record<string, string> = {
  "f-idea-idea": "Талғарда ұлттық нан пісіретін шағын наубайхана ашу.",
  "f-idea-product": "Таба нан, бауырсақ және тапсырыспен тойға арналған пісірмелер.",
  "f-market-market": "Ауданда 3 наубайхана бар, сұраныс тұрақты, жаз айларында өседі.",
  "f-market-competitors": "Бәсекелестер: екі дүкен. Біздің артықшылығымыз — жаңа піскен нан және жеткізу.",
  "f-marketing-marketing": "Instagram, WhatsApp тобы, дүкендермен келісім; баға нарықтық деңгейде.",
  "f-operations-location": "Талғар қаласы, Абай көшесі 12",
  "f-operations-operations": "Пеш, қамыр илегіш, ұн жеткізушісі — жергілікті диірмен.",
  "f-team-team": "Аспаз ретінде 5 жыл тәжірибе; әпкем есеп жүргізеді.",
  "f-jobs-jobsCreated": "3",
  "f-cofinancing-ownContribution": "200000",
};

async function next(page: Page) {
  await page.getByTestId("wizard-next").click();
}

async function fillBusinessPlan(page: Page, lang: Lang): Promise<void> {
  const t = MESSAGES[lang].Wizard;
  // 1. training: the certificate came from the apply page.
  await expect(page.locator("#f-training-certificateNumber")).toHaveValue("BB-2026/0415");
  await expect(page.getByTestId("step-count")).toHaveText(t.stepOf.replace("{n}", "1").replace("{total}", "12"));
  await next(page);
  // 2–7: texts, with a counter; autosave reports the time.
  for (const [section, ids] of [
    ["idea", ["f-idea-idea", "f-idea-product"]],
    ["market", ["f-market-market", "f-market-competitors"]],
    ["marketing", ["f-marketing-marketing"]],
    ["operations", ["f-operations-location", "f-operations-operations"]],
    ["team", ["f-team-team"]],
    ["jobs", ["f-jobs-jobsCreated"]],
  ] as const) {
    await expect(page.getByTestId(`step-${section}`)).toBeVisible();
    for (const id of ids) await page.locator(`#${id}`).fill(TEXTS[id]);
    if (section === "idea") {
      await expect(page.getByTestId("char-counter").first()).toHaveText(
        t.counter.replace("{count}", String(TEXTS["f-idea-idea"].length)).replace("{max}", "3000"),
      );
      await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
      await expect(page.getByTestId("save-status")).toHaveText(new RegExp(t.savedAt.replace("{time}", "\\d\\d:\\d\\d")));
    }
    await next(page);
  }
  // 8. budget: live line totals and the balance against the award.
  await expect(page.getByTestId("step-budget")).toBeVisible();
  const award = Number(await page.getByTestId("budget-total").getAttribute("data-award"));
  await page.locator("#f-budget-lines-0-item").fill("Нан пісіретін пеш");
  await page.locator("#f-budget-lines-0-quantity").fill("1");
  await page.locator("#f-budget-lines-0-unitPrice").fill(String(award - 300_000));
  await expect(page.getByTestId("budget-line-amount").first()).toContainText(formatMoney(award - 300_000, lang));
  await expect(page.getByTestId("budget-balance")).toHaveAttribute("data-difference", String(-300_000));
  await page.getByTestId("budget-add").click();
  await page.locator("#f-budget-lines-1-item").fill("Ұн және қаптама");
  await page.locator("#f-budget-lines-1-quantity").fill("3");
  await page.locator("#f-budget-lines-1-unitPrice").fill("100000");
  await expect(page.getByTestId("budget-balance")).toHaveText(t.budgetMatches);
  await expect(page.getByTestId("budget-total-amount")).toHaveText(formatMoney(award, lang));
  await next(page);
  // 9. own co-financing.
  await page.locator("#f-cofinancing-ownContribution").fill(TEXTS["f-cofinancing-ownContribution"]);
  await next(page);
  // 10. forecast: profit, break-even and payback are computed as typed.
  await expect(page.getByTestId("step-forecast")).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.locator(`#f-forecast-months-${i}-revenue`).fill("400000");
    await page.locator(`#f-forecast-months-${i}-expenses`).fill("250000");
  }
  await expect(page.getByTestId("forecast-profit").first()).toHaveText(formatMoney(150_000, lang));
  await expect(page.getByTestId("forecast-total-profit")).toHaveText(formatMoney(1_800_000, lang));
  await expect(page.getByTestId("forecast-break-even")).toHaveText("1");
  // 12 × 150 000 reaches the award + 200 000 only if the award ≤ 1 600 000; otherwise an estimate.
  await expect(page.getByTestId("forecast-payback")).not.toBeEmpty();
  // Usable on a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await next(page);
  // 11. attachments: a PDF with progress, listed with its download link.
  await page.getByTestId("attachment-input").setInputFiles({ name: "коммерциялық-ұсыныс.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("attachment")).toHaveCount(1);
  await expect(page.getByTestId("attachment-download")).toHaveAttribute("href", /^\/api\/files\/[0-9a-f-]{36}$/);
  await next(page);
  // 12. review: nothing missing.
  await expect(page.getByTestId("step-review")).toBeVisible();
  await expect(page.getByTestId("review-ready")).toHaveText(t.readyToSubmit);
  await expect(page.getByTestId("review-issues")).toHaveCount(0);
  await expect(page.getByTestId("review-budget-total")).toContainText(formatMoney(award, lang));
}

/** CSP violations, uncaught errors and hydration mismatches while the journey runs. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("__reportCsp", (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content[- ]Security[- ]Policy|hydrat/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

// Russian is applied for with the keyboard only in keyboard-apply.spec.ts (the same steps and checks).
for (const lang of ["kk", "en"] as const) {
  test(`a full Бизнес бастау application on a phone, from registration to submitted (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    await useLanguage(context, baseURL!, lang);
    const problems = await watchProblems(page);
    const { email } = await registerApplicant(page, { lang });
    await verifyEmail(page, email);
    // From the open call's card on the landing page to its apply page.
    await page.goto("/");
    await page.locator('[data-testid="open-call"][data-programme="biznes_bastau"]').first().getByTestId("call-apply").click();
    await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}\/apply$/);
    const callId = /calls\/([0-9a-f-]{36})\/apply/.exec(page.url())![1];
    expect(callId).toBe(await openBusinessCallId(page));
    if (lang === "kk") {
      // A malformed certificate number is refused on the field, and nothing starts.
      await page.goto(`/calls/${callId}/apply`);
      await page.locator("#certificateNumber").fill("!!");
      await page.getByTestId("apply-start").click();
      await expect(page.locator("#certificateNumber-error")).toHaveText(MESSAGES.kk.Eligibility.certificate_invalid);
      await expect(page).toHaveURL(/\/apply$/);
    }
    const id = await startBusinessApplication(page, callId);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await fillBusinessPlan(page, lang);

    const since = Date.now();
    // A double click submits once.
    if (lang === "en") await page.getByTestId("submit-application").dblclick();
    else await page.getByTestId("submit-application").click();
    await expect(page).toHaveURL(new RegExp(`/my/applications/${id}\\?submitted=1$`), { timeout: 20_000 });
    // The application's own page shows it submitted.
    await expect(page.getByTestId("application-view")).toHaveAttribute("data-status", "submitted");
    // The confirmation e-mail links to the application, once.
    await waitForLink(email, `/my/applications/${id}`, since - 5_000);
    await page.waitForTimeout(1_500);
    expect(mailsTo(email).filter((m) => m.text.includes(`/my/applications/${id}`))).toHaveLength(1);
    expect(problems).toEqual([]);
    // The wizard of a submitted application no longer opens for editing.
    await page.goto(`/my/applications/${id}/edit`);
    await expect(page).not.toHaveURL(/\/edit$/);
  });
}
