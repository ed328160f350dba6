/**
 * Public pages under readers, and the JavaScript each page sends.
 *
 * - readers: 100 concurrent readers of the landing page and of an open call's page (closed loop, every
 *   page rendered per request; their data may come from the tag cache), beside the floor at the same
 *   concurrency, and of the page shell alone (the 404 page: layout, header, footer, two lines).
 * - js: the script files a phone-sized Chromium loads for a page until the network is quiet (CHROMIUM_PATH,
 *   else Debian's /usr/bin/chromium, else Playwright's own), gzipped at level 9 as a server would send them:
 *   the landing page signed out, the application wizard signed in.
 */
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { Client } from "pg";
import { load, type LoadResult } from "../lib/load";
import { signIn } from "../lib/http";
import { BENCH_PASSWORD, prepareApplicants } from "./applicants";

export type PagesBench = { landing: LoadResult; call: LoadResult; callPath: string; shell: LoadResult };

/** The id of an open call in the benchmark database (the soonest to close). */
export async function openCall(ownerUrl: string): Promise<string> {
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM calls WHERE opens_at < now() AND closes_at > now() AND archived_at IS NULL ORDER BY closes_at LIMIT 1`);
    if (!rows[0]) throw new Error("no open call in the benchmark database");
    return rows[0].id;
  } finally {
    await c.end();
  }
}

export async function pagesBench(base: string, ownerUrl: string, seconds: number, connections = 100): Promise<PagesBench> {
  const callPath = `/calls/${await openCall(ownerUrl)}`;
  const landing = await load({ url: `${base}/`, connections, durationMs: seconds * 1000, warmupMs: 2000 });
  const call = await load({ url: `${base}${callPath}`, connections, durationMs: seconds * 1000, warmupMs: 2000 });
  // For comparison: the page shell alone (the layout, header and footer around a two-line "not found"),
  // what every page costs before its own content. Its answers are 404s by design.
  const shell = await load({ url: `${base}/no-such-page-bench`, connections, durationMs: seconds * 1000, warmupMs: 2000 });
  return { landing, call, callPath, shell };
}

export type PageWeight = { page: string; scripts: number; rawKiB: number; gzipKiB: number };

const debianChromium = "/usr/bin/chromium";

/**
 * The scripts a phone-sized Chromium fetches for a page until the network is quiet (those in the HTML,
 * the chunks loaded while it hydrates, lazy ones a rendered component asks for; not `nomodule`
 * polyfills, which a browser with ES modules never fetches), each weighed as its body gzipped at level 9.
 */
async function weigh(browser: Browser, base: string, page: string, cookie?: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, baseURL: base });
  try {
    if (cookie) {
      const url = new URL(base);
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const i = pair.indexOf("=");
          return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: url.hostname, path: "/" };
        }),
      );
    }
    const tab = await context.newPage();
    const scripts = new Map<string, Buffer>();
    const pending: Promise<void>[] = [];
    tab.on("response", (res) => {
      if (res.request().resourceType() !== "script" || scripts.has(res.url())) return;
      pending.push(
        res.body().then(
          (b) => void scripts.set(res.url(), b),
          () => undefined,
        ),
      );
    });
    const nav = await tab.goto(page, { waitUntil: "networkidle" });
    if (nav?.status() !== 200) throw new Error(`GET ${page}: HTTP ${nav?.status()}`);
    await Promise.all(pending);
    let raw = 0;
    let gz = 0;
    for (const body of scripts.values()) {
      raw += body.length;
      gz += gzipSync(body, { level: 9 }).length;
    }
    return { page, scripts: scripts.size, rawKiB: raw / 1024, gzipKiB: gz / 1024 };
  } finally {
    await context.close();
  }
}

export async function jsBench(base: string, ownerUrl: string): Promise<PageWeight[]> {
  const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync(debianChromium) ? debianChromium : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  try {
    const landing = await weigh(browser, base, "/");
    const [applicant] = await prepareApplicants(ownerUrl, 1, 0);
    const jar = await signIn(base, applicant.email, BENCH_PASSWORD);
    const wizard = await weigh(browser, base, `/my/applications/${applicant.drafts[0]}/edit`, jar.header());
    return [landing, { ...wizard, page: "/my/applications/<id>/edit (wizard)" }];
  } finally {
    await browser.close();
  }
}
