import { getViewer } from "@/lib/auth/viewer";
import { calendarDateIn } from "@/lib/domain/datetime";
import { now } from "@/lib/clock";
import { exportMyData } from "@/lib/dal/my-data";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store, max-age=0", Pragma: "no-cache" };

/**
 * GET /api/my-data — everything the portal holds about the signed-in person (Law No. 94-V), as a
 * JSON attachment. Signed out → 401. Never cached: the answer is personal and changes.
 */
export async function GET(): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) {
    return Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  }
  const data = await exportMyData({ id: viewer.id, role: viewer.role });
  const body = JSON.stringify(data, null, 2);
  const fileName = `jas-grant-my-data-${calendarDateIn(now())}.json`;
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
