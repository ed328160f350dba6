import type { NextAuthConfig } from "next-auth";
import { describeError } from "./log";

type AuthErrorLike = Error & { type?: string; code?: string };

/**
 * Auth.js logs a stack trace for every wrong password, and in debug mode the request body (with
 * the password). This logger writes one line per event and never a credential, an e-mail or a
 * stack; debug output is dropped.
 */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error: Error) {
    const e = error as AuthErrorLike;
    const type = e.type ?? e.name;
    if (type === "CredentialsSignin") {
      console.warn(`[auth] sign-in refused (${e.code ?? "credentials"})`);
      return;
    }
    const cause = e.cause as { err?: unknown } | undefined;
    const inner = cause && cause.err instanceof Error ? ` cause=${describeError(cause.err)}` : "";
    console.error(`[auth] ${type}${inner}`);
  },
  warn(code) {
    console.warn(`[auth] warning ${code}`);
  },
  debug() {
    // Dropped on purpose: Auth.js debug metadata can include the submitted credentials.
  },
};
