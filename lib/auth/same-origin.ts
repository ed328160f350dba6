import { env } from "@/lib/env";

/**
 * Same-origin check for route handlers that change data (uploads, autosave): a route handler gets
 * no server-action origin check from Next, so it does its own. The browser sets `Origin` on every
 * cross-site POST/PUT and a page cannot forge it; a request without one is refused.
 */
export function isSameOrigin(req: Request, appUrl: string = env().APP_URL): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    const o = new URL(origin);
    return o.host === host || o.origin === new URL(appUrl).origin;
  } catch {
    return false;
  }
}
