/**
 * Reference data, seeded in every mode: the 11 districts, MRP rates and the three programmes with their
 * rubrics. Insert-if-missing: a row an admin has since edited (or a rubric an admin has reshaped) is never
 * overwritten, and a programme's criteria are inserted only together with the programme itself.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { districts, mrpRates, programmes, rubricCriteria } from "@/db/schema";
import { DISTRICTS } from "@/lib/domain/districts";
import { MRP_RATES, PROGRAMMES } from "./programmes";

/** Serialises concurrent seeds (two launchers starting at once) inside each seed transaction. */
export const SEED_LOCK = 74_202;

export type ReferenceResult = { districts: number; mrpRates: number; programmes: number; criteria: number };

export async function seedReference(db: Db): Promise<ReferenceResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);

    const d = await tx
      .insert(districts)
      .values(
        DISTRICTS.map((x, i) => ({ code: x.code, nameKk: x.kk, nameRu: x.ru, nameEn: x.en, rural: x.rural, sortOrder: i + 1 })),
      )
      .onConflictDoNothing({ target: districts.code })
      .returning({ code: districts.code });

    const m = await tx
      .insert(mrpRates)
      .values(MRP_RATES.map((r) => ({ year: r.year, amount: r.amount })))
      .onConflictDoNothing({ target: mrpRates.year })
      .returning({ year: mrpRates.year });

    let programmeCount = 0;
    let criteriaCount = 0;
    for (const p of PROGRAMMES) {
      const inserted = await tx
        .insert(programmes)
        .values({
          code: p.code,
          nameKk: p.name.kk,
          nameRu: p.name.ru,
          nameEn: p.name.en,
          descriptionKk: p.description.kk,
          descriptionRu: p.description.ru,
          descriptionEn: p.description.en,
          eligibility: p.eligibility,
          formSections: p.formSections,
          awardKind: p.awardKind,
          awardAmount: p.awardAmount,
          awardMrpMultiple: p.awardMrpMultiple,
          directions: p.directions,
          tieBreak: p.tieBreak,
          scoreOutOf: p.scoreOutOf,
        })
        // programmes_code_uq is a unique index on code: the conflict target names it by column.
        .onConflictDoNothing({ target: programmes.code })
        .returning({ id: programmes.id });
      if (inserted.length === 0) continue; // exists: an admin owns it now
      programmeCount++;
      const programmeId = inserted[0].id;
      const c = await tx
        .insert(rubricCriteria)
        .values(
          p.criteria.map((k, i) => ({
            programmeId,
            code: k.code,
            nameKk: k.name.kk,
            nameRu: k.name.ru,
            nameEn: k.name.en,
            descriptionKk: k.description.kk,
            descriptionRu: k.description.ru,
            descriptionEn: k.description.en,
            scaleMin: k.scaleMin,
            scaleMax: k.scaleMax,
            weight: k.weight,
            sortOrder: i + 1,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: rubricCriteria.id });
      criteriaCount += c.length;
    }
    return { districts: d.length, mrpRates: m.length, programmes: programmeCount, criteria: criteriaCount };
  });
}
