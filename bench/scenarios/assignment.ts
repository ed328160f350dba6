/**
 * Automatic assignment at scale (lib/domain/assignment.ts), pure computation, no server or database:
 * N applications × k reviewers over R reviewers, with a share of conflicted pairs.
 *   npx tsx bench/scenarios/assignment.ts [applications=2000] [k=3] [reviewers=30] [conflictShare=0.02]
 * prints the elapsed milliseconds (best and median of 5 runs after a warm-up).
 */
import { pathToFileURL } from "node:url";
import { assignReviewers, type ReviewerPair } from "../../lib/domain/assignment";

/** Elapsed milliseconds of one `assignReviewers` call for the given sizes (deterministic input). */
export function assignmentBench(applications = 2000, k = 3, reviewers = 30, conflictShare = 0.02): number {
  const applicationIds = Array.from({ length: applications }, (_, i) => `app-${String(i).padStart(6, "0")}`);
  const reviewerIds = Array.from({ length: reviewers }, (_, i) => `rev-${String(i).padStart(3, "0")}`);
  let state = 12345;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const conflicts: ReviewerPair[] = [];
  for (const applicationId of applicationIds) {
    for (const reviewerId of reviewerIds) if (random() < conflictShare) conflicts.push({ applicationId, reviewerId });
  }
  const t0 = performance.now();
  const plan = assignReviewers({ applicationIds, reviewerIds, perApplication: k, conflicts });
  const ms = performance.now() - t0;
  if (plan.added.length + plan.unfilled.reduce((s, u) => s + u.missing, 0) !== applications * k) throw new Error("plan incomplete");
  return ms;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [n = 2000, k = 3, r = 30, share = 0.02] = process.argv.slice(2).map(Number);
  assignmentBench(n, k, r, share);
  const runs = Array.from({ length: 5 }, () => assignmentBench(n, k, r, share)).sort((a, b) => a - b);
  console.log(`assignment: ${n} applications × ${k} reviewers over ${r} reviewers, ${share * 100}% conflicted pairs: best ${runs[0].toFixed(1)} ms, median ${runs[2].toFixed(1)} ms`);
}
