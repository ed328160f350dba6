/**
 * Review-deadline reminders: each reviewer with unfinished assignments (status `assigned`, no submitted
 * review, application still in review) in a call whose review deadline is 3 days or 1 day away gets one
 * e-mail per call and reminder kind. A system job (the in-server scheduler and `npm run mail:send`), not a
 * viewer's read, so not server-only (like lib/dal/reminders.ts). Idempotent across processes: a
 * `review_reminders` row per (assignment, kind) is inserted with ON CONFLICT DO NOTHING in the same
 * transaction as the e-mail; the mail is written only if at least one of the reviewer's rows was new.
 */
import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, reviewAssignments, reviewReminders, reviews, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { formatDateTime } from "@/lib/domain/datetime";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/store";

const DAY = 86_400_000;

export async function sendReviewReminders(): Promise<{ sent: number }> {
  const at = now();
  const due = await getDb()
    .select({
      assignmentId: reviewAssignments.id,
      callId: calls.id,
      reviewDeadline: calls.reviewDeadline,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      userId: users.id,
      email: users.email,
      givenName: users.givenName,
      language: users.language,
    })
    .from(reviewAssignments)
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(
      and(
        eq(reviewAssignments.status, "assigned"),
        eq(applications.status, "in_review"),
        or(isNull(reviews.id), ne(reviews.status, "submitted")),
        gt(calls.reviewDeadline, at),
        lte(calls.reviewDeadline, new Date(at.getTime() + 3 * DAY)),
        eq(users.active, true),
        sql`${users.anonymisedAt} IS NULL`,
      ),
    );
  // One e-mail per reviewer and call.
  const groups = new Map<string, typeof due>();
  for (const d of due) {
    const key = `${d.userId}:${d.callId}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  let sent = 0;
  for (const g of groups.values()) {
    const d = g[0];
    const kind = d.reviewDeadline.getTime() - at.getTime() <= DAY ? "1d" : "3d";
    const wrote = await getDb().transaction(async (tx) => {
      const ins = await tx
        .insert(reviewReminders)
        .values(g.map((x) => ({ assignmentId: x.assignmentId, kind, sentAt: at })))
        .onConflictDoNothing()
        .returning({ k: reviewReminders.kind });
      if (!ins.length) return false;
      await enqueueMail(tx, {
        userId: d.userId,
        to: d.email,
        language: d.language,
        template: "review_reminder",
        payload: {
          name: d.givenName,
          url: `${env().APP_URL.replace(/\/$/, "")}/review`,
          callTitle: { kk: d.titleKk, ru: d.titleRu, en: d.titleEn },
          when: { kk: formatDateTime(d.reviewDeadline, "kk"), ru: formatDateTime(d.reviewDeadline, "ru"), en: formatDateTime(d.reviewDeadline, "en") },
          days: kind === "1d" ? 1 : 3,
          count: g.length,
        },
      });
      return true;
    });
    if (wrote) sent++;
  }
  return { sent };
}
