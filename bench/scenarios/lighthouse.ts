/**
 * Lighthouse (issues 10 and 11): performance, accessibility and best practices of the public pages (the
 * landing page, an open call's page, the results, sign-in, registration and the forgotten-password form; the
 * smoke pass takes only the first two) and the application wizard (signed in as a fresh applicant with one draft; the session cookie is
 * passed with `extraHeaders`), each in a fresh headless Chromium (CHROME_PATH, default /usr/bin/chromium,
 * --headless=new --no-sandbox --disable-gpu) with Lighthouse's default mobile emulation and simulated
 * throttling. For each page that misses a target, the audits that cost it are listed (id, title, value).
 * A run whose trace failed (Lighthouse's runtimeError, e.g. NO_NAVSTART, seen here once in a few runs) is
 * repeated in a fresh browser, up to 3 attempts a page.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { signIn } from "../lib/http";
import { itemsOf, type Item } from "../lib/lighthouse-items";
import { BENCH_PASSWORD, prepareApplicants } from "./applicants";
import { openCall } from "./pages";

export const LIGHTHOUSE_TARGETS = { performance: 90, accessibility: 100, "best-practices": 95 } as const;
type Category = keyof typeof LIGHTHOUSE_TARGETS;
const CATEGORIES = Object.keys(LIGHTHOUSE_TARGETS) as Category[];

export type FailingAudit = { category: Category; id: string; title: string; score: number | null; displayValue?: string; weight: number; items: string[] };

export type LighthousePage = { page: string; url: string; scores: Record<Category, number>; failing: FailingAudit[]; ms: number; runWarnings: string[]; attempts: number };

type Lhr = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; details?: { type?: string; items?: Item[] } }>;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
};

async function audit(url: string, headers: Record<string, string> | undefined): Promise<Omit<LighthousePage, "page" | "url" | "attempts">> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const t0 = performance.now();
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES, extraHeaders: headers });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const lhr = result.lhr as unknown as Lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {} as Record<Category, number>;
    const failing: FailingAudit[] = [];
    for (const cat of CATEGORIES) {
      const c = lhr.categories[cat];
      scores[cat] = Math.round((c.score ?? 0) * 100);
      if (scores[cat] >= LIGHTHOUSE_TARGETS[cat]) continue;
      const seen = new Set<string>();
      // Weighted audits that lost points, then (performance) the diagnostics and opportunities that flag.
      for (const ref of c.auditRefs) {
        const a = lhr.audits[ref.id];
        if (!a || a.score === null || seen.has(a.id)) continue;
        if (a.scoreDisplayMode === "notApplicable" || a.scoreDisplayMode === "informative" || a.scoreDisplayMode === "manual") continue;
        const threshold = ref.weight > 0 ? 1 : 0.9;
        if (a.score >= threshold) continue;
        seen.add(a.id);
        failing.push({ category: cat, id: a.id, title: a.title, score: a.score, displayValue: a.displayValue, weight: ref.weight, items: itemsOf(a.details) });
      }
    }
    return { scores, failing, ms: performance.now() - t0, runWarnings: lhr.runWarnings };
  } finally {
    chrome.kill();
  }
}

export async function lighthouseBench(base: string, ownerUrl: string, opts: { smoke?: boolean } = {}): Promise<LighthousePage[]> {
  const callId = await openCall(ownerUrl);
  const [applicant] = await prepareApplicants(ownerUrl, 1, 0);
  const jar = await signIn(base, applicant.email, BENCH_PASSWORD);
  const pages: { page: string; path: string; headers?: Record<string, string> }[] = [
    { page: "landing /", path: "/" },
    { page: "call page /calls/<id>", path: `/calls/${callId}` },
    ...(opts.smoke
      ? []
      : [
          { page: "results /results", path: "/results" },
          { page: "sign-in /sign-in", path: "/sign-in" },
          { page: "register /register", path: "/register" },
          { page: "forgotten password /forgot-password", path: "/forgot-password" },
        ]),
    { page: "wizard /my/applications/<id>/edit", path: `/my/applications/${applicant.drafts[0]}/edit`, headers: { cookie: jar.header() } },
  ];
  const out: LighthousePage[] = [];
  for (const p of pages) {
    const url = `${base}${p.path}`;
    // Lighthouse's own advice for a failed trace (NO_NAVSTART, NO_FCP…) is to run it again: up to 3 times.
    for (let attempt = 1; ; attempt++) {
      try {
        out.push({ page: p.page, url, ...(await audit(url, p.headers)), attempts: attempt });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        console.error(`[lighthouse] ${p.page}, attempt ${attempt}: ${(e as Error).message}; again`);
      }
    }
  }
  return out;
}
