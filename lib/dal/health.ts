import "server-only";
import { getPool } from "@/db/client";

/** `SELECT 1` through the app's pool: the health check and the benchmarks' floor. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await getPool().query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
