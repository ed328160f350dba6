import { roleForPath, type Role } from "@/lib/domain/permissions";

export const SIGN_IN_PATH = "/sign-in";

/**
 * A `next` parameter is used only if it is a path on this site: it starts with one slash, is not
 * protocol-relative (`//evil`, `/\evil`), has no control characters and does not point into /api.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, "http://portal.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://portal.invalid") return null;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return null;
  if (url.pathname === SIGN_IN_PATH) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering where the person wanted to go. */
export function signInUrl(next?: string | null): string {
  const safe = safeNextPath(next);
  return safe ? `${SIGN_IN_PATH}?next=${encodeURIComponent(safe)}` : SIGN_IN_PATH;
}

/** After signing in: the requested page if this role may open it, else the role's home. */
export function landingAfterSignIn(next: unknown, role: Role, home: string): string {
  const safe = safeNextPath(next);
  if (!safe) return home;
  const required = roleForPath(new URL(safe, "http://portal.invalid").pathname);
  return required === null || required === role ? safe : home;
}
