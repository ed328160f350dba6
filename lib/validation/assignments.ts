import { z } from "zod";

const uuid = z.uuid({ error: () => "invalid" });

/** The reason given when an admin removes an assignment or a reviewer declines one: 3 to 1,000 characters. */
export const ASSIGNMENT_REASON_MIN = 3;
export const ASSIGNMENT_REASON_MAX = 1000;

const reason = z
  .string({ error: () => "assignmentReasonRequired" })
  .trim()
  .min(1, "assignmentReasonRequired")
  .min(ASSIGNMENT_REASON_MIN, "assignmentReasonTooShort")
  .max(ASSIGNMENT_REASON_MAX, "assignmentReasonTooLong");

export const callIdSchema = z.object({ callId: uuid });
export const addAssignmentSchema = z.object({ callId: uuid, applicationId: uuid, reviewerId: z.uuid({ error: () => "assignmentReviewerRequired" }) });
export const removeAssignmentSchema = z.object({ callId: uuid, assignmentId: uuid, reason });
export const declineAssignmentSchema = z.object({ assignmentId: uuid, reason });
export const assignmentReasonSchema = z.object({ reason });
