"use server";

import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionErrorCode } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/config";
import { logServerError } from "@/lib/auth/log";
import { landingAfterSignIn } from "@/lib/auth/paths";
import { findUserForSignIn } from "@/lib/dal/users";
import { homeFor } from "@/lib/domain/permissions";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { signInSchema } from "@/lib/validation/auth";

/** The failed-sign-in state the form shows: the action's result shape plus the e-mail to keep. */
export type SignInState = {
  ok: false;
  code: ActionErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  email: string;
} | null;

function text(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

/**
 * Sign in with e-mail and password. On success, a redirect to the page the person asked for (if
 * their role may open it) or to their area; on failure, a message in their language and the
 * e-mail they typed (never the password).
 */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = text(formData, "email").slice(0, 320);
  const raw = { email, password: text(formData, "password"), next: text(formData, "next") || undefined };
  const [t, tv, te] = await Promise.all([
    getTranslations("SignIn"),
    getTranslations("Validation"),
    getTranslations("Errors"),
  ]);

  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return {
      ok: false,
      code: "invalid",
      message: te("invalid"),
      fieldErrors: translateFieldErrors(tv, fieldErrors as Record<string, string[] | undefined>),
      email,
    };
  }

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      return err.code === "rate_limited"
        ? { ok: false, code: "rate_limited", message: t("rateLimited"), email }
        : { ok: false, code: "invalid", message: t("invalidCredentials"), email };
    }
    // Auth.js has logged its own line through lib/auth/logger (without the stack or the e-mail).
    if (!(err instanceof AuthError)) logServerError("sign-in", err);
    return { ok: false, code: "error", message: t("failed"), email };
  }

  // The session cookie is set; pick the landing page by the account's role.
  const user = await findUserForSignIn(parsed.data.email);
  const home = user ? homeFor(user.role) : "/";
  redirect(user ? landingAfterSignIn(parsed.data.next, user.role, home) : home);
}
