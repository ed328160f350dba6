import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pastWinners, programmes, type Localised } from "@/db/schema";
import { isValidIin } from "@/lib/domain/iin";
import { can } from "@/lib/domain/permissions";
import type { Actor } from "./applications";
import { writeAudit } from "./audit";

export const PAST_WINNERS_MIN_YEAR = 2000;
export const PAST_WINNERS_MAX_YEAR = 2100;
const CHUNK = 5_000;

export type PastWinnersResult<T> = { ok: true; data: T } | { ok: false; code: "forbidden" | "not_found" | "invalid" };

/** A wrong role is refused in the data layer too (the action checks 'programme.manage' first). */
function allowed(actor: Actor | null): actor is Actor {
  return !!actor && can(actor.role, "programme.manage");
}

function validInput(year: number, iins: readonly string[]): boolean {
  return (
    Number.isInteger(year) &&
    year >= PAST_WINNERS_MIN_YEAR &&
    year <= PAST_WINNERS_MAX_YEAR &&
    iins.length > 0 &&
    new Set(iins).size === iins.length &&
    iins.every(isValidIin)
  );
}

async function programmeExists(db: DbOrTx, programmeId: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(programmeId)) return false;
  const [p] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId));
  return !!p;
}

async function alreadyListed(db: DbOrTx, programmeId: string, year: number, iins: readonly string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < iins.length; i += CHUNK) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(pastWinners)
      .where(and(eq(pastWinners.programmeId, programmeId), eq(pastWinners.year, year), inArray(pastWinners.iin, iins.slice(i, i + CHUNK))));
    n += r?.n ?? 0;
  }
  return n;
}

export type PastWinnersProgramme = { id: string; code: string; name: Localised; excludePastWinners: boolean };

/** The programmes an admin may import a list for. */
export async function listProgrammesForPastWinners(actor: Actor): Promise<PastWinnersProgramme[]> {
  if (!allowed(actor)) throw new Error("forbidden: programme.manage");
  const rows = await getDb()
    .select({ id: programmes.id, code: programmes.code, kk: programmes.nameKk, ru: programmes.nameRu, en: programmes.nameEn, rules: programmes.eligibility })
    .from(programmes)
    .orderBy(asc(programmes.code));
  return rows.map((r) => ({ id: r.id, code: r.code, name: { kk: r.kk, ru: r.ru, en: r.en }, excludePastWinners: !!r.rules?.excludePastWinners }));
}

export type PastWinnersCount = { programmeId: string; programmeName: Localised; year: number; count: number };

/** How many IINs each programme and year lists (counts only, no IINs). */
export async function pastWinnersCounts(actor: Actor): Promise<PastWinnersCount[]> {
  if (!allowed(actor)) throw new Error("forbidden: programme.manage");
  const rows = await getDb()
    .select({
      programmeId: pastWinners.programmeId,
      kk: programmes.nameKk,
      ru: programmes.nameRu,
      en: programmes.nameEn,
      year: pastWinners.year,
      count: sql<number>`count(*)::int`,
    })
    .from(pastWinners)
    .innerJoin(programmes, eq(programmes.id, pastWinners.programmeId))
    .groupBy(pastWinners.programmeId, programmes.nameKk, programmes.nameRu, programmes.nameEn, programmes.code, pastWinners.year)
    .orderBy(asc(programmes.code), desc(pastWinners.year));
  return rows.map((r) => ({ programmeId: r.programmeId, programmeName: { kk: r.kk, ru: r.ru, en: r.en }, year: r.year, count: r.count }));
}

export type PastWinnersPreview = { total: number; newCount: number; existingCount: number };

/** Of these (valid, distinct) IINs, how many the programme's list for that year has already. */
export async function previewPastWinners(
  actor: Actor,
  programmeId: string,
  year: number,
  iins: readonly string[],
): Promise<PastWinnersResult<PastWinnersPreview>> {
  if (!allowed(actor)) return { ok: false, code: "forbidden" };
  if (!validInput(year, iins)) return { ok: false, code: "invalid" };
  const db = getDb();
  if (!(await programmeExists(db, programmeId))) return { ok: false, code: "not_found" };
  const existingCount = await alreadyListed(db, programmeId, year, iins);
  return { ok: true, data: { total: iins.length, newCount: iins.length - existingCount, existingCount } };
}

export type PastWinnersImport = { total: number; inserted: number; alreadyListed: number };

/**
 * Adds the IINs to the programme's list for that year in one transaction; those already listed are
 * left alone (importing the same file twice changes nothing). The audit row has the counts only.
 */
export async function importPastWinners(
  actor: Actor,
  programmeId: string,
  year: number,
  iins: readonly string[],
): Promise<PastWinnersResult<PastWinnersImport>> {
  if (!allowed(actor)) return { ok: false, code: "forbidden" };
  if (!validInput(year, iins)) return { ok: false, code: "invalid" };
  return getDb().transaction(async (tx) => {
    if (!(await programmeExists(tx, programmeId))) return { ok: false, code: "not_found" } as const;
    let inserted = 0;
    for (let i = 0; i < iins.length; i += CHUNK) {
      const rows = await tx
        .insert(pastWinners)
        .values(iins.slice(i, i + CHUNK).map((iin) => ({ programmeId, year, iin })))
        .onConflictDoNothing()
        .returning({ id: pastWinners.id });
      inserted += rows.length;
    }
    const data = { total: iins.length, inserted, alreadyListed: iins.length - inserted };
    await writeAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "past_winners.import",
      entityType: "programme",
      entityId: programmeId,
      changes: { year, ...data },
    });
    return { ok: true, data } as const;
  });
}
