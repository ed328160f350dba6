import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";

function nonceOf(csp: string | null): string | undefined {
  return csp?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}

/** Collects CSP violations (DOM event), console errors and page errors from the first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("__reportCsp", (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"}`,
      );
    });
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" || /Content[- ]Security[- ]Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

test("each page response carries a fresh nonce and the security headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  expect(first.status()).toBe(200);
  const csp1 = first.headers()["content-security-policy"];
  const csp2 = second.headers()["content-security-policy"];
  const n1 = nonceOf(csp1);
  const n2 = nonceOf(csp2);
  expect(n1, csp1).toBeTruthy();
  expect(n2).toBeTruthy();
  expect(n1).not.toBe(n2);

  for (const directive of [
    "default-src 'self'",
    `script-src 'self' 'nonce-${n1}' 'strict-dynamic'`,
    "style-src 'self'",
    `style-src-elem 'self' 'nonce-${n1}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]) {
    expect(csp1).toContain(directive);
  }
  expect(csp1).not.toContain("unsafe-eval");

  const h = first.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["permissions-policy"]).toContain("camera=()");
  // http://: no HSTS.
  expect(h["strict-transport-security"]).toBeUndefined();

  // The HTML's scripts carry the header's nonce.
  const html = await first.text();
  expect(html).toContain(`nonce="${n1}"`);
});

test("API responses carry the static security headers", async ({ request }) => {
  const res = await request.get("/api/health");
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("sandbox");
});

test("the sign-in page hydrates under the CSP with no violation", async ({ page }) => {
  const problems = await watchViolations(page);
  await page.goto("/sign-in");
  // Client-side validation only works once React has hydrated.
  await page.getByTestId("sign-in-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(problems).toEqual([]);
});

test("a signed-in page hydrates and opens the account menu with no violation", async ({ page }) => {
  const problems = await watchViolations(page);
  await signIn(page, ACCOUNTS.reviewer);
  await page.getByTestId("account-menu-trigger").click();
  await expect(page.getByTestId("account-menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("account-menu")).toBeHidden();
  // Client-side navigation to the landing page and back, still without violations.
  await page.getByRole("link", { name: "Jas Grant" }).first().click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  expect(problems).toEqual([]);
});
