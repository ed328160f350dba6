/**
 * The admin dashboard's pure parts: its filters from a query string, the applicants' age groups, and the
 * shaping of the data layer's aggregates (lib/dal/dashboard.ts) into the charts' series. No I/O.
 */

export type DashboardFilters = {
  /** A programme's code (`biznes_bastau`). */
  programme?: string;
  /** A call's id (uuid). */
  call?: string;
  /** The call's year. */
  year?: number;
};

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v.trim() : "");
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_RE = /^[a-z][a-z0-9_]{0,59}$/;

/** The query string's filters (`?programme=…&call=…&year=…`); anything malformed is ignored, not refused. */
export function parseDashboardQuery(params: Params): DashboardFilters {
  const filters: DashboardFilters = {};
  const programme = one(params.programme);
  const call = one(params.call).toLowerCase();
  const year = one(params.year);
  if (CODE_RE.test(programme)) filters.programme = programme;
  if (UUID_RE.test(call)) filters.call = call;
  if (/^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2999) filters.year = Number(year);
  return filters;
}

/** The query string of some filters ("" when none), in a fixed order. */
export function dashboardQueryString(f: DashboardFilters): string {
  const q = new URLSearchParams();
  if (f.programme) q.set("programme", f.programme);
  if (f.call) q.set("call", f.call);
  if (f.year !== undefined) q.set("year", String(f.year));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * The age groups of the youth programmes (age on the call's closing date, Asia/Almaty). Programmes admit
 * 14–35: under 18 (with a guardian's consent), four groups of young adults, and — never expected, shown so
 * that nothing is silently dropped — over 35 and unknown (no birth date, e.g. an anonymised applicant).
 */
export const AGE_GROUPS = ["under18", "18-21", "22-25", "26-29", "30-35", "over35", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroup(age: number | null): AgeGroup {
  if (age === null || !Number.isInteger(age) || age < 0) return "unknown";
  if (age < 18) return "under18";
  if (age <= 21) return "18-21";
  if (age <= 25) return "22-25";
  if (age <= 29) return "26-29";
  if (age <= 35) return "30-35";
  return "over35";
}

export type SexKey = "female" | "male" | "unknown";
export type AgeSexCount = { age: number | null; sex: "female" | "male" | null; count: number };
export type AgeGroupRow = { group: AgeGroup; female: number; male: number; unknown: number; total: number };

/**
 * Counts per (age, sex) → one row per age group, in AGE_GROUPS order. The groups "over35" and "unknown"
 * appear only when they hold someone; the five expected groups always do (a zero is information).
 */
export function bucketAges(rows: readonly AgeSexCount[]): AgeGroupRow[] {
  const by = new Map<AgeGroup, AgeGroupRow>(AGE_GROUPS.map((g) => [g, { group: g, female: 0, male: 0, unknown: 0, total: 0 }]));
  for (const r of rows) {
    const row = by.get(ageGroup(r.age))!;
    row[r.sex ?? "unknown"] += r.count;
    row.total += r.count;
  }
  return AGE_GROUPS.map((g) => by.get(g)!).filter((r) => r.total > 0 || (r.group !== "over35" && r.group !== "unknown"));
}

/** Application statuses a submitted application can have (drafts and withdrawn ones are not received). */
export const RECEIVED_STATUSES = ["submitted", "ineligible", "in_review", "reviewed", "awarded", "waitlisted", "not_awarded", "award_revoked"] as const;
/** Passed screening: in review and every status after it. */
export const ELIGIBLE_STATUSES = ["in_review", "reviewed", "awarded", "waitlisted", "not_awarded", "award_revoked"] as const;
/** Every review done: reviewed and every decision after it. */
export const REVIEWED_STATUSES = ["reviewed", "awarded", "waitlisted", "not_awarded", "award_revoked"] as const;
/** Holding an active grant. */
export const AWARDED_STATUSES = ["awarded"] as const;

export type Funnel = { submitted: number; eligible: number; reviewed: number; awarded: number };

/**
 * The funnel from counts per status. Each stage is a subset of the one before (the workflow only moves
 * forward through these sets), so the funnel never widens.
 */
export function funnelOf(countsByStatus: Readonly<Record<string, number>>): Funnel {
  const sum = (statuses: readonly string[]) => statuses.reduce((s, st) => s + (countsByStatus[st] ?? 0), 0);
  return {
    submitted: sum(RECEIVED_STATUSES),
    eligible: sum(ELIGIBLE_STATUSES),
    reviewed: sum(REVIEWED_STATUSES),
    awarded: sum(AWARDED_STATUSES),
  };
}

export type DayDelta = { day: string; delta: number };
export type CumulativePoint = { day: string; awarded: number; cumulative: number };

/**
 * Awards (+amount on the day awarded) and revocations (−amount on the day revoked), summed per calendar
 * day → the cumulative amount per day, in date order. The last point equals the active awards' sum.
 */
export function cumulativeByDay(deltas: readonly DayDelta[]): CumulativePoint[] {
  const byDay = new Map<string, number>();
  for (const d of deltas) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.delta);
  let cumulative = 0;
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, awarded]) => {
      cumulative += awarded;
      return { day, awarded, cumulative };
    });
}

/**
 * The budget line's points: the award days, with a zero on the day before the first award and, when the
 * last award was before `today` (YYYY-MM-DD), today at the same total — so the line starts from nothing and
 * reaches the present instead of ending on a dot. No awards: no line.
 */
export function budgetLine(series: readonly CumulativePoint[], today: string): { day: string; cumulative: number }[] {
  if (series.length === 0) return [];
  const first = series[0];
  const last = series[series.length - 1];
  const before = new Date(Date.parse(`${first.day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return [
    { day: before, cumulative: 0 },
    ...series.map((p) => ({ day: p.day, cumulative: p.cumulative })),
    ...(today > last.day ? [{ day: today, cumulative: last.cumulative }] : []),
  ];
}

/** A share 0..100 rounded to a whole percent, or null when the whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** Words → lines of at most `max` characters (a longer word stays whole), at most `lines` of them ("…"). */
export function wrapLabel(text: string, max = 16, lines = 3): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + 1 + word.length <= max) out[last] = `${out[last]} ${word}`;
    else out.push(word);
  }
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1].slice(0, max - 1)}…`;
  return kept;
}
