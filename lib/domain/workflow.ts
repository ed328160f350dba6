/** The life of an application: one state machine (DOMAIN.md, "Life of an application"). Pure. */

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'ineligible',
  'in_review',
  'reviewed',
  'awarded',
  'waitlisted',
  'not_awarded',
  'award_revoked',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const TRANSITION_NAMES = [
  'submit',
  'withdraw',
  'reopen',
  'screen_pass',
  'screen_refuse',
  'complete_review',
  'reopen_review',
  'award',
  'publish_waitlist',
  'publish_not_awarded',
  'revoke',
] as const;

export type Transition = (typeof TRANSITION_NAMES)[number];

/** Who performs a transition. A `system` transition may also be forced by an admin. */
export type TransitionActor = 'applicant' | 'admin' | 'system';

/** Whoever asks for a transition: a signed-in role, or the system itself. */
export type ActorRole = 'applicant' | 'reviewer' | 'admin' | 'system';

export interface TransitionRule {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  actor: TransitionActor;
  /** Allowed only strictly before the call's closing instant. */
  beforeDeadline: boolean;
}

export const TRANSITIONS: Readonly<Record<Transition, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted', actor: 'applicant', beforeDeadline: true },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', actor: 'applicant', beforeDeadline: true },
  reopen: { from: ['withdrawn'], to: 'draft', actor: 'applicant', beforeDeadline: true },
  screen_pass: { from: ['submitted'], to: 'in_review', actor: 'admin', beforeDeadline: false },
  screen_refuse: { from: ['submitted'], to: 'ineligible', actor: 'admin', beforeDeadline: false },
  complete_review: { from: ['in_review'], to: 'reviewed', actor: 'system', beforeDeadline: false },
  reopen_review: { from: ['reviewed'], to: 'in_review', actor: 'admin', beforeDeadline: false },
  award: { from: ['reviewed', 'waitlisted'], to: 'awarded', actor: 'admin', beforeDeadline: false },
  publish_waitlist: { from: ['reviewed'], to: 'waitlisted', actor: 'admin', beforeDeadline: false },
  publish_not_awarded: { from: ['reviewed'], to: 'not_awarded', actor: 'admin', beforeDeadline: false },
  revoke: { from: ['awarded'], to: 'award_revoked', actor: 'admin', beforeDeadline: false },
};

export interface TransitionContext {
  now: Date;
  closesAt: Date;
  actorRole: ActorRole;
}

export type TransitionError = 'invalid_transition' | 'deadline_passed' | 'forbidden';

export type TransitionPlan =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; code: TransitionError };

/** May this actor perform the transition? System transitions may also be done by an admin. */
export function mayPerform(actorRole: ActorRole, transition: Transition): boolean {
  const { actor } = TRANSITIONS[transition];
  return actorRole === actor || (actor === 'system' && actorRole === 'admin');
}

/** Transitions available from a status (ignoring actor and deadline). */
export function transitionsFrom(status: ApplicationStatus): Transition[] {
  return TRANSITION_NAMES.filter((t) => TRANSITIONS[t].from.includes(status));
}

/**
 * Plans a transition. Checks, in order: the transition leaves `current` (invalid_transition),
 * the actor (forbidden), the deadline (deadline_passed: at or after closesAt is too late).
 */
export function planTransition(
  current: ApplicationStatus,
  transition: Transition,
  ctx: TransitionContext,
): TransitionPlan {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(current)) return { ok: false, code: 'invalid_transition' };
  if (!mayPerform(ctx.actorRole, transition)) return { ok: false, code: 'forbidden' };
  if (rule.beforeDeadline && !(ctx.now.getTime() < ctx.closesAt.getTime())) {
    return { ok: false, code: 'deadline_passed' };
  }
  return { ok: true, to: rule.to };
}

/** Final statuses have no way out: ineligible, not_awarded, award_revoked. */
export function isFinal(status: ApplicationStatus): boolean {
  return transitionsFrom(status).length === 0;
}

export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}
