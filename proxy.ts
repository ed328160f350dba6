import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import type { NextAuthRequest } from "next-auth";
import createIntlMiddleware from "next-intl/middleware";
import { env } from "@/lib/env";
import { proxyAuth } from "@/lib/auth/proxy-auth";
import { NONCE_HEADER, PATHNAME_HEADER } from "@/lib/auth/request-headers";
import { signInUrl } from "@/lib/auth/paths";
import { roleForPath } from "@/lib/domain/permissions";
import { LOCALES, routing } from "@/lib/i18n/routing";

/**
 * Runs before every page (not /api, not static files), in this order:
 * 1. a fresh nonce and the Content-Security-Policy that carries it;
 * 2. the signed-out are sent from /my, /review and /admin to the sign-in page. This is a
 *    convenience only: who may see what is decided by getViewer()/requireRole() and lib/dal;
 * 3. next-intl picks the locale (cookie, Accept-Language, kk) and rewrites `/x` to `/[locale]/x`,
 *    given the request with the CSP header so that Next stamps its scripts with the nonce;
 * 4. the security headers go on the response.
 * The Auth.js wrapper outside reads (and slides) the session cookie, on GET/HEAD only.
 */
const intlMiddleware = createIntlMiddleware(routing);

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self'",
    // Next's development overlay injects <style> tags without a nonce; production never relaxes this.
    dev ? "style-src-elem 'self' 'unsafe-inline'" : `style-src-elem 'self' 'nonce-${nonce}'`,
    // Radix positions popovers with style attributes. The admin's e-mail previews (/admin/emails) show an
    // e-mail in an <iframe sandbox="" srcdoc>: a srcdoc frame inherits this policy (no script runs in it,
    // and default-src covers frame-src), and e-mails are styled by attributes only.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

function withSecurityHeaders(response: Response, csp: string, hsts: boolean): Response {
  const h = response.headers;
  h.set("Content-Security-Policy", csp);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Referrer-Policy", "strict-origin-when-cross-origin");
  h.set("X-Frame-Options", "DENY");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  if (hsts) h.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

function hasLocalePrefix(pathname: string): boolean {
  return LOCALES.some((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
}

async function handle(request: NextAuthRequest): Promise<Response> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const e = env();
  const csp = contentSecurityPolicy(nonce, e.NODE_ENV === "development");
  const hsts = e.secureCookies;
  const { pathname } = request.nextUrl;
  const query = new URLSearchParams(request.nextUrl.search);
  query.delete("_rsc"); // the router's cache-busting parameter is not part of the page's address
  const search = query.size > 0 ? `?${query.toString()}` : "";

  // `/ru/my` is a language switch: next-intl redirects it to `/my` with the cookie set; the
  // area check then runs on that next request. Only page loads are redirected: a server action
  // POST gets its "unauthenticated" answer from authAction instead.
  const isPageLoad = request.method === "GET" || request.method === "HEAD";
  if (isPageLoad && !hasLocalePrefix(pathname) && roleForPath(pathname) !== null && !request.auth?.user) {
    const target = new URL(signInUrl(`${pathname}${search}`), request.url);
    return withSecurityHeaders(NextResponse.redirect(target), csp, hsts);
  }

  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set(NONCE_HEADER, nonce);
  headers.set(PATHNAME_HEADER, `${pathname}${search}`);
  const forwarded = new NextRequest(request.url, { headers, method: request.method });

  return withSecurityHeaders(intlMiddleware(forwarded), csp, hsts);
}

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
// With a lazily built configuration (env() is read at the first request, not at build time),
// Auth.js's `auth(wrapped)` resolves to the wrapped handler asynchronously.
const withSession = proxyAuth(handle) as unknown as Handler | Promise<Handler>;

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  // A POST is a server action, which may itself set or clear the session cookie (sign-in, sign-out):
  // the wrapper's sliding refresh would be merged into the same response and could undo it.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return handle(Object.assign(request, { auth: null }) as NextAuthRequest);
  }
  return (await withSession)(request, event);
}

export const config = {
  // Everything except /api, Next's files and files with an extension (favicon.ico, robots.txt).
  // Prefetch and RSC requests stay in: they need the locale rewrite too.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
