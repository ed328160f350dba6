import { protocolDownload } from "../protocol-download";

export const dynamic = "force-dynamic";

/** GET /api/calls/:id/protocol.csv — the commission's protocol as CSV (UTF-8 with BOM, `;`); admins only, else 404. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return protocolDownload(req, ctx, "csv");
}
