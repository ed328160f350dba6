/**
 * Copies of a draft kept in the browser's localStorage while it cannot be saved (signed out, offline):
 * one key per application. Signing out from the account menu forgets them all, so that the next person at a
 * shared computer finds nothing of the last one's plan.
 */
const PREFIX = "jg-draft:";

export const deviceCopyKey = (applicationId: string): string => `${PREFIX}${applicationId}`;

/** Remove every kept draft copy from this browser (storage may be unavailable: then nothing to do). */
export function forgetDeviceCopies(storage: Pick<Storage, "length" | "key" | "removeItem"> | undefined = globalThis.localStorage): number {
  if (!storage) return 0;
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
    for (const k of keys) storage.removeItem(k);
  } catch {
    return 0;
  }
  return keys.length;
}
