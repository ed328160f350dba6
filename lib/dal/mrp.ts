import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mrpRates } from "@/db/schema";
import type { Actor } from "./applications";
import { writeAudit } from "./audit";
import { requireAdmin } from "./guard";

/*
 * The MRP (МРП / АЕК) table by year (issue 7). A call stores its own award amount, so changing a year's MRP
 * changes only the amount computed for calls created afterwards; existing calls keep theirs.
 */

export type MrpRow = { year: number; amount: number };

/** Every year's MRP, latest first. Admin only (thrown otherwise). */
export async function listMrp(actor: Actor): Promise<MrpRow[]> {
  requireAdmin(actor);
  return getDb().select({ year: mrpRates.year, amount: mrpRates.amount }).from(mrpRates).orderBy(asc(mrpRates.year));
}

export type MrpResult = { ok: true } | { ok: false; code: "exists" | "not_found" | "conflict" };

/** Add a year's MRP; refused if the year already has one. */
export async function addMrp(actor: Actor, year: number, amount: number): Promise<MrpResult> {
  requireAdmin(actor);
  return getDb().transaction(async (tx) => {
    const inserted = await tx.insert(mrpRates).values({ year, amount }).onConflictDoNothing({ target: mrpRates.year }).returning({ year: mrpRates.year });
    if (inserted.length === 0) return { ok: false, code: "exists" } as const;
    await writeAudit(tx, { actor, action: "mrp.create", entityType: "mrp_rate", entityId: year, changes: { amount: { from: null, to: amount } } });
    return { ok: true } as const;
  });
}

/**
 * Change a year's MRP. `expected` is the amount the form showed: if another admin changed it meanwhile,
 * the change is a conflict (conditional update, no lost update).
 */
export async function updateMrp(actor: Actor, year: number, amount: number, expected: number): Promise<MrpResult> {
  requireAdmin(actor);
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(mrpRates).where(eq(mrpRates.year, year)).for("update");
    if (!row) return { ok: false, code: "not_found" } as const;
    if (row.amount !== expected) return { ok: false, code: "conflict" } as const;
    if (row.amount === amount) return { ok: true } as const;
    await tx.update(mrpRates).set({ amount }).where(eq(mrpRates.year, year));
    await writeAudit(tx, { actor, action: "mrp.update", entityType: "mrp_rate", entityId: year, changes: { amount: { from: row.amount, to: amount } } });
    return { ok: true } as const;
  });
}
