import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, makeIin } from "./accounts";
import { db, reference } from "./awards";
import { signIn } from "./fixtures";
import { kk, ru } from "./messages";

/**
 * The edge states of the portal, each with its message and a way on that leads somewhere useful. The
 * demo data is shared with other specs, so each worker writes, as the app role, a world of its own:
 *
 *   call      state                                                       shows
 *   closed    closed 60 days ago, nothing submitted, results unpublished  closed call page and apply page;
 *                                                                          empty assignments and ranking
 *   spent     closed, results published, its one grant awarded            closed call page with its results;
 *                                                                          "budget fully awarded" on awards
 *   pending   closed, one application in review, nobody has scored it     "nothing scored" on the ranking
 *   open      open (Заңғар), its budget fully awarded                      "no more grants" on its call page
 *
 * with an applicant with no application, a reviewer with nothing assigned and one whose reviews are all
 * submitted. "No call open" cannot be made here without closing the demo's calls under other specs: the
 * landing page's and /my's unit tests cover it (app/[locale]/(public)/(home)/page.test.tsx, …/my/(home)/page.test.tsx).
 */
const AMOUNT = 1_500_000;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PHONE = { width: 360, height: 740 };

type World = {
  closed: { id: string; title: string };
  spent: { id: string; title: string };
  pending: { id: string };
  open: { id: string };
  applicantEmail: string;
  idleReviewerEmail: string;
  doneReviewerEmail: string;
};

let world: World;

async function writeWorld(): Promise<World> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const c = await db();
  try {
    await c.query("BEGIN");
    const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await c.query<T>(sql, params)).rows[0];
    const bb = await one<{ id: string }>(`SELECT id FROM programmes WHERE code = 'biznes_bastau'`);
    const zangar = await one<{ id: string }>(`SELECT id FROM programmes WHERE code = 'zangar'`);
    const admin = await one<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@jasgrant.demo'`);
    // The demo password's hash: the world's people sign in as every demo account does.
    const { password_hash: hash } = await one<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
    const year = new Date().getUTCFullYear();

    const call = async (
      programmeId: string,
      name: string,
      opts: { open?: boolean; budget?: number; awarded?: number; published?: boolean } = {},
    ): Promise<{ id: string; title: string }> => {
      const title = `${name} ${run}`;
      const { id } = await one<{ id: string }>(
        `INSERT INTO calls (programme_id, year, title_kk, title_ru, title_en, opens_at, closes_at, review_deadline, budget_cap, award_amount, awarded_total,
                            min_score, reviewers_per_application, results_published_at)
         VALUES ($1, $2, $3, $4, $5,
                 CASE WHEN $6 THEN now() - interval '1 day' ELSE now() - interval '120 days' END,
                 CASE WHEN $6 THEN now() + interval '30 days' ELSE now() - interval '60 days' END,
                 CASE WHEN $6 THEN now() + interval '60 days' ELSE now() + interval '10 days' END,
                 $7, $8, $9, 30, 1, CASE WHEN $10 THEN now() - interval '1 day' END) RETURNING id`,
        [programmeId, opts.open ? year : year - 1, title, `${name} (ru) ${run}`, `${name} (en) ${run}`, !!opts.open, opts.budget ?? 10 * AMOUNT, AMOUNT, opts.awarded ?? 0, !!opts.published],
      );
      await c.query(`INSERT INTO call_districts (call_id, district_code) SELECT $1, code FROM districts`, [id]);
      return { id, title };
    };
    const person = async (role: "applicant" | "reviewer", label: string, i: number) => {
      const email = `edge.${label}.${run}@example.kz`;
      if (role === "reviewer") {
        await c.query(
          `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, language, organisation)
           VALUES ($1, $2, 'reviewer', now(), 'Шеткібаев', $3, 'kk', 'Сараптама')`,
          [email, hash, `Сарапшы${i}`],
        );
        return { email, id: (await one<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email])).id };
      }
      const birth = { year: 1996 + i, month: 2 + i, day: 11 + i };
      const { id } = await one<{ id: string }>(
        `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
         VALUES ($1, $2, 'applicant', now(), 'Шеткібаев', $3, $4, $5, 'ili', 'kk') RETURNING id`,
        [email, hash, `Өтінімші${i}`, makeIin(birth, i % 2 ? "female" : "male"), `${birth.year}-${String(birth.month).padStart(2, "0")}-${birth.day}`],
      );
      return { email, id };
    };
    const application = async (callId: string, status: string, i: number) => {
      const applicant = await person("applicant", `owner${i}`, i);
      const data = { idea: { idea: "Шеткі күй" } };
      const { id } = await one<{ id: string }>(
        `INSERT INTO applications (call_id, applicant_id, status, district_code, title, data, submitted_at, screened_at, screened_by)
         VALUES ($1, $2, $3, 'ili', $4, $5, now() - interval '70 days', now() - interval '50 days', $6) RETURNING id`,
        [callId, applicant.id, status, `Шеткі күй ${i} (${run})`, JSON.stringify(data), admin.id],
      );
      await c.query(
        `INSERT INTO application_revisions (application_id, revision, data, content_hash, submitted_at) VALUES ($1, 1, $2, $3, now() - interval '70 days')`,
        [id, JSON.stringify(data), `e2e-edge-${run}-${i}`],
      );
      return id;
    };
    const assign = async (callId: string, applicationId: string, reviewerId: string, score: number | null) => {
      const { id } = await one<{ id: string }>(
        `INSERT INTO review_assignments (call_id, application_id, reviewer_id, status, assigned_at) VALUES ($1, $2, $3, 'assigned', now() - interval '40 days') RETURNING id`,
        [callId, applicationId, reviewerId],
      );
      if (score !== null)
        await c.query(
          `INSERT INTO reviews (assignment_id, application_id, reviewer_id, status, comment, total, submitted_at) VALUES ($1, $2, $3, 'submitted', 'Жақсы.', $4, now() - interval '20 days')`,
          [id, applicationId, reviewerId, score],
        );
    };

    const closed = await call(bb.id, "Жабылған конкурс");
    const spent = await call(bb.id, "Бюджеті бітген конкурс", { budget: AMOUNT, awarded: AMOUNT, published: true });
    const pending = await call(bb.id, "Бағаланбаған конкурс");
    const open = await call(zangar.id, "Бюджеті бітген ашық конкурс", { open: true, budget: AMOUNT, awarded: AMOUNT });

    const done = await person("reviewer", "done", 1);
    const winner = await application(spent.id, "awarded", 2);
    const waiting = await application(spent.id, "waitlisted", 3);
    await c.query(`INSERT INTO awards (application_id, call_id, district_code, amount, awarded_by) VALUES ($1, $2, 'ili', $3, $4)`, [winner, spent.id, AMOUNT, admin.id]);
    await assign(spent.id, winner, done.id, 80);
    await assign(spent.id, waiting, done.id, 60);

    const scorer = await person("reviewer", "scorer", 4);
    await assign(pending.id, await application(pending.id, "in_review", 5), scorer.id, null);

    const applicant = await person("applicant", "applicant", 6);
    const idle = await person("reviewer", "idle", 7);
    await c.query("COMMIT");
    return {
      closed,
      spent,
      pending: { id: pending.id },
      open: { id: open.id },
      applicantEmail: applicant.email,
      idleReviewerEmail: idle.email,
      doneReviewerEmail: done.email,
    };
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    await c.end();
  }
}

test.beforeAll(async () => {
  world = await writeWorld();
});

async function expectNoAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The heading, then the link's text and where it leads (followed, not only read). */
async function followAction(page: Page, state: string, heading: string, linkTestId: string, label: string) {
  const box = page.getByTestId(state);
  await expect(box.getByRole("heading")).toHaveText(heading);
  const link = box.getByTestId(linkTestId);
  await expect(link).toHaveText(label);
  await link.click();
}

const date = (s: string) => s.split("{date}");

test.describe("applicant and visitor states, on a phone", () => {
  test.use({ viewport: PHONE });

  test("a closed call's page says it closed and when, and leads to the open calls", async ({ page }) => {
    const response = await page.goto(`/calls/${world.closed.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.closed.title);
    const box = page.getByTestId("call-closed");
    const [before, after] = date(kk.CallPage.closedText);
    await expect(box).toContainText(before);
    await expect(box).toContainText(after);
    await expect(box).toContainText(kk.CallPage.closedResultsPending);
    // Unpublished: no way to results that are not there; no Apply, no rubric.
    await expect(box.getByTestId("call-closed-results")).toHaveCount(0);
    await expect(page.getByTestId("call-page-apply")).toHaveCount(0);
    await expect(page.getByTestId("call-rubric")).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await followAction(page, "call-closed", kk.CallPage.closedTitle, "call-closed-open-calls", kk.CallPage.closedOpenCalls);
    await expect(page).toHaveURL(/\/#open-calls-title$/);
    await expect(page.getByTestId("open-calls")).toBeVisible();
  });

  test("a closed call with published results leads to them", async ({ page }) => {
    await page.goto(`/calls/${world.spent.id}`);
    const box = page.getByTestId("call-closed");
    await expect(box).toContainText(kk.CallPage.closedResultsPublished);
    await expectNoHorizontalScroll(page);
    await followAction(page, "call-closed", kk.CallPage.closedTitle, "call-closed-results", kk.CallPage.closedResults);
    await expect(page).toHaveURL(new RegExp(`/results#results-${world.spent.id}-title$`));
    await expect(page.getByRole("heading", { level: 2, name: world.spent.title })).toBeVisible();
  });

  test("an open call whose budget is fully awarded says no more grants can be awarded from it", async ({ page }) => {
    await page.goto(`/calls/${world.open.id}`);
    await expect(page.getByTestId("call-grants-covered")).toHaveText(kk.OpenCalls.budgetSpent);
    await expect(page.getByTestId("call-grants-covered")).toHaveAttribute("data-count", "0");
    await expectNoHorizontalScroll(page);
  });

  test("the apply page after the deadline says the call closed, with the way on (allowed: an applicant)", async ({ page }) => {
    await signIn(page, world.applicantEmail);
    // No application yet, and calls are open: /my leads to them.
    const empty = page.getByTestId("my-applications-empty");
    await expect(empty.getByRole("heading")).toHaveText(kk.MyApplications.emptyTitle);
    await expectNoHorizontalScroll(page);
    await empty.getByRole("link", { name: kk.MyApplications.emptyAction }).click();
    await expect(page).toHaveURL(/\/#open-calls-title$/);
    await expect(page.getByTestId("open-call").first()).toBeVisible();

    const response = await page.goto(`/calls/${world.closed.id}/apply`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("apply-heading")).toContainText(world.closed.title);
    await expect(page.getByTestId("call-closed")).toContainText(date(kk.CallPage.closedText)[0]);
    // Neither the start form nor a list of reasons: the call is closed, and that is the one thing to say.
    await expect(page.getByTestId("apply-ineligible")).toHaveCount(0);
    await expect(page.getByTestId("apply-form")).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await followAction(page, "call-closed", kk.CallPage.closedTitle, "call-closed-open-calls", kk.CallPage.closedOpenCalls);
    await expect(page).toHaveURL(/\/#open-calls-title$/);
  });

  test("forbidden: a reviewer opening a closed call's apply page gets 403", async ({ page }) => {
    await signIn(page, world.idleReviewerEmail);
    const response = await page.goto(`/calls/${world.closed.id}/apply`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("call-closed")).toHaveCount(0);
  });
});

test.describe("reviewer states", () => {
  test("nothing assigned: who assigns, what e-mail comes (and what does not), and a way to the criteria", async ({ page }) => {
    await signIn(page, world.idleReviewerEmail);
    const box = page.getByTestId("queue-empty");
    await expect(box).toContainText(kk.ReviewQueue.emptyText);
    await expectNoAxeViolations(page);
    await followAction(page, "queue-empty", kk.ReviewQueue.empty, "queue-empty-calls", kk.ReviewQueue.emptyAction);
    await expect(page).toHaveURL(/\/#open-calls-title$/);
  });

  test("everything reviewed: nothing to score, and a way to the submitted reviews", async ({ page }) => {
    await signIn(page, world.doneReviewerEmail);
    await expect(page.getByTestId("queue-all-done")).toContainText(kk.ReviewQueue.allDoneText);
    await expect(page.getByTestId("queue-done").getByTestId("queue-item")).toHaveCount(2);
    await expect(page.getByTestId("queue-empty")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await followAction(page, "queue-all-done", kk.ReviewQueue.allDoneTitle, "queue-all-done-link", kk.ReviewQueue.allDoneAction);
    await expect(page).toHaveURL(/\/review#group-done$/);
    await expect(page.locator("#group-done")).toBeInViewport();
  });

  test("forbidden: an applicant opening the review queue gets 403", async ({ page }) => {
    await signIn(page, world.applicantEmail);
    const response = await page.goto("/review");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("queue-empty")).toHaveCount(0);
  });
});

test.describe("admin states", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "admin@jasgrant.demo");
  });

  test("the awards page of a call whose budget is fully awarded: the message, the protocol and the waiting list", async ({ page }) => {
    await page.goto(`/admin/calls/${world.spent.id}/awards`);
    const box = page.getByTestId("budget-exhausted");
    await expect(box).toContainText(kk.AdminAwards.exhaustedText.split("{remaining}")[0]);
    await expect(page.getByTestId("figure-grants-possible")).toHaveText("0");
    await expectNoAxeViolations(page);
    await followAction(page, "budget-exhausted", kk.AdminAwards.exhaustedTitle, "budget-exhausted-waitlist", kk.AdminAwards.exhaustedWaitlist);
    await expect(page).toHaveURL(/#waitlist-title$/);
    await expect(page.locator("#waitlist-title")).toBeInViewport();
    await followAction(page, "budget-exhausted", kk.AdminAwards.exhaustedTitle, "budget-exhausted-protocol", kk.AdminAwards.exhaustedProtocol);
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${world.spent.id}/protocol$`));
  });

  test("a call with budget left shows no such message", async ({ page }) => {
    await page.goto(`/admin/calls/${world.pending.id}/awards`);
    await expect(page.getByTestId("budget-figures")).toBeVisible();
    await expect(page.getByTestId("budget-exhausted")).toHaveCount(0);
  });

  test("assignments with nothing screened in lead to screening", async ({ page }) => {
    await page.goto(`/admin/calls/${world.closed.id}/assignments`);
    await expect(page.getByTestId("no-apps")).toContainText(kk.AdminAssignments.noAppsText);
    await expectNoAxeViolations(page);
    await followAction(page, "no-apps", kk.AdminAssignments.noApps, "no-apps-screening", kk.AdminAssignments.noAppsAction);
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${world.closed.id}/screening$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.AdminScreening.title);
  });

  test("a ranking with nothing in it leads to screening, not to a bare table", async ({ page }) => {
    await page.goto(`/admin/calls/${world.closed.id}/ranking`);
    await expect(page.getByTestId("ranking-empty")).toContainText(kk.AdminRanking.emptyText);
    await expect(page.locator("table#ranking, #ranking")).toHaveCount(0);
    await expect(page.getByTestId("ranking-no-scores")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await followAction(page, "ranking-empty", kk.AdminRanking.empty, "ranking-empty-screening", kk.AdminRanking.emptyAction);
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${world.closed.id}/screening$`));
  });

  test("a ranking with nothing scored says so and leads to the review progress and to assignment", async ({ page }) => {
    await page.goto(`/admin/calls/${world.pending.id}/ranking`);
    await expect(page.getByTestId("ranking-no-scores")).toContainText(kk.AdminRanking.noScoresText);
    await expect(page.getByTestId("ranking-range")).toBeVisible();
    await expectNoAxeViolations(page);
    await followAction(page, "ranking-no-scores", kk.AdminRanking.noScoresTitle, "ranking-no-scores-assign", kk.AdminRanking.noScoresAssign);
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${world.pending.id}/assignments$`));
    await page.goBack();
    await followAction(page, "ranking-no-scores", kk.AdminRanking.noScoresTitle, "ranking-no-scores-progress", kk.AdminRanking.noScoresProgress);
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${world.pending.id}/progress$`));
  });

  test("an unknown call's ranking and screening still answer 404 behind their loading skeletons", async ({ page }) => {
    for (const part of ["ranking", "screening"]) {
      const response = await page.goto(`/admin/calls/00000000-0000-4000-8000-000000000000/${part}`);
      expect(response?.status(), part).toBe(404);
      await expect(page.getByTestId("page-heading")).toHaveCount(0);
      await expect(page.getByTestId("area-heading")).toHaveCount(0);
    }
  });

  test("a scored ranking shows neither message", async ({ page }) => {
    await page.goto(`/admin/calls/${world.spent.id}/ranking`);
    await expect(page.getByTestId("ranking-range")).toHaveAttribute("data-total", "2");
    await expect(page.getByTestId("ranking-empty")).toHaveCount(0);
    await expect(page.getByTestId("ranking-no-scores")).toHaveCount(0);
  });
});

test.describe("loading skeletons", () => {
  /**
   * Follows `link` with the page's data held back: the route's skeleton shows at once (busy, with
   * "Loading…" in the page's language for screen readers), then gives way to the page. The prefetch of
   * the skeleton itself passes; only the request for the page's data waits.
   */
  async function expectSkeletonWhileLoading(page: Page, linkSelector: string, path: string, loading: string) {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const matcher = (u: URL) => u.pathname === path;
    await page.route(matcher, async (route) => {
      const h = route.request().headers();
      if (h["rsc"] && !h["next-router-prefetch"]) await gate;
      await route.continue();
    });
    try {
      const link = page.locator(linkSelector).first();
      await link.hover();
      await page.waitForLoadState("networkidle");
      await link.click();
      const skeleton = page.getByTestId("skeleton");
      await expect(skeleton, path).toBeVisible();
      await expect(skeleton).toHaveAttribute("aria-busy", "true");
      await expect(skeleton.getByRole("status")).toHaveText(loading);
      release();
      await expect(page).toHaveURL((u) => u.pathname === path);
      await expect(skeleton, path).toHaveCount(0);
      await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    } finally {
      release();
      await page.unroute(matcher);
    }
  }

  test("the admin's lists show a skeleton while they load, then hydrate under the CSP without an error", async ({ page }) => {
    test.setTimeout(90_000);
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, "admin@jasgrant.demo");
    for (const path of ["/admin/calls", "/admin/users", "/admin/audit"]) {
      await page.goto("/admin");
      await expectSkeletonWhileLoading(page, `main a[href="${path}"]`, path, kk.Ui.loading);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // Loaded in full (not through the client router), each list page renders and hydrates: no CSP
    // violation, no hydration error; a client component answers (the account menu opens).
    for (const url of ["/admin/calls", "/admin/users", "/admin/audit", `/admin/calls/${world.spent.id}/ranking`, `/admin/calls/${world.closed.id}/screening`]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 }), url).toBeVisible();
      await expect(page.getByTestId("skeleton"), url).toHaveCount(0);
    }
    await page.getByTestId("account-menu-trigger").click();
    await expect(page.getByTestId("account-menu")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("the landing page, the applicant's and the reviewer's homes say \"Loading…\" in the chosen language", async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const inRussian = async (email: string | null) => {
      const context = await browser.newContext({ baseURL });
      await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL! }]);
      const page = await context.newPage();
      if (email) await signIn(page, email);
      return { context, page };
    };
    const visitor = await inRussian(null);
    await visitor.page.goto("/results");
    await expectSkeletonWhileLoading(visitor.page, 'header a[href="/"]', "/", ru.Ui.loading);
    await expect(visitor.page.getByTestId("open-calls")).toBeVisible();
    await visitor.context.close();
    for (const [email, path, loaded] of [
      [world.applicantEmail, "/my", "my-applications"],
      [world.idleReviewerEmail, "/review", "queue-empty"],
    ] as const) {
      const { context, page } = await inRussian(email);
      await page.goto("/");
      await expectSkeletonWhileLoading(page, `main a[href="${path}"]`, path, ru.Ui.loading);
      await expect(page.getByTestId(loaded)).toBeVisible();
      await context.close();
    }
  });
});
