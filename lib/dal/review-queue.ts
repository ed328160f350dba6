import "server-only";
import { and, asc, eq, notExists } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, conflicts, programmes, reviewAssignments, reviews, type Localised } from "@/db/schema";
import { applicationReference, type Actor } from "./applications";

export type QueueGroup = "todo" | "in_progress" | "done";

/**
 * One line of a reviewer's queue. Blind review: the application's reference, title, programme and
 * district only — never the applicant's name, IIN, phone, e-mail or address.
 */
export type QueueItem = {
  assignmentId: string;
  applicationId: string;
  reference: string;
  title: string;
  programmeName: Localised;
  districtCode: string;
  callTitle: Localised;
  reviewDeadline: Date;
  group: QueueGroup;
};

export type ReviewQueue = Record<QueueGroup, QueueItem[]>;

const EMPTY = (): ReviewQueue => ({ todo: [], in_progress: [], done: [] });

/**
 * The viewer's active assignments (status `assigned`), grouped by the state of their review (none → to do,
 * draft → in progress, submitted → done), soonest deadline first. Scoped in the WHERE clause: assigned to
 * the viewer, and no confirmed conflict of the viewer on the application. Reviewers only: any other role,
 * or nobody, gets an empty queue.
 */
export async function reviewQueue(actor: Actor | null): Promise<ReviewQueue> {
  if (!actor || actor.role !== "reviewer") return EMPTY();
  const rows = await getDb()
    .select({
      assignmentId: reviewAssignments.id,
      applicationId: applications.id,
      title: applications.title,
      districtCode: applications.districtCode,
      pKk: programmes.nameKk,
      pRu: programmes.nameRu,
      pEn: programmes.nameEn,
      cKk: calls.titleKk,
      cRu: calls.titleRu,
      cEn: calls.titleEn,
      reviewDeadline: calls.reviewDeadline,
      reviewStatus: reviews.status,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .leftJoin(reviews, and(eq(reviews.assignmentId, reviewAssignments.id), eq(reviews.reviewerId, actor.id)))
    .where(
      and(
        eq(reviewAssignments.reviewerId, actor.id),
        eq(reviewAssignments.status, "assigned"),
        notExists(
          getDb()
            .select({ id: conflicts.id })
            .from(conflicts)
            .where(and(eq(conflicts.reviewerId, actor.id), eq(conflicts.applicationId, reviewAssignments.applicationId), eq(conflicts.status, "confirmed"))),
        ),
      ),
    )
    .orderBy(asc(calls.reviewDeadline), asc(applications.id));

  const out = EMPTY();
  for (const r of rows) {
    const group: QueueGroup = r.reviewStatus === "submitted" ? "done" : r.reviewStatus === "draft" ? "in_progress" : "todo";
    out[group].push({
      assignmentId: r.assignmentId,
      applicationId: r.applicationId,
      reference: applicationReference(r.applicationId),
      title: r.title,
      programmeName: { kk: r.pKk, ru: r.pRu, en: r.pEn },
      districtCode: r.districtCode,
      callTitle: { kk: r.cKk, ru: r.cRu, en: r.cEn },
      reviewDeadline: r.reviewDeadline,
      group,
    });
  }
  return out;
}
