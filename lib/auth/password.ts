import "server-only";
import { hash, verify } from "@node-rs/argon2";

let dummyHash: Promise<string> | undefined;

/**
 * Check a password against an argon2id hash. An unknown e-mail or an account without a password
 * is checked against a dummy hash, so the answer takes as long as for a real account and timing
 * does not tell which addresses have accounts.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash("jas-grant-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed hash in the database: refuse, do not crash the sign-in.
    return false;
  }
}
