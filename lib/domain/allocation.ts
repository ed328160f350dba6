/**
 * Who the budget funds: the "fill the budget" proposal, pure. Reserved minimums first (the best eligible
 * applications of each such district above the minimum score, up to the minimum less what the district
 * already has), then the rest by rank within the call's remaining budget and each district's ceiling.
 * Every application left out gets its reason. Money is whole tenge; one grant is `amount`.
 */

export type AllocationReason =
  /** Funded as one of its district's reserved grants. */
  | "reserved"
  /** Funded by its rank. */
  | "rank"
  | "budget_exhausted"
  | "district_ceiling"
  | "below_minimum"
  /** Not every assigned review is in (the application is not `reviewed`). */
  | "not_reviewed";

export type Candidate = {
  id: string;
  districtCode: string;
  /** 1 = best, in the order the admin chose (normalised or raw, with the programme's tie-break). */
  rank: number;
  /** The score of that order (programme points), null without reviews. */
  score: number | null;
  /** All assigned reviews submitted (status `reviewed`, or `waitlisted` after publication). */
  reviewed: boolean;
};

export type DistrictState = {
  ceiling: number | null;
  reservedMinimum: number | null;
  /** Active awards the district already has in this call. */
  awardedCount: number;
};

export type AllocationInput = {
  candidates: readonly Candidate[];
  /** One grant. */
  amount: number;
  /** budget cap − awarded total. */
  remaining: number;
  minScore: number;
  districts: Readonly<Record<string, DistrictState>>;
};

export type AllocationOutcome = { id: string; funded: boolean; reason: AllocationReason };

export type Allocation = {
  /** Every candidate, in rank order, with its outcome. */
  outcomes: AllocationOutcome[];
  /** Funded ids in the order they were taken (reserved first). */
  funded: string[];
  total: number;
  remainingAfter: number;
};

export function allocate(input: AllocationInput): Allocation {
  if (!(Number.isInteger(input.amount) && input.amount > 0)) throw new Error("amount must be a positive whole number");
  const sorted = [...input.candidates].sort((a, b) => a.rank - b.rank);
  const counts = new Map(Object.entries(input.districts).map(([code, d]) => [code, d.awardedCount]));
  const reasons = new Map<string, AllocationReason>();
  const funded: string[] = [];
  let remaining = input.remaining;

  const qualifies = (c: Candidate) => c.reviewed && c.score !== null && c.score >= input.minScore;
  const ceilingReached = (code: string) => {
    const ceiling = input.districts[code]?.ceiling ?? null;
    return ceiling !== null && (counts.get(code) ?? 0) >= ceiling;
  };
  const fund = (c: Candidate, reason: AllocationReason) => {
    reasons.set(c.id, reason);
    funded.push(c.id);
    remaining -= input.amount;
    counts.set(c.districtCode, (counts.get(c.districtCode) ?? 0) + 1);
  };

  for (const c of sorted) {
    if (!c.reviewed) reasons.set(c.id, "not_reviewed");
    else if (!qualifies(c)) reasons.set(c.id, "below_minimum");
  }

  // 1. Reserved minimums, district by district in the order of their best candidate (deterministic).
  for (const c of sorted) {
    if (reasons.has(c.id)) continue;
    const reserved = input.districts[c.districtCode]?.reservedMinimum ?? null;
    if (reserved === null || (counts.get(c.districtCode) ?? 0) >= reserved) continue;
    if (remaining < input.amount || ceilingReached(c.districtCode)) continue; // decided in step 2
    fund(c, "reserved");
  }

  // 2. The rest by rank.
  for (const c of sorted) {
    if (reasons.has(c.id)) continue;
    if (remaining < input.amount) reasons.set(c.id, "budget_exhausted");
    else if (ceilingReached(c.districtCode)) reasons.set(c.id, "district_ceiling");
    else fund(c, "rank");
  }

  const outcomes = sorted.map((c) => {
    const reason = reasons.get(c.id)!;
    return { id: c.id, funded: reason === "reserved" || reason === "rank", reason };
  });
  return { outcomes, funded, total: funded.length * input.amount, remainingAfter: remaining };
}
