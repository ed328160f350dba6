import "server-only";
import type { Role } from "@/lib/domain/permissions";

/** A record id as the database makes them: anything else is "not found" before any query. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The admin DAL functions' guard: a wrong role is a programming or routing error, thrown. */
export function requireAdmin<A extends { id: string; role: Role }>(actor: A | null): asserts actor is A & { role: "admin" } {
  if (!actor || actor.role !== "admin") throw new Error("forbidden: admin only");
}
