import { expect, test, type Page } from "@playwright/test";
import { programmeSeed } from "../db/seed/programmes";
import { formatDateTime } from "../lib/domain/datetime";
import { en, kk, ru } from "./messages";

type Lang = "kk" | "ru" | "en";
const MESSAGES = { kk, ru, en } as const;
const NBSP = "\u00a0";

const BB_TITLE = { kk: /^Бизнес бастау — \d{4} жылғы конкурс$/, ru: /^Бизнес бастау — конкурс \d{4} года$/, en: /^Biznes bastau — \d{4} call$/ };
const BB_AWARD = { kk: `1${NBSP}500${NBSP}000${NBSP}₸`, ru: `1${NBSP}500${NBSP}000${NBSP}₸`, en: "₸1,500,000" };
const TIME_LEFT = {
  kk: /^\d+ күн( \d+ сағат)? қалды$/,
  ru: /^Осталось: \d+ (день|дня|дней)( \d+ (час|часа|часов))?$/,
  en: /^\d+ days?( \d+ hours?)? left$/,
};

async function openBiznesBastau(page: Page, lang: Lang): Promise<string> {
  await page.goto("/");
  const card = page.getByTestId("open-call").filter({ has: page.getByRole("heading", { level: 3, name: BB_TITLE[lang] }) });
  await card.getByTestId("call-link").click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

for (const lang of ["kk", "ru", "en"] as const) {
  test(`the call page in ${lang}: programme, rules, award, deadline in Almaty time, budget, rubric, Apply through sign-in`, async ({ context, page, baseURL }) => {
    const m = MESSAGES[lang];
    await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
    const id = await openBiznesBastau(page, lang);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(BB_TITLE[lang]);
    const seed = programmeSeed("biznes_bastau");
    await expect(page.getByTestId("call-programme")).toHaveText(seed.name[lang]);
    expect(await page.getByTestId("call-award").locator("data").textContent()).toBe(BB_AWARD[lang]);

    const deadline = page.getByTestId("call-deadline").locator("time");
    const iso = await deadline.getAttribute("datetime");
    await expect(deadline).toHaveText(`${formatDateTime(new Date(iso!), lang)} (${m.Time.almatyTime})`);
    await expect(page.getByTestId("call-time-left")).toHaveText(TIME_LEFT[lang]);
    await expect(page.getByTestId("call-grants-covered")).toHaveAttribute("data-count", "91");

    const rules = page.getByTestId("call-rules");
    await expect(rules).toContainText(m.CallPage.ruleAge.replace("{minAge}", "18").replace("{maxAge}", "35"));
    await expect(rules).toContainText(m.CallPage.ruleTraining);

    const rubric = page.getByTestId("call-rubric");
    await expect(rubric.getByRole("heading", { level: 2 })).toHaveText(m.CallPage.rubricTitle);
    await expect(rubric.getByTestId("criterion-name")).toHaveText(seed.criteria.map((c) => c.name[lang]));
    const total = seed.criteria.reduce((s, c) => s + c.weight, 0);
    const firstShare = Math.round((seed.criteria[0].weight / total) * 1000) / 10;
    await expect(rubric.getByTestId("criterion-share").first()).toContainText(String(firstShare));

    const apply = page.getByTestId("call-page-apply");
    await expect(apply).toHaveText(m.CallPage.apply);
    await expect(apply).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(`/calls/${id}/apply`)}`);
  });
}

test("an unknown or malformed call id answers 404", async ({ page }) => {
  for (const path of ["/calls/00000000-0000-4000-8000-000000000000", "/calls/not-a-call"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.NotFound.title);
  }
});
