"use server";

import { z } from "zod";
import { authAction } from "@/lib/auth/action";
import { auth, signOut } from "@/lib/auth/config";
import { SESSION_MAX_AGE_S } from "@/lib/auth/base-config";
import { bumpSessionVersion, endSession } from "@/lib/dal/users";

/**
 * Sign out of this browser: the session is ended in the database first, so a copy of the cookie
 * (a request in flight that re-sets it, a copied cookie) is refused too; then the cookie goes.
 */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.user?.id && session.user.sessionId) await endSession(session.user.id, session.user.sessionId, SESSION_MAX_AGE_S);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

const bumpOwnSessionVersion = authAction(
  z.object({}),
  null, // any signed-in person, for their own sessions only
  async (_input, { viewer }) => {
    await bumpSessionVersion(viewer.id, { id: viewer.id, role: viewer.role });
  },
  { name: "signOutEverywhere" },
);

/**
 * Sign out everywhere: bump the session version (with an audit row), so every token issued before
 * is refused by getViewer() at its next request, then clear this browser's cookie too.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const result = await bumpOwnSessionVersion({});
  if (!result.ok && result.code !== "unauthenticated") {
    // Do not tell the person they are signed out everywhere when they are not.
    throw new Error("sign-out everywhere failed");
  }
  await signOut({ redirectTo: result.ok ? "/sign-in?signedOut=everywhere" : "/sign-in" });
}
