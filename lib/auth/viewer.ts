import "server-only";
import { cache } from "react";
import { loadViewer, type Language } from "@/lib/dal/users";
import type { Role } from "@/lib/domain/permissions";
import { auth } from "./config";

/** The signed-in person, as fresh as the database: what pages, layouts and actions act on. */
export type Viewer = {
  id: string;
  role: Role;
  language: Language;
  givenName: string;
  surname: string;
  /** "Given-name Surname", for the header. */
  displayName: string;
};

/**
 * Once per request (React cache): read the session cookie, then re-read role, active flag and
 * session version from the database. Null when signed out, when the account is gone, blocked or
 * anonymised, when the token predates a sign-out everywhere / password change, or when its session
 * was ended by signing out (a surviving copy of the cookie is worth nothing). The token's role is
 * never trusted.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || typeof claims.sessionVersion !== "number" || !claims.sessionId) return null;
  const row = await loadViewer(claims.id, claims.sessionId);
  if (!row || !row.active || row.sessionEnded || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: row.id,
    role: row.role,
    language: row.language,
    givenName: row.givenName,
    surname: row.surname,
    displayName: `${row.givenName} ${row.surname}`,
  };
});
