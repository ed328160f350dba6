import { protocolDownload } from "../protocol-download";

export const dynamic = "force-dynamic";

/** GET /api/calls/:id/protocol.xlsx — the commission's protocol as an XLSX workbook; admins only, else 404. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return protocolDownload(req, ctx, "xlsx");
}
