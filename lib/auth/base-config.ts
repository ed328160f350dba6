import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { isRole } from "@/lib/domain/permissions";
import { authLogger } from "./logger";
import { SIGN_IN_PATH } from "./paths";
import "./claims";

/** A session lasts 12 hours after the last request that refreshed it (the proxy refreshes it). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * The part of the Auth.js configuration that needs neither the database nor argon2, so proxy.ts
 * can use it to read (and slide) the session cookie. lib/auth/config.ts adds the Credentials
 * provider. A function, not a constant: env() is read at the first request, not at `next build`.
 */
export function baseAuthConfig(): NextAuthConfig {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    basePath: "/api/auth",
    useSecureCookies: e.secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 15 * 60 },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [],
    logger: authLogger,
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          // At sign-in: a fresh, minimal token (Auth.js would otherwise copy name and e-mail into it).
          return { sub: user.id, uid: user.id, role: user.role, sv: user.sessionVersion, sid: crypto.randomUUID() };
        }
        return token;
      },
      session({ session, token }) {
        const role = typeof token.role === "string" && isRole(token.role) ? token.role : "applicant";
        return {
          expires: session.expires,
          user: {
            id: token.uid ?? "",
            role,
            sessionVersion: typeof token.sv === "number" ? token.sv : 0,
            sessionId: typeof token.sid === "string" ? token.sid : "",
          },
        };
      },
    },
  };
}
