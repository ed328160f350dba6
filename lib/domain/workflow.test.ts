import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  TRANSITION_NAMES,
  TRANSITIONS,
  isApplicationStatus,
  isFinal,
  mayPerform,
  planTransition,
  transitionsFrom,
  type ActorRole,
  type ApplicationStatus,
  type Transition,
} from './workflow';

const closesAt = new Date('2026-12-01T18:59:00Z'); // 1 Dec 23:59 Almaty
const before = new Date(closesAt.getTime() - 60_000);
const after = new Date(closesAt.getTime() + 60_000);

/** The expected table, written out independently of TRANSITIONS. */
const EXPECTED: Record<Transition, { from: ApplicationStatus[]; to: ApplicationStatus; actors: ActorRole[] }> = {
  submit: { from: ['draft'], to: 'submitted', actors: ['applicant'] },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', actors: ['applicant'] },
  reopen: { from: ['withdrawn'], to: 'draft', actors: ['applicant'] },
  screen_pass: { from: ['submitted'], to: 'in_review', actors: ['admin'] },
  screen_refuse: { from: ['submitted'], to: 'ineligible', actors: ['admin'] },
  complete_review: { from: ['in_review'], to: 'reviewed', actors: ['system', 'admin'] },
  reopen_review: { from: ['reviewed'], to: 'in_review', actors: ['admin'] },
  award: { from: ['reviewed', 'waitlisted'], to: 'awarded', actors: ['admin'] },
  publish_waitlist: { from: ['reviewed'], to: 'waitlisted', actors: ['admin'] },
  publish_not_awarded: { from: ['reviewed'], to: 'not_awarded', actors: ['admin'] },
  revoke: { from: ['awarded'], to: 'award_revoked', actors: ['admin'] },
};
const DEADLINE_BOUND: Transition[] = ['submit', 'withdraw', 'reopen'];
const ALL_ACTORS: ActorRole[] = ['applicant', 'reviewer', 'admin', 'system'];

const pairs = APPLICATION_STATUSES.flatMap((status) => TRANSITION_NAMES.map((t) => [status, t] as const));

describe('status and transition lists', () => {
  it('has the ten statuses and eleven transitions, in order', () => {
    expect(APPLICATION_STATUSES).toEqual([
      'draft', 'submitted', 'withdrawn', 'ineligible', 'in_review',
      'reviewed', 'awarded', 'waitlisted', 'not_awarded', 'award_revoked',
    ]);
    expect([...TRANSITION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('TRANSITIONS matches the expected table', () => {
    for (const t of TRANSITION_NAMES) {
      expect([...TRANSITIONS[t].from]).toEqual(EXPECTED[t].from);
      expect(TRANSITIONS[t].to).toBe(EXPECTED[t].to);
      expect(TRANSITIONS[t].beforeDeadline).toBe(DEADLINE_BOUND.includes(t));
    }
  });

  it('isApplicationStatus', () => {
    for (const s of APPLICATION_STATUSES) expect(isApplicationStatus(s)).toBe(true);
    expect(isApplicationStatus('approved')).toBe(false);
    expect(isApplicationStatus('')).toBe(false);
  });
});

describe('planTransition over every (status, transition) pair', () => {
  it.each(pairs)('%s --%s--> (right actor, before the deadline)', (status, t) => {
    const allowed = EXPECTED[t].from.includes(status);
    const actor = EXPECTED[t].actors[0] ?? 'admin';
    const result = planTransition(status, t, { now: before, closesAt, actorRole: actor });
    expect(result).toEqual(allowed ? { ok: true, to: EXPECTED[t].to } : { ok: false, code: 'invalid_transition' });
    expect(transitionsFrom(status).includes(t)).toBe(allowed);
  });

  it.each(pairs)('%s --%s--> after the deadline', (status, t) => {
    const allowed = EXPECTED[t].from.includes(status);
    const actor = EXPECTED[t].actors[0] ?? 'admin';
    const result = planTransition(status, t, { now: after, closesAt, actorRole: actor });
    if (!allowed) expect(result).toEqual({ ok: false, code: 'invalid_transition' });
    else if (DEADLINE_BOUND.includes(t)) expect(result).toEqual({ ok: false, code: 'deadline_passed' });
    else expect(result).toEqual({ ok: true, to: EXPECTED[t].to });
  });

  it.each(pairs)('%s --%s--> by every actor', (status, t) => {
    for (const actorRole of ALL_ACTORS) {
      const result = planTransition(status, t, { now: before, closesAt, actorRole });
      const expected = !EXPECTED[t].from.includes(status)
        ? { ok: false, code: 'invalid_transition' }
        : EXPECTED[t].actors.includes(actorRole)
          ? { ok: true, to: EXPECTED[t].to }
          : { ok: false, code: 'forbidden' };
      expect(result).toEqual(expected);
      expect(mayPerform(actorRole, t)).toBe(EXPECTED[t].actors.includes(actorRole));
    }
  });
});

describe('deadline boundary', () => {
  it.each([
    ['draft', 'submit'],
    ['draft', 'withdraw'],
    ['submitted', 'withdraw'],
    ['withdrawn', 'reopen'],
  ] as const)('%s --%s--> ok 1 ms before closesAt, refused at and after it', (status, t) => {
    const ctx = (now: Date) => ({ now, closesAt, actorRole: 'applicant' as const });
    expect(planTransition(status, t, ctx(new Date(closesAt.getTime() - 1)))).toEqual({
      ok: true,
      to: EXPECTED[t].to,
    });
    expect(planTransition(status, t, ctx(new Date(closesAt.getTime())))).toEqual({
      ok: false,
      code: 'deadline_passed',
    });
    expect(planTransition(status, t, ctx(new Date(closesAt.getTime() + 1)))).toEqual({
      ok: false,
      code: 'deadline_passed',
    });
  });

  it('admin screening is not bound by the deadline (before or after)', () => {
    for (const now of [before, closesAt, after]) {
      expect(planTransition('submitted', 'screen_pass', { now, closesAt, actorRole: 'admin' })).toEqual({
        ok: true,
        to: 'in_review',
      });
    }
  });
});

describe('wrong actor', () => {
  it('an admin cannot submit for an applicant, a reviewer cannot screen, an applicant cannot award', () => {
    expect(planTransition('draft', 'submit', { now: before, closesAt, actorRole: 'admin' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(planTransition('submitted', 'screen_pass', { now: before, closesAt, actorRole: 'reviewer' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(planTransition('reviewed', 'award', { now: after, closesAt, actorRole: 'applicant' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(planTransition('awarded', 'revoke', { now: after, closesAt, actorRole: 'system' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
  });

  it('a forbidden actor after the deadline gets forbidden, not deadline_passed', () => {
    expect(planTransition('draft', 'submit', { now: after, closesAt, actorRole: 'reviewer' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
  });

  it('complete_review by system or admin, not by a reviewer', () => {
    const ctx = (actorRole: ActorRole) => ({ now: after, closesAt, actorRole });
    expect(planTransition('in_review', 'complete_review', ctx('system'))).toEqual({ ok: true, to: 'reviewed' });
    expect(planTransition('in_review', 'complete_review', ctx('admin'))).toEqual({ ok: true, to: 'reviewed' });
    expect(planTransition('in_review', 'complete_review', ctx('reviewer'))).toEqual({ ok: false, code: 'forbidden' });
  });
});

describe('isFinal', () => {
  it('exactly ineligible, not_awarded and award_revoked are final', () => {
    const finals = APPLICATION_STATUSES.filter(isFinal);
    expect(finals).toEqual(['ineligible', 'not_awarded', 'award_revoked']);
  });

  it('waitlisted can still be promoted and awarded can still be revoked', () => {
    expect(isFinal('waitlisted')).toBe(false);
    expect(isFinal('awarded')).toBe(false);
    expect(isFinal('withdrawn')).toBe(false);
  });
});
