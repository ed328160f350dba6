import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/auth";
import { succeed, takeSlot } from "@/lib/dal/throttle";
import { findUserForSignIn, recordSignIn } from "@/lib/dal/users";
import { baseAuthConfig } from "./base-config";
import { verifyPassword } from "./password";

/** Too many failed attempts for this e-mail: the sign-in form says so instead of "wrong password". */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = signInSchema.pick({ email: true, password: true });

/**
 * Auth.js v5: Credentials (argon2id) and JWT sessions. `authorize` also serves a direct POST to
 * /api/auth/callback/credentials, so throttling and auditing live here, not in the form's action.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;

        // The attempt is recorded as a failure up front (atomically, under a lock per e-mail), so a
        // burst of parallel guesses cannot slip past the limit; a success then clears the count.
        const slot = await takeSlot("sign_in", email);
        if (!slot.ok) throw new SignInThrottled();

        const user = await findUserForSignIn(email);
        const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
        if (!user || !passwordOk || !user.active) return null;

        await succeed(slot);
        await recordSignIn({ id: user.id, role: user.role });
        return { id: user.id, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
}));
