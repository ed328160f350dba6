import type { Role } from "@/lib/domain/permissions";

/**
 * What the session JWT carries: the user id, the role (a hint for redirects only: getViewer()
 * re-reads it from the database), the session version (sign-out everywhere bumps it) and the
 * session id (sign-out on one device ends it in the database).
 * No name, e-mail or other personal data goes into the token.
 */
declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    sid?: string;
  }
}

declare module "@auth/core/types" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; sessionId: string };
  }
}

export {};
