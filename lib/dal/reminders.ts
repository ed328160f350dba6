/**
 * Deadline reminders for unsubmitted drafts: 3 days and 1 day before the call closes. A system job
 * (run by the in-server scheduler and `npm run mail:send`), not a viewer's read, so it is not marked
 * server-only. Idempotent across processes: the reminder row's unique key decides who writes the mail.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applicationReminders, applications, calls, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { formatDateTime } from "@/lib/domain/datetime";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/store";

const DAY = 86_400_000;

export async function sendDeadlineReminders(): Promise<{ sent: number }> {
  const at = now();
  const due = await getDb()
    .select({
      id: applications.id,
      closesAt: calls.closesAt,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      email: users.email,
      givenName: users.givenName,
      language: users.language,
      userId: users.id,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(
      and(
        eq(applications.status, "draft"),
        gt(calls.closesAt, at),
        lte(calls.closesAt, new Date(at.getTime() + 3 * DAY)),
        eq(users.active, true),
        sql`${users.anonymisedAt} IS NULL`,
      ),
    );
  let sent = 0;
  for (const d of due) {
    const left = d.closesAt.getTime() - at.getTime();
    const kind = left <= DAY ? "1d" : "3d";
    const days = kind === "1d" ? 1 : 3;
    const wrote = await getDb().transaction(async (tx) => {
      const ins = await tx.insert(applicationReminders).values({ applicationId: d.id, kind, sentAt: at }).onConflictDoNothing().returning({ k: applicationReminders.kind });
      if (!ins.length) return false;
      await enqueueMail(tx, {
        userId: d.userId,
        to: d.email,
        language: d.language,
        template: "deadline_reminder",
        payload: {
          name: d.givenName,
          url: `${env().APP_URL.replace(/\/$/, "")}/my/applications/${d.id}`,
          callTitle: { kk: d.titleKk, ru: d.titleRu, en: d.titleEn },
          when: { kk: formatDateTime(d.closesAt, "kk"), ru: formatDateTime(d.closesAt, "ru"), en: formatDateTime(d.closesAt, "en") },
          days,
        },
      });
      return true;
    });
    if (wrote) sent++;
  }
  return { sent };
}
