/**
 * Automatic assignment of reviewers to a call's applications: k reviewers each, load balanced, never a
 * conflicted pair, existing assignments respected, deterministic. Pure, Node and browser.
 *
 * The method: applications with the fewest possible reviewers go first; each takes the least-loaded
 * eligible reviewers up to the target load ceil(T / r); what is still missing is filled by moving earlier
 * automatic assignments along a shortest chain (an augmenting path, as in a flow problem: reviewer R takes
 * the application and hands one of its own automatic applications on to S, …, until a reviewer with room
 * is reached), first within the target, then within target + 1. An application that still lacks reviewers is
 * reported: with the ceiling relaxed there is no conflict-free reviewer left for it.
 */

export type ReviewerPair = { applicationId: string; reviewerId: string };

/**
 * Rows of `review_assignments`: `assigned` rows stay (manual or earlier automatic, they count towards k and
 * the reviewer's load; a reviewer not in `reviewerIds` still counts towards k) unless the pair is conflicted;
 * `declined` and `removed` rows keep that reviewer off that application.
 */
export type ExistingAssignment = ReviewerPair & { status: 'assigned' | 'declined' | 'removed' };

export const DEFAULT_REVIEWERS_PER_APPLICATION = 3;

export type AssignmentInput = {
  applicationIds: readonly string[];
  /** The reviewers available to this call. */
  reviewerIds: readonly string[];
  /** k; default DEFAULT_REVIEWERS_PER_APPLICATION. */
  perApplication?: number;
  /** Pairs that must never be assigned (confirmed conflicts, and pending flags if the caller wishes). */
  conflicts?: readonly ReviewerPair[];
  existing?: readonly ExistingAssignment[];
};

export type Unfilled = { applicationId: string; assigned: number; missing: number };

export type AssignmentPlan = {
  /** New assignments to insert, sorted by application id, then reviewer id. */
  added: ReviewerPair[];
  /** Each listed reviewer's load after the plan: kept `assigned` rows plus additions. */
  load: Record<string, number>;
  /**
   * ceil(T / r), T = the listed reviewers' kept assignments + the places to fill, r = the number of reviewers;
   * with no existing rows, ceil(n·k / r). Additions go beyond it only where conflicts leave no other way.
   */
  target: number;
  /** target + 1: no addition ever takes a reviewer above it. */
  ceiling: number;
  /** Applications left with fewer than k reviewers, sorted by id. */
  unfilled: Unfilled[];
  /**
   * `assigned` rows whose pair is in `conflicts`: they neither count towards k nor towards the load, and
   * nothing is added for that pair; the caller removes them (status `removed`), and the plan already replaces
   * them. Sorted by application id, then reviewer id.
   */
  conflictedExisting: ReviewerPair[];
};

export class AssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentError';
  }
}

// Per (application, reviewer) cell.
const FREE = 0;
const BLOCKED = 1;
const KEPT = 2;
const ADDED = 3;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The plan for the given input; the same input (in any order) gives the same plan. */
export function assignReviewers(input: AssignmentInput): AssignmentPlan {
  const k = input.perApplication ?? DEFAULT_REVIEWERS_PER_APPLICATION;
  if (!Number.isInteger(k) || k < 1) throw new AssignmentError('perApplication must be a whole number ≥ 1');

  const apps = [...new Set(input.applicationIds)].sort(byCodeUnits);
  const reviewers = [...new Set(input.reviewerIds)].sort(byCodeUnits);
  const n = apps.length;
  const r = reviewers.length;
  const appIndex = new Map(apps.map((id, i) => [id, i]));
  const reviewerIndex = new Map(reviewers.map((id, i) => [id, i]));

  const cell = new Uint8Array(n * r);
  const kept = new Int32Array(n); // kept `assigned` rows per application, listed reviewer or not
  const load = new Int32Array(r);

  const conflicted = new Set<string>();
  const pairKey = (applicationId: string, reviewerId: string) => `${applicationId}\u0000${reviewerId}`;
  for (const c of input.conflicts ?? []) {
    conflicted.add(pairKey(c.applicationId, c.reviewerId));
    const a = appIndex.get(c.applicationId);
    const v = reviewerIndex.get(c.reviewerId);
    if (a !== undefined && v !== undefined) cell[a * r + v] = BLOCKED;
  }
  const seenKept = new Set<string>();
  const conflictedExisting: ReviewerPair[] = [];
  for (const e of input.existing ?? []) {
    const key = pairKey(e.applicationId, e.reviewerId);
    const a = appIndex.get(e.applicationId);
    const v = reviewerIndex.get(e.reviewerId);
    if (e.status === 'assigned' && conflicted.has(key)) {
      if (!seenKept.has(key)) conflictedExisting.push({ applicationId: e.applicationId, reviewerId: e.reviewerId });
      seenKept.add(key);
    } else if (e.status === 'assigned') {
      if (seenKept.has(key)) continue;
      seenKept.add(key);
      if (v !== undefined) load[v]++;
      if (a !== undefined) {
        kept[a]++;
        if (v !== undefined) cell[a * r + v] = KEPT;
      }
    } else if (a !== undefined && v !== undefined && cell[a * r + v] === FREE) {
      cell[a * r + v] = BLOCKED;
    }
  }
  conflictedExisting.sort((x, y) => byCodeUnits(x.applicationId, y.applicationId) || byCodeUnits(x.reviewerId, y.reviewerId));

  const need = new Int32Array(n);
  let slots = 0;
  for (let a = 0; a < n; a++) {
    need[a] = Math.max(0, k - kept[a]);
    slots += need[a];
  }
  let keptLoad = 0;
  for (let v = 0; v < r; v++) keptLoad += load[v];
  const target = r === 0 ? 0 : Math.ceil((keptLoad + slots) / r);
  const ceiling = target + 1;

  // Automatic additions per reviewer (insertion-ordered), so later chains can move them.
  const addedBy: Set<number>[] = Array.from({ length: r }, () => new Set<number>());
  const add = (a: number, v: number) => {
    cell[a * r + v] = ADDED;
    addedBy[v].add(a);
    load[v]++;
    need[a]--;
  };
  const move = (b: number, from: number, to: number) => {
    cell[b * r + from] = FREE;
    addedBy[from].delete(b);
    load[from]--;
    cell[b * r + to] = ADDED;
    addedBy[to].add(b);
    load[to]++;
  };

  // Most constrained first: fewest eligible reviewers, then id.
  const eligible = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    let e = 0;
    for (let v = 0; v < r; v++) if (cell[a * r + v] === FREE) e++;
    eligible[a] = e;
  }
  const order = Array.from({ length: n }, (_, a) => a).sort((x, y) => eligible[x] - eligible[y] || x - y);

  // Greedy within the target. Among equally loaded reviewers a rotating start spreads the pairs of co-reviewers.
  const candidates: number[] = [];
  order.forEach((a, position) => {
    if (need[a] === 0) return;
    candidates.length = 0;
    for (let v = 0; v < r; v++) if (cell[a * r + v] === FREE && load[v] < target) candidates.push(v);
    const offset = (position * k) % Math.max(r, 1);
    candidates.sort((x, y) => load[x] - load[y] || ((x - offset + r) % r) - ((y - offset + r) % r));
    for (const v of candidates) {
      if (need[a] === 0) break;
      add(a, v);
    }
  });

  /** One more reviewer for application a within `cap`, by a shortest chain of moves; false if none exists. */
  const augment = (a: number, cap: number): boolean => {
    let best = -1;
    for (let v = 0; v < r; v++) {
      if (cell[a * r + v] === FREE && load[v] < cap && (best < 0 || load[v] < load[best])) best = v;
    }
    if (best >= 0) {
      add(a, best);
      return true;
    }
    // Breadth-first over full reviewers: parent[S] = [R, B] means "R hands application B on to S".
    const parentReviewer = new Int32Array(r).fill(-2);
    const parentApp = new Int32Array(r).fill(-1);
    const queue: number[] = [];
    for (let v = 0; v < r; v++) {
      if (cell[a * r + v] === FREE) {
        parentReviewer[v] = -1; // takes a directly
        queue.push(v);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head];
      for (const b of addedBy[from]) {
        for (let to = 0; to < r; to++) {
          if (parentReviewer[to] !== -2 || cell[b * r + to] !== FREE) continue;
          parentReviewer[to] = from;
          parentApp[to] = b;
          if (load[to] < cap) {
            // Apply the chain from its end: each reviewer on it keeps its load, `to` gains one.
            let s = to;
            while (parentReviewer[s] !== -1) {
              move(parentApp[s], parentReviewer[s], s);
              s = parentReviewer[s];
            }
            add(a, s);
            return true;
          }
          queue.push(to);
        }
      }
    }
    return false;
  };

  for (const cap of [target, ceiling]) {
    for (const a of order) {
      while (need[a] > 0 && augment(a, cap));
    }
  }

  const added: ReviewerPair[] = [];
  const unfilled: Unfilled[] = [];
  for (let a = 0; a < n; a++) {
    let count = 0;
    for (let v = 0; v < r; v++) {
      if (cell[a * r + v] === ADDED) {
        added.push({ applicationId: apps[a], reviewerId: reviewers[v] });
        count++;
      }
    }
    if (need[a] > 0) unfilled.push({ applicationId: apps[a], assigned: kept[a] + count, missing: need[a] });
  }
  const loads: Record<string, number> = {};
  reviewers.forEach((id, v) => (loads[id] = load[v]));
  return { added, load: loads, target, ceiling, unfilled, conflictedExisting };
}
