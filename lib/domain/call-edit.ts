/**
 * What an admin may change on a call, and when (issue 7; docs/decisions/0013-programme-and-call-editing.md).
 * Pure: the data layer gathers the facts inside its transaction (rows locked) and asks these functions.
 */
import { TIME_ZONE } from "./datetime";
import { awardAmountFor, MoneyError, type AwardTerms } from "./money";

/**
 * The award amount a programme gives in a year (lib/domain/money's awardAmountFor), as a result: the
 * editor shows the reason (and a link to the MRP table) instead of throwing.
 */
export function computeAwardAmount(
  programme: AwardTerms,
  year: number,
  mrpByYear: Readonly<Record<number, number>>,
): { ok: true; amount: number } | { ok: false; code: "mrp_missing" | "award_not_configured" } {
  try {
    return { ok: true, amount: awardAmountFor(programme, year, mrpByYear) };
  } catch (err) {
    if (err instanceof MoneyError && (err.code === "mrp_missing" || err.code === "award_not_configured")) return { ok: false, code: err.code };
    throw err;
  }
}

export type DistrictLimit = { code: string; ceiling: number | null; reservedMinimum: number | null };

/** The editable values of a call (as stored). */
export type CallValues = {
  year: number;
  opensAt: Date;
  closesAt: Date;
  reviewDeadline: Date;
  budgetCap: number;
  awardAmount: number;
  minScore: number;
  reviewersPerApplication: number;
  districts: DistrictLimit[];
};

/** What already happened on the call, read inside the edit's transaction. */
export type CallFacts = {
  /** Any award row (active or revoked) exists. */
  hasAwards: boolean;
  /** The call's awarded total (active awards). */
  awardedTotal: number;
  /** Active awards per district code. */
  districtAwarded: Readonly<Record<string, number>>;
  /** Drafts not yet submitted. */
  openDrafts: number;
  /** Any reviewer assignment exists. */
  assignmentsStarted: boolean;
  now: Date;
};

export type CallEditRefusal =
  | { code: "dates_order" }
  | { code: "award_amount_locked" }
  | { code: "closes_in_past_with_drafts"; drafts: number }
  | { code: "budget_below_awarded"; awarded: number }
  | { code: "ceiling_below_awarded"; district: string; awarded: number }
  | { code: "reserved_above_ceiling"; district: string }
  | { code: "reviewers_locked"; current: number };

/** Dates in order: opens < closes ≤ review deadline (the database's own check, with a reason). */
export function datesInOrder(v: Pick<CallValues, "opensAt" | "closesAt" | "reviewDeadline">): boolean {
  return v.opensAt.getTime() < v.closesAt.getTime() && v.closesAt.getTime() <= v.reviewDeadline.getTime();
}

/** Refusals that hold for any call, new or existing. */
export function newCallRefusals(v: CallValues): CallEditRefusal[] {
  const out: CallEditRefusal[] = [];
  if (!datesInOrder(v)) out.push({ code: "dates_order" });
  for (const d of v.districts) {
    if (d.ceiling !== null && d.reservedMinimum !== null && d.reservedMinimum > d.ceiling) out.push({ code: "reserved_above_ceiling", district: d.code });
  }
  return out;
}

/**
 * Every reason the change `before → after` of an existing call would break what already happened; empty
 * when the edit may be saved. Rules:
 * - the award amount is fixed once the call's first award exists (revoked ones included: the money
 *   moved at that amount);
 * - the closing date may not move into the past while drafts are open (their authors would lose them
 *   without warning); closing early to a future instant is allowed;
 * - the budget cap may not go below the awarded total, nor a district's ceiling below its awarded count;
 * - the number of reviewers per application is fixed once assignment has started (it defines when an
 *   application is fully reviewed);
 * - the dates stay in order, and a reserved minimum within its ceiling.
 */
export function callEditRefusals(before: CallValues, after: CallValues, facts: CallFacts): CallEditRefusal[] {
  const out = newCallRefusals(after);
  if (after.awardAmount !== before.awardAmount && facts.hasAwards) out.push({ code: "award_amount_locked" });
  if (
    after.closesAt.getTime() !== before.closesAt.getTime() &&
    after.closesAt.getTime() <= facts.now.getTime() &&
    facts.openDrafts > 0
  ) {
    out.push({ code: "closes_in_past_with_drafts", drafts: facts.openDrafts });
  }
  if (after.budgetCap < facts.awardedTotal) out.push({ code: "budget_below_awarded", awarded: facts.awardedTotal });
  for (const d of after.districts) {
    const awarded = facts.districtAwarded[d.code] ?? 0;
    if (d.ceiling !== null && d.ceiling < awarded) out.push({ code: "ceiling_below_awarded", district: d.code, awarded });
  }
  if (after.reviewersPerApplication !== before.reviewersPerApplication && facts.assignmentsStarted) {
    out.push({ code: "reviewers_locked", current: before.reviewersPerApplication });
  }
  return out;
}

/** The same instant one calendar year later in Asia/Almaty (29 February → 28 February). */
export function addOneYear(date: Date): Date {
  const local = utcToAlmatyLocal(date);
  const [d, time] = local.split("T");
  const [y, m, day] = d.split("-").map(Number);
  const next = m === 2 && day === 29 ? `${y + 1}-02-28` : `${String(y + 1).padStart(4, "0")}-${d.slice(5)}`;
  return almatyLocalToUtc(`${next}T${time}`)!;
}

/** A title with every mention of the year moved one year on ("Бизнес бастау 2025" → "Бизнес бастау 2026"). */
export function nextYearTitle(title: string, year: number): string {
  return title.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, "g"), String(year + 1));
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function almatyOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * A `datetime-local` value ("2026-06-01T18:00") read as Asia/Almaty wall time → the UTC instant; null if
 * malformed or not a real date.
 */
export function almatyLocalToUtc(value: string): Date | null {
  const m = LOCAL_RE.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // The offset at the guess, then again at the corrected instant (zone history: UTC+6 before March 2024).
  let utc = wall - almatyOffsetMinutes(wall - 5 * 3_600_000) * 60_000;
  utc = wall - almatyOffsetMinutes(utc) * 60_000;
  return new Date(utc);
}

/** The instant as an Asia/Almaty `datetime-local` value ("2026-06-01T18:00"). */
export function utcToAlmatyLocal(date: Date): string {
  const offset = almatyOffsetMinutes(date.getTime());
  const wall = new Date(Math.floor(date.getTime() / 60_000) * 60_000 + offset * 60_000);
  return wall.toISOString().slice(0, 16);
}
