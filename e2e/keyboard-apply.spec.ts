import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "../lib/domain/money";
import { MESSAGES, PDF, registerApplicant, useLanguage, verifyEmail } from "./apply-helpers";
import { smallTargets } from "./touch";

/**
 * Applying with the keyboard only, on a phone-sized screen, in Russian: from the landing page through the
 * skip link, the call's card, the apply page and all twelve steps of the wizard to a submitted application.
 * No mouse and no `fill()`: Tab, Shift+Tab, Enter, Space and typed keys. At every stop the focused element
 * shows the focus ring. On the way the phone is turned (the wizard keeps its step and the typed text) and the
 * page is reloaded (it comes back on the same step with the text). Each step's controls are big enough for a
 * thumb (44 × 44 px).
 */

test.use({ viewport: { width: 360, height: 640 } });

const t = MESSAGES.ru.Wizard;

/** The focused element, described for messages, and whether it shows a visible focus indicator. */
async function focused(page: Page): Promise<{ id: string; testId: string; ring: boolean; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: "", testId: "", ring: false, tag: "body" };
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== "none" && s.boxShadow !== "");
    return { id: el.id, testId: el.getAttribute("data-testid") ?? "", ring, tag: el.tagName.toLowerCase() };
  });
}

/**
 * Press Tab (or Shift+Tab) until the element matching `selector` has focus; every element passed on the way
 * must show its focus ring (a keyboard user always sees where they are).
 */
async function tabTo(page: Page, selector: string, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  // Already there (the page moved focus to it, e.g. a budget line just added).
  if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  for (let i = 0; i < (opts.max ?? 120); i++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    expect(f.ring, `focus ring on ${f.tag}#${f.id}[${f.testId}]`).toBe(true);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Tab to a field and type into it (what is there is selected first, as a keyboard user would). */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `#${id}`);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** The wizard's "Next" button, reached by Tab, pressed with Enter; the new step's heading takes focus. */
async function nextStep(page: Page, section: string): Promise<void> {
  await tabTo(page, '[data-testid="wizard-next"]');
  await page.keyboard.press("Enter");
  await expect(page.getByTestId(`step-${section}`)).toBeVisible();
  await expect(page.locator("#step-heading")).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`\\?step=${section}$`));
  expect(await smallTargets(page), `small targets on step ${section}`).toEqual([]);
}

test("an application from the landing page to submitted with the keyboard only; the wizard survives turning the phone and a reload (ru)", async ({ page, context, baseURL }) => {
  test.setTimeout(150_000);
  await useLanguage(context, baseURL!, "ru");
  // The account itself (registration has its own tests): then the keyboard only.
  const { email } = await registerApplicant(page, { lang: "ru" });
  await verifyEmail(page, email);

  // The landing page: the first Tab reaches the skip link, Enter moves to the main content.
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.locator('a[href="#main"]')).toBeFocused();
  expect((await focused(page)).ring).toBe(true);
  await expect(page.locator('a[href="#main"]')).toBeInViewport();
  expect((await page.locator('a[href="#main"]').boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // From the main content, the Бизнес бастау card's "Apply" link.
  await tabTo(page, '[data-testid="open-call"][data-programme="biznes_bastau"] [data-testid="call-apply"]');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}\/apply$/);

  // The apply page: the certificate number, then Enter on the start button.
  await typeInto(page, "certificateNumber", "BB-2026/0415");
  await tabTo(page, '[data-testid="apply-start"]');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\/edit$/, { timeout: 20_000 });
  const id = /applications\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("#f-training-certificateNumber")).toHaveValue("BB-2026/0415");
  expect(await smallTargets(page), "small targets on the first step").toEqual([]);

  // The list of all steps opens with Enter on its summary; its links are thumb-sized too; Enter closes it.
  await tabTo(page, '[data-testid="step-indicator"] summary');
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("step-link-review")).toBeVisible();
  expect(await smallTargets(page), "small targets in the list of steps").toEqual([]);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("step-link-review")).toBeHidden();

  await nextStep(page, "idea");
  await typeInto(page, "f-idea-idea", "Открыть пекарню национального хлеба в Талгаре.");
  await typeInto(page, "f-idea-product", "Таба-нан, баурсаки и выпечка на заказ.");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

  await nextStep(page, "market");
  const market = "В районе три пекарни, спрос стабильный и растёт летом.";
  await typeInto(page, "f-market-market", market);
  // Turning the phone to landscape and back: the same step, the same text, focus where it was.
  await page.setViewportSize({ width: 640, height: 360 });
  await expect(page.getByTestId("step-market")).toBeVisible();
  await expect(page.locator("#f-market-market")).toHaveValue(market);
  await expect(page.locator("#f-market-market")).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  await page.setViewportSize({ width: 360, height: 640 });
  await expect(page.locator("#f-market-market")).toHaveValue(market);
  await expect(page).toHaveURL(/\?step=market$/);
  // A reload (the browser dropped the tab, the battery died) comes back on the same step with the text.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await page.reload();
  await expect(page.getByTestId("step-market")).toBeVisible();
  await expect(page.locator("#f-market-market")).toHaveValue(market);
  await expect(page.getByTestId("step-count")).toHaveText(t.stepOf.replace("{n}", "3").replace("{total}", "12"));
  await typeInto(page, "f-market-competitors", "Конкуренты: два магазина. Наше преимущество — свежий хлеб и доставка.");

  await nextStep(page, "marketing");
  await typeInto(page, "f-marketing-marketing", "Instagram, группа в WhatsApp, договоры с магазинами.");
  await nextStep(page, "operations");
  await typeInto(page, "f-operations-location", "г. Талгар, ул. Абая, 12");
  await typeInto(page, "f-operations-operations", "Печь, тестомес, мука от местной мельницы.");
  await nextStep(page, "team");
  await typeInto(page, "f-team-team", "5 лет опыта пекарем; сестра ведёт учёт.");
  await nextStep(page, "jobs");
  await typeInto(page, "f-jobs-jobsCreated", "3");

  // The budget: two lines, the second added with Enter on "Add a line"; the balance matches the award.
  await nextStep(page, "budget");
  const award = Number(await page.getByTestId("budget-total").getAttribute("data-award"));
  await typeInto(page, "f-budget-lines-0-item", "Хлебопекарная печь");
  await typeInto(page, "f-budget-lines-0-quantity", "1");
  await typeInto(page, "f-budget-lines-0-unitPrice", String(award - 300_000));
  await tabTo(page, '[data-testid="budget-add"]');
  await page.keyboard.press("Enter");
  // The new line's first field takes focus.
  await expect(page.locator("#f-budget-lines-1-item")).toBeFocused();
  await typeInto(page, "f-budget-lines-1-item", "Мука и упаковка");
  await typeInto(page, "f-budget-lines-1-quantity", "3");
  await typeInto(page, "f-budget-lines-1-unitPrice", "100000");
  await expect(page.getByTestId("budget-balance")).toHaveText(t.budgetMatches);
  await expect(page.getByTestId("budget-total-amount")).toHaveText(formatMoney(award, "ru"));

  await nextStep(page, "cofinancing");
  await typeInto(page, "f-cofinancing-ownContribution", "200000");

  await nextStep(page, "forecast");
  for (let i = 0; i < 12; i++) {
    await typeInto(page, `f-forecast-months-${i}-revenue`, "400000");
    await typeInto(page, `f-forecast-months-${i}-expenses`, "250000");
  }
  await expect(page.getByTestId("forecast-total-profit")).toHaveText(formatMoney(1_800_000, "ru"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The attachment: Space on the focused file field opens the chooser.
  await nextStep(page, "attachments");
  await tabTo(page, "#attachment-file");
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles({ name: "коммерческое-предложение.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("attachment")).toHaveCount(1);

  // The review: nothing missing; Enter on "Submit".
  await nextStep(page, "review");
  await expect(page.getByTestId("review-ready")).toHaveText(t.readyToSubmit);
  await tabTo(page, '[data-testid="submit-application"]');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/my/applications/${id}\\?submitted=1$`), { timeout: 20_000 });
  await expect(page.getByTestId("application-view")).toHaveAttribute("data-status", "submitted");
});
