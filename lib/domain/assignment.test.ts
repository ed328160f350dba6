import { describe, expect, it } from "vitest";
import { AssignmentError, assignReviewers, DEFAULT_REVIEWERS_PER_APPLICATION, type AssignmentPlan, type ReviewerPair } from "./assignment";

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}`);

/** A small deterministic random source (mulberry32). */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reviewersOf = (plan: AssignmentPlan, applicationId: string) =>
  plan.added.filter((p) => p.applicationId === applicationId).map((p) => p.reviewerId);

/** The invariants every plan keeps (violations collected, then asserted once: expect() in a loop is slow). */
function checkPlan(plan: AssignmentPlan, apps: string[], reviewers: string[], k: number, conflicts: ReviewerPair[]) {
  const pairs = new Set(plan.added.map((p) => `${p.applicationId}|${p.reviewerId}`));
  expect(pairs.size, "no pair twice").toBe(plan.added.length);
  expect(conflicts.filter((c) => pairs.has(`${c.applicationId}|${c.reviewerId}`)), "conflicted pairs").toEqual([]);
  const counted: Record<string, number> = Object.fromEntries(reviewers.map((r) => [r, 0]));
  for (const p of plan.added) counted[p.reviewerId]++;
  expect(plan.load).toEqual(counted);
  const unfilled = new Map(plan.unfilled.map((u) => [u.applicationId, u]));
  const perApp = new Map<string, number>();
  for (const p of plan.added) perApp.set(p.applicationId, (perApp.get(p.applicationId) ?? 0) + 1);
  const wrong: string[] = [];
  for (const a of apps) {
    const got = perApp.get(a) ?? 0;
    const u = unfilled.get(a);
    if (u ? u.assigned !== got || u.missing !== k - got || got >= k : got !== k) wrong.push(a);
  }
  expect(wrong, "applications with a wrong count").toEqual([]);
}

describe("assignReviewers", () => {
  it("gives every application k distinct reviewers with equal loads", () => {
    const apps = ids("a", 10);
    const reviewers = ids("r", 5);
    const plan = assignReviewers({ applicationIds: apps, reviewerIds: reviewers });
    expect(DEFAULT_REVIEWERS_PER_APPLICATION).toBe(3);
    // ceil(10·3 / 5) = 6
    expect(plan.target).toBe(6);
    expect(plan.ceiling).toBe(7);
    expect(plan.added).toHaveLength(30);
    expect(Object.values(plan.load)).toEqual([6, 6, 6, 6, 6]);
    expect(plan.unfilled).toEqual([]);
    expect(plan.conflictedExisting).toEqual([]);
    checkPlan(plan, apps, reviewers, 3, []);
  });

  it("keeps every reviewer within ceil(n·k/r) + 1 and never assigns a conflicted pair, across random seeds", () => {
    let unfilledSeen = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = rng(seed);
      const n = 1 + Math.floor(random() * 300);
      const r = 3 + Math.floor(random() * 30);
      const k = 1 + Math.floor(random() * Math.min(5, r));
      const conflictRate = seed % 4 === 0 ? 0 : random() * 0.15;
      const apps = ids("a", n);
      const reviewers = ids("r", r);
      const conflicts: ReviewerPair[] = [];
      for (const a of apps) for (const v of reviewers) if (random() < conflictRate) conflicts.push({ applicationId: a, reviewerId: v });
      const plan = assignReviewers({ applicationIds: apps, reviewerIds: reviewers, perApplication: k, conflicts });
      const ideal = Math.ceil((n * k) / r);
      expect(plan.target, `seed ${seed}`).toBe(ideal);
      expect(Math.max(...Object.values(plan.load)), `seed ${seed}`).toBeLessThanOrEqual(ideal + 1);
      if (conflictRate === 0) {
        expect(Math.max(...Object.values(plan.load)), `seed ${seed}`).toBeLessThanOrEqual(ideal);
        expect(plan.unfilled, `seed ${seed}`).toEqual([]);
      }
      checkPlan(plan, apps, reviewers, k, conflicts);
      // an application is reported only when it has fewer than k conflict-free reviewers in all,
      // or every one of them is at the ceiling
      const blocked = new Set([...conflicts, ...plan.added].map((c) => `${c.applicationId}|${c.reviewerId}`));
      const roomLeft = plan.unfilled.flatMap((u) =>
        reviewers.filter((v) => !blocked.has(`${u.applicationId}|${v}`) && plan.load[v] < plan.ceiling).map((v) => `${u.applicationId} ${v}`),
      );
      expect(roomLeft, `seed ${seed}`).toEqual([]);
      unfilledSeen += plan.unfilled.length;
    }
    // the seeds include infeasible applications (so the report is exercised, not only the happy path)
    expect(unfilledSeen).toBeGreaterThan(0);
  });

  it("fills as many places as a maximum flow allows within the ceiling (small random cases, many conflicts)", () => {
    /** Edmonds–Karp on a dense matrix: source → application (k) → reviewer (1 if not conflicted) → sink (cap). */
    const maxFlow = (n: number, r: number, k: number, cap: number, blocked: Set<string>) => {
      const size = n + r + 2;
      const source = n + r;
      const sink = n + r + 1;
      const c = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      for (let a = 0; a < n; a++) {
        c[source][a] = k;
        for (let v = 0; v < r; v++) if (!blocked.has(`${a}|${v}`)) c[a][n + v] = 1;
      }
      for (let v = 0; v < r; v++) c[n + v][sink] = cap;
      let flow = 0;
      for (;;) {
        const parent = new Array<number>(size).fill(-1);
        parent[source] = source;
        const queue = [source];
        for (let h = 0; h < queue.length && parent[sink] < 0; h++) {
          for (let to = 0; to < size; to++) {
            if (parent[to] < 0 && c[queue[h]][to] > 0) {
              parent[to] = queue[h];
              queue.push(to);
            }
          }
        }
        if (parent[sink] < 0) return flow;
        for (let v = sink; v !== source; v = parent[v]) {
          c[parent[v]][v]--;
          c[v][parent[v]]++;
        }
        flow++;
      }
    };
    for (let seed = 1; seed <= 200; seed++) {
      const random = rng(1000 + seed);
      const n = 1 + Math.floor(random() * 8);
      const r = 2 + Math.floor(random() * 5);
      const k = 1 + Math.floor(random() * 3);
      const blocked = new Set<string>();
      const conflicts: ReviewerPair[] = [];
      for (let a = 0; a < n; a++) {
        for (let v = 0; v < r; v++) {
          if (random() < 0.45) {
            blocked.add(`${a}|${v}`);
            conflicts.push({ applicationId: `a${a}`, reviewerId: `r${v}` });
          }
        }
      }
      const apps = Array.from({ length: n }, (_, a) => `a${a}`);
      const reviewers = Array.from({ length: r }, (_, v) => `r${v}`);
      const plan = assignReviewers({ applicationIds: apps, reviewerIds: reviewers, perApplication: k, conflicts });
      expect(plan.added.length, `seed ${seed}`).toBe(maxFlow(n, r, k, plan.ceiling, blocked));
      checkPlan(plan, apps, reviewers, k, conflicts);
    }
  });

  it("moves earlier assignments along a chain when greedy filling gets stuck", () => {
    // k = 1, target 1. p: A or B; q: B or C; s: A or B. Greedy gives p→A, q→B, and s finds A and B full;
    // the chain q: B → C frees B for s.
    const plan = assignReviewers({
      applicationIds: ["p", "q", "s"],
      reviewerIds: ["A", "B", "C"],
      perApplication: 1,
      conflicts: [
        { applicationId: "p", reviewerId: "C" },
        { applicationId: "q", reviewerId: "A" },
        { applicationId: "s", reviewerId: "C" },
      ],
    });
    expect(plan.unfilled).toEqual([]);
    expect(plan.load).toEqual({ A: 1, B: 1, C: 1 });
    expect(reviewersOf(plan, "q")).toEqual(["C"]);
  });

  it("goes to target + 1 only where conflicts force it, and reports what still cannot be filled", () => {
    // k = 1, 6 applications, 3 reviewers: target 2, ceiling 3. a1..a4 can only have A.
    const apps = ids("a", 6);
    const conflicts = apps.slice(0, 4).flatMap((a) => [
      { applicationId: a, reviewerId: "B" },
      { applicationId: a, reviewerId: "C" },
    ]);
    const plan = assignReviewers({ applicationIds: apps, reviewerIds: ["A", "B", "C"], perApplication: 1, conflicts });
    expect(plan.target).toBe(2);
    expect(plan.load).toEqual({ A: 3, B: 1, C: 1 });
    expect(plan.unfilled).toEqual([{ applicationId: "a0004", assigned: 0, missing: 1 }]);
  });

  it("reports applications without k conflict-free reviewers", () => {
    const reviewers = ["r1", "r2", "r3", "r4"];
    const plan = assignReviewers({
      applicationIds: ["x", "y", "z"],
      reviewerIds: reviewers,
      conflicts: [
        { applicationId: "x", reviewerId: "r1" },
        { applicationId: "x", reviewerId: "r2" },
        ...reviewers.map((reviewerId) => ({ applicationId: "z", reviewerId })),
      ],
    });
    expect(reviewersOf(plan, "x")).toEqual(["r3", "r4"]);
    expect(reviewersOf(plan, "y")).toHaveLength(3);
    expect(plan.unfilled).toEqual([
      { applicationId: "x", assigned: 2, missing: 1 },
      { applicationId: "z", assigned: 0, missing: 3 },
    ]);
    // more reviewers per application than reviewers, or no reviewers at all
    expect(assignReviewers({ applicationIds: ["x"], reviewerIds: ["r1", "r2"] }).unfilled).toEqual([{ applicationId: "x", assigned: 2, missing: 1 }]);
    expect(assignReviewers({ applicationIds: ["x"], reviewerIds: [] })).toEqual({
      added: [],
      load: {},
      target: 0,
      ceiling: 1,
      unfilled: [{ applicationId: "x", assigned: 0, missing: 3 }],
      conflictedExisting: [],
    });
  });

  it("keeps existing assignments, never re-adds declined or removed ones, and counts kept rows in the load", () => {
    const plan = assignReviewers({
      applicationIds: ["x", "y", "z"],
      reviewerIds: ["r1", "r2", "r3", "r4", "r5"],
      existing: [
        { applicationId: "x", reviewerId: "r1", status: "assigned" },
        { applicationId: "x", reviewerId: "r2", status: "assigned" },
        { applicationId: "y", reviewerId: "r1", status: "declined" },
        { applicationId: "y", reviewerId: "r2", status: "removed" },
        // a reviewer no longer in the list still counts towards k
        { applicationId: "z", reviewerId: "gone", status: "assigned" },
      ],
    });
    // x needs 1 more (not r1, r2); y needs 3 from r3, r4, r5; z needs 2
    expect(reviewersOf(plan, "x")).toHaveLength(1);
    expect(["r1", "r2"]).not.toContain(reviewersOf(plan, "x")[0]);
    expect(reviewersOf(plan, "y")).toEqual(["r3", "r4", "r5"]);
    expect(reviewersOf(plan, "z")).toHaveLength(2);
    expect(plan.added.some((p) => (p.applicationId === "x" && p.reviewerId === "r1") || p.reviewerId === "gone")).toBe(false);
    // T = 2 kept (r1, r2) + 6 places = 8 over 5 reviewers → target 2
    expect(plan.target).toBe(2);
    expect(plan.load.r1 + plan.load.r2 + plan.load.r3 + plan.load.r4 + plan.load.r5).toBe(8);
    expect(Math.max(...Object.values(plan.load))).toBeLessThanOrEqual(2);
    expect(plan.unfilled).toEqual([]);
  });

  it("does not add to an application that already has k or more kept reviewers", () => {
    const existing = ["r1", "r2", "r3", "r4"].map((reviewerId) => ({ applicationId: "x", reviewerId, status: "assigned" as const }));
    const plan = assignReviewers({ applicationIds: ["x"], reviewerIds: ["r1", "r2", "r3", "r4", "r5"], existing });
    expect(plan.added).toEqual([]);
    expect(plan.load).toEqual({ r1: 1, r2: 1, r3: 1, r4: 1, r5: 0 });
  });

  it("reports an existing assignment that is now conflicted and replaces it", () => {
    const plan = assignReviewers({
      applicationIds: ["x"],
      reviewerIds: ["r1", "r2", "r3", "r4"],
      existing: [
        { applicationId: "x", reviewerId: "r1", status: "assigned" },
        { applicationId: "x", reviewerId: "r2", status: "assigned" },
      ],
      conflicts: [{ applicationId: "x", reviewerId: "r2" }],
    });
    expect(plan.conflictedExisting).toEqual([{ applicationId: "x", reviewerId: "r2" }]);
    expect(reviewersOf(plan, "x")).toEqual(["r3", "r4"]);
    expect(plan.load).toEqual({ r1: 1, r2: 0, r3: 1, r4: 1 });
  });

  it("gives the same plan for the same input in any order", () => {
    const random = rng(99);
    const apps = ids("a", 120);
    const reviewers = ids("r", 11);
    const conflicts = apps.flatMap((a) => reviewers.filter(() => random() < 0.1).map((reviewerId) => ({ applicationId: a, reviewerId })));
    const existing = apps.slice(0, 20).map((a, i) => ({ applicationId: a, reviewerId: reviewers[i % 11], status: i % 3 === 0 ? ("declined" as const) : ("assigned" as const) }));
    const input = { applicationIds: apps, reviewerIds: reviewers, conflicts, existing };
    const one = assignReviewers(input);
    expect(assignReviewers(input)).toEqual(one);
    const shuffled = {
      applicationIds: [...apps].reverse(),
      reviewerIds: [...reviewers].reverse(),
      conflicts: [...conflicts].reverse(),
      existing: [...existing].reverse(),
    };
    expect(assignReviewers(shuffled)).toEqual(one);
  });

  it("refuses a k that is not a whole number ≥ 1", () => {
    expect(() => assignReviewers({ applicationIds: ["x"], reviewerIds: ["r"], perApplication: 0 })).toThrow(AssignmentError);
    expect(() => assignReviewers({ applicationIds: ["x"], reviewerIds: ["r"], perApplication: 1.5 })).toThrow(AssignmentError);
  });
});
