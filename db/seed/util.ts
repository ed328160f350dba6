/** Small helpers of the seed: time in Asia/Almaty, a deterministic random source, hashing, batching. */
import { calendarDateIn } from "@/lib/domain/datetime";
import { weightedTotal as rubricTotal, type RubricCriterion } from "@/lib/domain/scoring";

const DAY_MS = 86_400_000;

/** The instant of a wall-clock time in Asia/Almaty (UTC+5 all year since 1 March 2024). */
export function almatyInstant(dateIso: string, hour: number, minute = 0): Date {
  const hh = String(hour).padStart(2, "0");
  const mm = String(minute).padStart(2, "0");
  return new Date(`${dateIso}T${hh}:${mm}:00+05:00`);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Almaty. */
export function almatyDate(at: Date): string {
  return calendarDateIn(at);
}

/** A YYYY-MM-DD date moved by whole days (and years). 29 February rolls to 1 March. */
export function shiftDate(dateIso: string, days: number, years = 0): string {
  const [y, m, d] = dateIso.split("-").map(Number);
  return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** A deterministic pseudo-random source (mulberry32): the same seed gives the same data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export { canonicalJson } from "@/lib/domain/canonical-json";
export { revisionContentHash } from "@/lib/dal/revision";

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type CriterionScale = RubricCriterion;

/**
 * A review's weighted total in the programme's points, 4 decimals as stored: the seed uses the domain's
 * `weightedTotal` (lib/domain/scoring.ts), the one authority, so seeded totals equal what the portal computes.
 */
export function weightedTotal(scores: number[], criteria: readonly CriterionScale[], scoreOutOf: number): number {
  return rubricTotal(scores, { criteria, scoreOutOf });
}
