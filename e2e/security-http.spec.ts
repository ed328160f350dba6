import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { makeIin } from "./accounts";
import { actionId } from "./server-actions";
import { db } from "./awards";
import { DEMO_PASSWORD, signIn } from "./fixtures";

/**
 * Transport-level controls over real HTTP: cross-site server actions, the session cookie's flags, HSTS
 * and Secure cookies when the portal's address is https, and hostile uploads (what the server stores
 * and how it serves a file back).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** An applicant of this run with a draft in the open call (written as the app role), to sign in as. */
async function applicantWithDraft(): Promise<{ email: string; userId: string; applicationId: string }> {
  const c = await db();
  try {
    const { rows: demo } = await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'applicant1@jasgrant.demo'`);
    const { rows: open } = await c.query<{ id: string }>(`SELECT id FROM calls WHERE closes_at > now() AND opens_at < now() AND archived_at IS NULL ORDER BY closes_at LIMIT 1`);
    const email = `security.http.${run}.${crypto.randomUUID().slice(0, 8)}@example.kz`;
    const { rows: u } = await c.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, role, email_verified_at, surname, given_name, iin, birth_date, district_code, language)
       VALUES ($1, $2, 'applicant', now(), 'Қауіпсіз', 'Сынақ', $3, '1999-04-05', 'ili', 'kk') RETURNING id`,
      [email, demo[0].password_hash, makeIin({ year: 1999, month: 4, day: 5 })],
    );
    const { rows: a } = await c.query<{ id: string }>(`INSERT INTO applications (call_id, applicant_id, status, district_code) VALUES ($1, $2, 'draft', 'ili') RETURNING id`, [open[0].id, u[0].id]);
    return { email, userId: u[0].id, applicationId: a[0].id };
  } finally {
    await c.end();
  }
}

test("a server action posted from another site is refused and changes nothing", async ({ browser, baseURL }) => {
  const me = await applicantWithDraft();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, me.email, DEMO_PASSWORD);
    const id = actionId("app/_components/language-actions.ts", "saveProfileLanguage");
    const post = (origin: string) =>
      page.request.post("/", { headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin }, data: JSON.stringify(["en"]), maxRedirects: 0 });
    const evil = await post("https://evil.example");
    expect(evil.status()).toBeGreaterThanOrEqual(400);
    expect(await evil.text()).not.toContain('"ok":true');
    const c = await db();
    try {
      const { rows } = await c.query<{ language: string }>(`SELECT language FROM users WHERE id = $1`, [me.userId]);
      expect(rows[0].language).toBe("kk");
      // The same request from the portal's own origin goes through: the refusal was the origin's.
      const same = await post(baseURL!);
      expect(await same.text()).toContain('"ok":true');
      const { rows: after } = await c.query<{ language: string }>(`SELECT language FROM users WHERE id = $1`, [me.userId]);
      expect(after[0].language).toBe("en");
    } finally {
      await c.end();
    }
  } finally {
    await context.close();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax (and not Secure on plain http)", async ({ browser }) => {
  const me = await applicantWithDraft();
  const context = await browser.newContext();
  try {
    await signIn(await context.newPage(), me.email, DEMO_PASSWORD);
    const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(session, "session cookie").toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    expect(session!.secure).toBe(false);
  } finally {
    await context.close();
  }
});

test("with an https address: HSTS on pages, Secure and __Host- cookies", async () => {
  test.setTimeout(180_000);
  // A second production server on the same database, told its public address is https.
  const port = Number(process.env.E2E_PORT ?? 3100) + 50;
  const pid = fs.readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n");
  const read = (f: string) => fs.readFileSync(path.join(DATA_DIR, f), "utf8").trim();
  const appUrl = `postgres://jasgrant_app:${encodeURIComponent(read("app-password"))}@127.0.0.1:${Number(pid[3])}/jasgrant`;
  const ownerUrl = `postgres://jasgrant_owner:${encodeURIComponent(read("owner-password"))}@127.0.0.1:${Number(pid[3])}/jasgrant`;
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, AUTH_SECRET: read("auth-secret"), APP_URL: `https://grant.example.kz`, OUTBOX_POLL_MS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 120) throw new Error("the https-configured server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    const page = await fetch(`${base}/sign-in`);
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const cookies = csrf.headers.getSetCookie();
    const token = cookies.find((c) => /csrf-token=/.test(c));
    expect(token, cookies.join("\n")).toBeDefined();
    expect(token).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(token).toMatch(/;\s*Secure/i);
    expect(token).toMatch(/;\s*HttpOnly/i);
    expect(token).toMatch(/;\s*SameSite=Lax/i);
  } finally {
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGTERM");
    });
  }
});

test("hostile uploads: wrong content, empty, oversize refused; a PDF/HTML polyglot is only ever a download; names cleaned", async ({ browser, baseURL }) => {
  const me = await applicantWithDraft();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, me.email, DEMO_PASSWORD);
    const upload = (body: Buffer, name: string) =>
      page.request.post(`/api/files?applicationId=${me.applicationId}`, {
        headers: { origin: baseURL!, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) },
        data: body,
      });
    // An executable and an HTML page named .pdf: refused by content.
    expect((await upload(Buffer.from("MZ\x90\x00\x03 this is not a pdf"), "plan.pdf")).status()).toBe(415);
    expect((await upload(Buffer.from("<html><script>alert(1)</script></html>"), "plan.pdf")).status()).toBe(415);
    // Nothing at all, and more than 10 MB.
    expect((await upload(Buffer.alloc(0), "empty.pdf")).status()).toBeGreaterThanOrEqual(400);
    expect((await upload(Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 + 1)]), "big.pdf")).status()).toBe(413);

    // A PDF that is also HTML, with a path and control characters in its name.
    const polyglot = Buffer.from("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF");
    const res = await upload(polyglot, "../../etc/\u0000passwd\u202e<img src=x onerror=alert(1)>.html");
    expect(res.status()).toBe(201);
    const stored = (await res.json()) as { attachment: { id: string; fileName: string; mimeType: string } };
    expect(stored.attachment.mimeType).toBe("application/pdf");
    expect(stored.attachment.fileName).not.toMatch(/[/\\\u0000\u202e]/);
    expect(stored.attachment.fileName).not.toContain("..");
    expect(stored.attachment.fileName.endsWith(".pdf")).toBe(true);

    const file = await page.request.get(`/api/files/${stored.attachment.id}`);
    expect(file.status()).toBe(200);
    const h = file.headers();
    expect(h["content-type"]).toBe("application/pdf");
    expect(h["content-disposition"]).toMatch(/^attachment;/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["content-security-policy"]).toContain("sandbox");
    // Opened in the browser, it is a download, never a page that runs the script.
    let dialog = false;
    page.on("dialog", async (d) => {
      dialog = true;
      await d.dismiss();
    });
    const download = page.waitForEvent("download");
    await page.evaluate((href) => {
      const a = document.createElement("a");
      a.href = href;
      document.body.appendChild(a);
      a.click();
    }, `/api/files/${stored.attachment.id}`);
    expect((await download).suggestedFilename()).toBe(stored.attachment.fileName);
    expect(dialog).toBe(false);
  } finally {
    await context.close();
  }
});

test("a session token past its lifetime is refused; the same token within it is accepted", async ({ baseURL }) => {
  const { encode } = await import("next-auth/jwt");
  const me = await applicantWithDraft();
  const secret = fs.readFileSync(path.join(DATA_DIR, "auth-secret"), "utf8").trim();
  const salt = "authjs.session-token";
  const claims = { sub: me.userId, uid: me.userId, role: "applicant", sv: 1, sid: crypto.randomUUID() };
  const get = (token: string) => fetch(`${baseURL}/my`, { headers: { cookie: `${salt}=${token}` }, redirect: "manual" });
  // Made exactly as the portal makes them (same secret and salt): valid for an hour, or expired a minute ago.
  const fresh = await get(await encode({ token: claims, secret, salt, maxAge: 3600 }));
  expect(fresh.status).toBe(200);
  const expired = await get(await encode({ token: claims, secret, salt, maxAge: -60 }));
  expect(expired.status).toBe(307);
  expect(new URL(expired.headers.get("location")!, baseURL).pathname).toBe("/sign-in");
});
