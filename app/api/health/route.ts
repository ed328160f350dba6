import { databaseReachable } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not. Also the benchmarks' floor route. */
export async function GET(): Promise<Response> {
  const ok = await databaseReachable();
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
