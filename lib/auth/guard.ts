import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/domain/permissions";
import { signInUrl } from "./paths";
import { PATHNAME_HEADER } from "./request-headers";
import { getViewer, type Viewer } from "./viewer";


async function requestedPath(): Promise<string | null> {
  return (await headers()).get(PATHNAME_HEADER);
}

/** Signed in, whatever the role; else off to the sign-in page (coming back here afterwards). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInUrl(await requestedPath()));
  return viewer;
}

/**
 * For the layouts and pages of /my, /review and /admin: signed-out → sign-in page; another role →
 * the 403 page (forbidden(), status 403). Call it in the layout AND in every page that loads data:
 * Next renders a page in parallel with its layout, so the layout alone does not stop the page's
 * queries. getViewer() is cached per request, so the second call costs nothing.
 */
export async function requireRole(role: Role): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.role !== role) forbidden();
  return viewer;
}
