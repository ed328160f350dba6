import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { calls, programmes, type Localised } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { grantsCovered } from "@/lib/domain/money";

/**
 * Public data about calls: what the landing page lists. Nothing here is personal or scoped to a
 * viewer, so it may be cached across requests. Whatever changes a call (admin edits, awards,
 * revocations, archiving) must `revalidateTag(CALLS_TAG)`.
 */
export const CALLS_TAG = "calls";

/** A call as cached: JSON-safe (unstable_cache stores JSON, so instants are ISO strings). */
export type CallListingRow = {
  id: string;
  programmeCode: string;
  programmeName: Localised;
  title: Localised;
  awardAmount: number;
  opensAt: string;
  closesAt: string;
  budgetCap: number;
  awardedTotal: number;
};

/** An open call for the landing page. */
export type OpenCall = Omit<CallListingRow, "opensAt" | "closesAt"> & {
  opensAt: Date;
  closesAt: Date;
  /** How many more grants of `awardAmount` the budget left (cap − awarded) still covers. */
  grantsCovered: number;
};

/**
 * The database read: calls that are not archived and close after `at` (open now or opening
 * later), soonest deadline first. Exported for tests; pages use listOpenCalls().
 */
export async function readCallsClosingAfter(at: Date): Promise<CallListingRow[]> {
  const rows = await getDb()
    .select({
      id: calls.id,
      programmeCode: programmes.code,
      programmeNameKk: programmes.nameKk,
      programmeNameRu: programmes.nameRu,
      programmeNameEn: programmes.nameEn,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      awardAmount: calls.awardAmount,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      budgetCap: calls.budgetCap,
      awardedTotal: calls.awardedTotal,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(isNull(calls.archivedAt), gt(calls.closesAt, at)))
    .orderBy(asc(calls.closesAt), asc(programmes.code), asc(calls.id));
  return rows.map((r) => ({
    id: r.id,
    programmeCode: r.programmeCode,
    programmeName: { kk: r.programmeNameKk, ru: r.programmeNameRu, en: r.programmeNameEn },
    title: { kk: r.titleKk, ru: r.titleRu, en: r.titleEn },
    awardAmount: r.awardAmount,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    budgetCap: r.budgetCap,
    awardedTotal: r.awardedTotal,
  }));
}

/** The rows open at `at` (opens_at ≤ at < closes_at), with the grants the budget still covers. Pure. */
export function openCallsAt(rows: readonly CallListingRow[], at: Date): OpenCall[] {
  const t = at.getTime();
  const out: OpenCall[] = [];
  for (const row of rows) {
    const opensAt = new Date(row.opensAt);
    const closesAt = new Date(row.closesAt);
    if (!(opensAt.getTime() <= t && t < closesAt.getTime())) continue;
    out.push({
      ...row,
      opensAt,
      closesAt,
      grantsCovered: grantsCovered(row.budgetCap, row.awardedTotal, row.awardAmount),
    });
  }
  return out;
}

/**
 * The cached read. Its key holds no time: it stores the calls closing after the moment it was
 * filled, and listOpenCalls() filters them by the current time on every request, so a call opens
 * and closes on the minute however old the entry is. A call created later, or a changed budget,
 * reaches the entry through revalidateTag(CALLS_TAG); `revalidate` is only a safety net.
 */
let cachedListing: (() => Promise<CallListingRow[]>) | null = null;

/**
 * Next keeps its data cache on disk under .next/cache, which outlives a database: a demo database made
 * again, or a second server on the same build with another database (the benchmarks, parallel e2e runs),
 * must not be served the other one's calls. The key therefore names the database (a hash of its URL,
 * never the URL itself).
 */
function listing(): () => Promise<CallListingRow[]> {
  if (!cachedListing) {
    const database = createHash("sha256").update(env().DATABASE_URL).digest("hex").slice(0, 16);
    cachedListing = unstable_cache(() => readCallsClosingAfter(now()), ["calls:listing:v1", database], {
      tags: [CALLS_TAG],
      revalidate: 300,
    });
  }
  return cachedListing;
}

/** The calls open now (lib/clock), for the public landing page. */
export async function listOpenCalls(): Promise<OpenCall[]> {
  return openCallsAt(await listing()(), now());
}
