import { isSameOrigin } from "@/lib/auth/same-origin";
import { logServerError } from "@/lib/auth/log";
import { getViewer } from "@/lib/auth/viewer";
import { addAttachment } from "@/lib/dal/attachments";
import { checkUpload, MAX_FILE_BYTES, safeFileName } from "@/lib/files/check";

export const dynamic = "force-dynamic";

type Refusal =
  | "unauthenticated"
  | "forbidden"
  | "bad_request"
  | "empty"
  | "too_large"
  | "type_not_allowed"
  | "too_many"
  | "not_found"
  | "not_draft"
  | "deadline_passed"
  | "storage_full"
  | "unavailable";

/** PostgreSQL's SQLSTATE of a failed query (Drizzle wraps the driver's error in `cause`). */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.cause?.code === "string" ? e.cause.code : e?.code;
  return typeof code === "string" ? code : undefined;
}

function refuse(code: Refusal, status: number): Response {
  // The browser translates the code (the upload widget has the messages).
  return Response.json({ ok: false, code }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * POST /api/files?applicationId=… with the file as the raw body (sent by XMLHttpRequest, so the page
 * shows upload progress) and its name in X-File-Name (URI-encoded). The body is streamed and cut off
 * past 10 MB; the type is decided by the first bytes, not by the name or Content-Type.
 */
export async function POST(req: Request): Promise<Response> {
  if (!isSameOrigin(req)) return refuse("forbidden", 403);
  const viewer = await getViewer();
  if (!viewer) return refuse("unauthenticated", 401);
  if (viewer.role !== "applicant") return refuse("forbidden", 403);
  const applicationId = new URL(req.url).searchParams.get("applicationId") ?? "";
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_FILE_BYTES) return refuse("too_large", 413);
  if (!req.body) return refuse("empty", 400);

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FILE_BYTES) {
      await reader.cancel();
      return refuse("too_large", 413);
    }
    chunks.push(value);
  }
  const content = Buffer.concat(chunks);
  const checked = checkUpload(content.subarray(0, 16), content.length);
  if (!checked.ok) return refuse(checked.code, checked.code === "too_large" ? 413 : 415);

  let name = "file";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "file");
  } catch {
    return refuse("bad_request", 400);
  }
  let r: Awaited<ReturnType<typeof addAttachment>>;
  try {
    r = await addAttachment({ id: viewer.id, role: viewer.role }, applicationId, { fileName: safeFileName(name, checked.kind), kind: checked.kind, content });
  } catch (err) {
    // The file and its record are written in one transaction: a failure leaves neither behind.
    const state = sqlState(err);
    logServerError("upload", err);
    // 53100: disk full. Anything else (too many connections, out of memory, unreachable) is "try again".
    return state === "53100" ? refuse("storage_full", 507) : refuse("unavailable", 503);
  }
  if (!r.ok) return refuse(r.code, r.code === "not_found" ? 404 : 409);
  return Response.json({ ok: true, attachment: { ...r.attachment, createdAt: r.attachment.createdAt.toISOString() } }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
