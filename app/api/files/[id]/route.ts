import { getViewer } from "@/lib/auth/viewer";
import { readAttachment } from "@/lib/dal/attachments";

export const dynamic = "force-dynamic";

/**
 * GET /api/files/:id — a file, only for its owner, an admin, or a reviewer assigned to the application
 * without a conflict (lib/dal/attachments decides). Anyone else gets 404: ids cannot be probed.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewer();
  const { id } = await ctx.params;
  const file = viewer ? await readAttachment({ id: viewer.id, role: viewer.role }, id) : null;
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.content.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
