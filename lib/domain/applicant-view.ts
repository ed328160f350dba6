/**
 * What an applicant sees of their own application: the status as shown, the timeline of events, the
 * per-criterion feedback and whether a call page is public. Pure (no I/O), unit-tested.
 */
import type { ApplicationStatus } from './workflow';

/**
 * Until a call's results are published, an award (or a revoked award) is the commission's working
 * state, not a decision the applicant has been told: it shows as "reviewed".
 */
export function visibleStatus(status: ApplicationStatus, resultsPublished: boolean): ApplicationStatus {
  if (!resultsPublished && (status === 'awarded' || status === 'award_revoked' || status === 'waitlisted' || status === 'not_awarded')) {
    return 'reviewed';
  }
  return status;
}

/** Statuses whose decision the applicant reads once results are published. */
export const DECIDED_STATUSES: readonly ApplicationStatus[] = ['awarded', 'waitlisted', 'not_awarded', 'award_revoked'];

export const TIMELINE_EVENTS = [
  'created',
  'submitted',
  'withdrawn',
  'reopened',
  'screened_in',
  'screened_out',
  'reviewed',
  'results_published',
  'awarded',
  'waitlisted',
  'not_awarded',
  'revoked',
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

export type TimelineItem = { at: Date; event: TimelineEvent };

/** Audit actions about an application → the event the applicant reads. */
const ACTION_EVENTS: Readonly<Record<string, TimelineEvent>> = {
  'application.create': 'created',
  'application.submit': 'submitted',
  'application.withdraw': 'withdrawn',
  'application.reopen': 'reopened',
  'application.screen_pass': 'screened_in',
  'application.screen_refuse': 'screened_out',
  'application.complete_review': 'reviewed',
  'application.award': 'awarded',
  'application.publish_waitlist': 'waitlisted',
  'application.publish_not_awarded': 'not_awarded',
  'application.revoke': 'revoked',
};

export const TIMELINE_ACTIONS: readonly string[] = Object.keys(ACTION_EVENTS);

/** Events that belong to the decision: hidden until the results are published. */
const DECISION_EVENTS: ReadonlySet<TimelineEvent> = new Set(['awarded', 'waitlisted', 'not_awarded', 'revoked']);

export type TimelineFacts = {
  status: ApplicationStatus;
  createdAt: Date;
  /** Submission instants of the frozen revisions, oldest first. */
  revisionsSubmittedAt: readonly Date[];
  screenedAt: Date | null;
  resultsPublishedAt: Date | null;
};

/**
 * The status timeline, oldest first: the audit rows about the application, completed from the
 * application's own dates where the audit has nothing (data imported or seeded without its history),
 * with the decision events shown only after publication, and the publication itself.
 */
export function buildTimeline(audit: readonly { at: Date; action: string }[], facts: TimelineFacts): TimelineItem[] {
  const published = facts.resultsPublishedAt !== null;
  const items: TimelineItem[] = [];
  for (const row of audit) {
    const event = ACTION_EVENTS[row.action];
    if (!event) continue;
    if (DECISION_EVENTS.has(event) && !published) continue;
    items.push({ at: row.at, event });
  }
  const has = (e: TimelineEvent) => items.some((i) => i.event === e);
  if (!has('created')) items.push({ at: facts.createdAt, event: 'created' });
  if (!has('submitted')) for (const at of facts.revisionsSubmittedAt) items.push({ at, event: 'submitted' });
  if (facts.screenedAt && !has('screened_in') && !has('screened_out')) {
    items.push({ at: facts.screenedAt, event: facts.status === 'ineligible' ? 'screened_out' : 'screened_in' });
  }
  if (facts.resultsPublishedAt && (DECIDED_STATUSES.includes(facts.status) || facts.status === 'reviewed')) {
    items.push({ at: facts.resultsPublishedAt, event: 'results_published' });
  }
  const order = (e: TimelineEvent) => TIMELINE_EVENTS.indexOf(e);
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || order(a.event) - order(b.event));
}

export type CriterionFeedbackInput = {
  criterionId: string;
  code: string;
  scaleMin: number;
  scaleMax: number;
  weight: number;
};
export type ScoreInput = { criterionId: string; score: number; comment: string };

export type CriterionFeedback = {
  code: string;
  scaleMin: number;
  scaleMax: number;
  weight: number;
  /** Mean of the submitted reviews' scores, one decimal; null if no review scored it. */
  average: number | null;
  /** The reviewers' comments on this criterion (without who wrote them). */
  comments: string[];
};

/** Per-criterion feedback from the submitted reviews' scores: averages and comments, anonymous. */
export function criterionFeedback(criteria: readonly CriterionFeedbackInput[], scores: readonly ScoreInput[]): CriterionFeedback[] {
  return criteria.map((c) => {
    const mine = scores.filter((s) => s.criterionId === c.criterionId);
    const average = mine.length ? Math.round((mine.reduce((sum, s) => sum + s.score, 0) / mine.length) * 10) / 10 : null;
    return {
      code: c.code,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      weight: c.weight,
      average,
      comments: mine.map((s) => s.comment.trim()).filter((s) => s.length > 0),
    };
  });
}

/** Mean of the reviews' weighted totals, two decimals; null without reviews. */
export function averageTotal(totals: readonly number[]): number | null {
  if (!totals.length) return null;
  return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100;
}

/** A call page is public while the call is published (opened) and not closed nor archived. */
export function isCallPublic(call: { opensAt: Date; closesAt: Date; archived: boolean }, now: Date): boolean {
  return publicCallState(call, now) === "open";
}

/**
 * What the public call page shows: the call while it accepts applications ("open"), a closed notice
 * after its deadline ("closed"), nothing (null) before it opens or once it is archived.
 */
export function publicCallState(call: { opensAt: Date; closesAt: Date; archived: boolean }, now: Date): "open" | "closed" | null {
  const t = now.getTime();
  if (call.archived || t < call.opensAt.getTime()) return null;
  return t < call.closesAt.getTime() ? "open" : "closed";
}
