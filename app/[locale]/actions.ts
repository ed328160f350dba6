"use server";

import { z } from "zod";
import { authAction } from "@/lib/auth/action";
import { signOut } from "@/lib/auth/config";
import { bumpSessionVersion } from "@/lib/dal/users";

/** Sign out of this browser. */
export async function signOutAction(): Promise<void> {
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
