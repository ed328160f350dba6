import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consents, outbox, users } from "@/db/schema";

/** The personal fields an anonymised account loses (their names go into the audit row). */
export const ACCOUNT_PERSONAL_FIELDS = ["email", "surname", "givenName", "patronymic", "iin", "birthDate", "sex", "phone", "organisation", "passwordHash"] as const;

/**
 * Remove a person's personal data from their account, inside the caller's transaction: name, e-mail,
 * IIN, birth date, sex, phone and organisation cleared, the password removed, signed out everywhere;
 * consents marked withdrawn (when and which text stay), a representative's details removed; every e-mail
 * to the person dropped from the outbox, delivered or not (a sender already holding one may still hand it
 * over; nothing new goes out). The district stays (statistics). True if the account was changed (false
 * when it was already anonymised).
 */
export async function anonymiseAccount(tx: DbOrTx, userId: string, at: Date): Promise<boolean> {
  const changed = await tx
    .update(users)
    .set({
      email: `deleted-${userId}@invalid`,
      passwordHash: null,
      surname: "—",
      givenName: "—",
      patronymic: null,
      iin: null,
      birthDate: null,
      sex: null,
      phone: null,
      organisation: null,
      active: false,
      anonymisedAt: at,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: at,
    })
    .where(and(eq(users.id, userId), isNull(users.anonymisedAt)))
    .returning({ id: users.id });
  if (!changed.length) return false;
  await tx.update(consents).set({ withdrawnAt: at }).where(and(eq(consents.userId, userId), isNull(consents.withdrawnAt)));
  await tx
    .update(consents)
    .set({ guardianName: "—", guardianIin: "000000000000", guardianRelation: "other" })
    .where(and(eq(consents.userId, userId), eq(consents.kind, "guardian")));
  await tx.delete(outbox).where(eq(outbox.userId, userId));
  return true;
}
