import { expect, test, type Locator, type Page } from "@playwright/test";
import { formatDateTime } from "../lib/domain/datetime";
import { ACCOUNTS, signIn } from "./fixtures";
import { en, kk, ru } from "./messages";

type Lang = "kk" | "ru" | "en";
const MESSAGES = { kk, ru, en } as const;
const NBSP = "\u00a0";

/**
 * The demo's three open calls (db/seed/demo.ts): award amounts exactly as users read them (U+00A0
 * in kk and ru), and the grants each budget covers (136,500,000 / 1,500,000 = 91; 15,000,000 /
 * 1,000,000 = 15; 5,000,000 / 500,000 = 10).
 */
const DEMO_CALLS = {
  biznes_bastau: {
    title: { kk: /^Бизнес бастау — \d{4} жылғы конкурс$/, ru: /^Бизнес бастау — конкурс \d{4} года$/, en: /^Biznes bastau — \d{4} call$/ },
    award: { kk: `1${NBSP}500${NBSP}000${NBSP}₸`, ru: `1${NBSP}500${NBSP}000${NBSP}₸`, en: "₸1,500,000" },
    grants: 91,
    grantsText: { kk: "Бюджет тағы 91 грантқа жетеді", ru: "Бюджета хватит ещё на 91 грант", en: "The budget still covers 91 grants" },
  },
  tauelsizdik_urpaqtary: {
    title: {
      kk: /^Тәуелсіздік ұрпақтары — \d{4} жылғы облыстық грант$/,
      ru: /^Тәуелсіздік ұрпақтары — областной грант \d{4} года$/,
      en: /^Generations of Independence — \d{4} regional grant$/,
    },
    award: { kk: `1${NBSP}000${NBSP}000${NBSP}₸`, ru: `1${NBSP}000${NBSP}000${NBSP}₸`, en: "₸1,000,000" },
    grants: 15,
    grantsText: { kk: "Бюджет тағы 15 грантқа жетеді", ru: "Бюджета хватит ещё на 15 грантов", en: "The budget still covers 15 grants" },
  },
  zangar: {
    title: { kk: /^Заңғар — \d{4} жылғы жастар сыйлығы$/, ru: /^Заңғар — молодёжная премия \d{4} года$/, en: /^Zangar — \d{4} youth prize$/ },
    award: { kk: `500${NBSP}000${NBSP}₸`, ru: `500${NBSP}000${NBSP}₸`, en: "₸500,000" },
    grants: 10,
    grantsText: { kk: "Бюджет тағы 10 грантқа жетеді", ru: "Бюджета хватит ещё на 10 грантов", en: "The budget still covers 10 grants" },
  },
} as const;

const TIME_LEFT = {
  kk: /^\d+ күн( \d+ сағат)? қалды$/,
  ru: /^Осталось: \d+ (день|дня|дней)( \d+ (час|часа|часов))?$/,
  en: /^\d+ days?( \d+ hours?)? left$/,
};

/** A demo call's card, found by its title (other specs may add calls of the same programme). */
function demoCard(page: Page, lang: Lang, code: keyof typeof DEMO_CALLS): Locator {
  return page
    .getByTestId("open-call")
    .filter({ has: page.getByRole("heading", { level: 3, name: DEMO_CALLS[code].title[lang] }) });
}

/** The exact text (textContent, no whitespace normalisation: U+00A0 must stay U+00A0). */
async function exactText(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}

async function expectDemoCalls(page: Page, lang: Lang) {
  const m = MESSAGES[lang];
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 2, name: m.OpenCalls.title })).toBeVisible();
  for (const code of Object.keys(DEMO_CALLS) as (keyof typeof DEMO_CALLS)[]) {
    const demo = DEMO_CALLS[code];
    const card = demoCard(page, lang, code);
    await expect(card, `${lang} ${code}`).toHaveCount(1);
    await expect(card).toHaveAttribute("data-programme", code);

    // Award amount, formatted on the server with the exact code points.
    expect(await exactText(card.getByTestId("call-award").locator("data"))).toBe(demo.award[lang]);

    // Deadline: 18:00 in Almaty (13:00 UTC), the instant in <time dateTime>.
    const deadline = card.getByTestId("call-deadline").locator("time");
    const iso = await deadline.getAttribute("datetime");
    expect(iso).toMatch(/T13:00:00\.000Z$/);
    const wallTime = formatDateTime(new Date(iso ?? ""), lang);
    expect(wallTime).toContain("18:00");
    expect(await exactText(deadline)).toBe(`${wallTime} (${m.Time.almatyTime})`);
    await expect(card.getByTestId("call-time-left")).toHaveText(TIME_LEFT[lang]);

    // What the budget still covers.
    const grants = card.getByTestId("call-grants-covered");
    await expect(grants).toHaveAttribute("data-count", String(demo.grants));
    await expect(grants).toHaveText(demo.grantsText[lang]);
  }
}

test("the landing lists the open demo calls in Kazakh, then Russian (switcher), then English (cookie)", async ({ page, context, baseURL }) => {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));

  await page.goto("/");
  await expectDemoCalls(page, "kk");

  await page.locator('a[data-locale="ru"]').click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expectDemoCalls(page, "ru");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://127.0.0.1" }]);
  await page.reload();
  await expectDemoCalls(page, "en");

  // Server-formatted money and dates hydrate without a mismatch in every language.
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("a visitor is led to register or sign in; Apply goes through sign-in to the call's apply page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("landing-register")).toHaveAttribute("href", "/register");
  await expect(page.getByTestId("landing-register")).toHaveText(kk.OpenCalls.register);
  await expect(page.getByTestId("landing-sign-in")).toHaveAttribute("href", "/sign-in");

  const card = demoCard(page, "kk", "biznes_bastau");
  const apply = card.getByRole("link", { name: /өтінім беру$/ });
  await expect(apply).toHaveText(kk.OpenCalls.apply);
  await expect(apply).toHaveAttribute("href", /^\/sign-in\?next=%2Fcalls%2F[0-9a-f-]{36}%2Fapply$/);
  await apply.click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalls%2F[0-9a-f-]{36}%2Fapply$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.SignIn.title);
});

test("an applicant's Apply goes to the call's apply page; staff see the calls without Apply", async ({ browser }) => {
  const applicant = await browser.newContext();
  const a = await applicant.newPage();
  await signIn(a, "applicant3@jasgrant.demo");
  await a.goto("/");
  await expect(demoCard(a, "kk", "zangar").getByTestId("call-apply")).toHaveAttribute("href", /^\/calls\/[0-9a-f-]{36}\/apply$/);
  await expect(a.getByTestId("landing-register")).toHaveCount(0);
  await applicant.close();

  const reviewer = await browser.newContext();
  const r = await reviewer.newPage();
  await signIn(r, ACCOUNTS.reviewer);
  await r.goto("/");
  await expect(demoCard(r, "kk", "zangar")).toHaveCount(1);
  await expect(r.getByTestId("call-apply")).toHaveCount(0);
  await reviewer.close();
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  for (const lang of ["kk", "ru", "en"] as const) {
    test(`no horizontal scroll in ${lang}`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL ?? "http://127.0.0.1" }]);
      await page.goto("/");
      await expect(demoCard(page, lang, "tauelsizdik_urpaqtary")).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      // The cards stack: each as wide as the content column.
      const box = await demoCard(page, lang, "biznes_bastau").boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
    });
  }
});
