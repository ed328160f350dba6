/**
 * Public pages under readers, and the JavaScript each page sends.
 *
 * - readers: 100 concurrent readers of the landing page and of an open call's page (closed loop, every
 *   page rendered per request; their data may come from the tag cache), beside the floor at the same
 *   concurrency.
 * - js: the script files a page loads on arrival (every `<script src>` of its HTML), gzipped at level 9
 *   as a server would send them: the landing page signed out, the application wizard signed in.
 */
import { gzipSync } from "node:zlib";
import { Client } from "pg";
import { load, type LoadResult } from "../lib/load";
import { request, signIn } from "../lib/http";
import { BENCH_PASSWORD, prepareApplicants } from "./applicants";

export type PagesBench = { landing: LoadResult; call: LoadResult; callPath: string };

async function openCall(ownerUrl: string): Promise<string> {
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
  return { landing, call, callPath };
}

export type PageWeight = { page: string; scripts: number; rawKiB: number; gzipKiB: number };

async function weigh(base: string, page: string, cookie?: string): Promise<PageWeight> {
  const headers = cookie ? { cookie } : undefined;
  const html = await request(`${base}${page}`, { headers });
  if (html.status !== 200) throw new Error(`GET ${page}: HTTP ${html.status}`);
  const srcs = [...new Set([...html.body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const r = await request(src.startsWith("http") ? src : `${base}${src}`);
    const bytes = Buffer.from(r.body, "utf8");
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { page, scripts: srcs.length, rawKiB: raw / 1024, gzipKiB: gz / 1024 };
}

export async function jsBench(base: string, ownerUrl: string): Promise<PageWeight[]> {
  const landing = await weigh(base, "/");
  const [applicant] = await prepareApplicants(ownerUrl, 1, 0);
  const jar = await signIn(base, applicant.email, BENCH_PASSWORD);
  const wizard = await weigh(base, `/my/applications/${applicant.drafts[0]}/edit`, jar.header());
  return [landing, { ...wizard, page: "/my/applications/<id>/edit (wizard)" }];
}
