import { isSameOrigin } from "@/lib/auth/same-origin";
import { fieldsWithNul } from "@/lib/auth/action";
import { getViewer } from "@/lib/auth/viewer";
import { saveDraftSections } from "@/lib/dal/drafts";

export const dynamic = "force-dynamic";

/** Autosave bodies are a few sections of text and numbers; keepalive requests allow 64 KiB anyway. */
const MAX_BODY_BYTES = 512 * 1024;

type Code = "unauthenticated" | "forbidden" | "bad_request" | "too_large" | "invalid" | "not_found" | "conflict" | "deadline_passed" | "not_draft";

function json(body: Record<string, unknown>, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
const refuse = (code: Code, status: number, extra: Record<string, unknown> = {}) => json({ ok: false, code, ...extra }, status);

/**
 * PUT /api/applications/:id/draft — the wizard's autosave (also sent with `fetch(…, { keepalive: true })`
 * when the page is hidden). Body: JSON `{ "version": <the version last seen>, "data": { <section>: {…} } }`;
 * the sections sent replace the stored ones, others are kept.
 *
 * 200 `{ ok: true, version, savedAt }` (ISO instant) · 400 `{ ok: false, code: "bad_request" | "invalid", issues? }`
 * · 401 `unauthenticated` · 403 `forbidden` · 404 `not_found` (also someone else's id) · 409 `conflict`
 * (stale version; `version` is the current one) / `deadline_passed` / `not_draft` · 413 `too_large`.
 */
export async function PUT(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!isSameOrigin(req)) return refuse("forbidden", 403);
  const viewer = await getViewer();
  if (!viewer) return refuse("unauthenticated", 401);
  if (viewer.role !== "applicant") return refuse("forbidden", 403);
  const { id } = await ctx.params;

  if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return refuse("too_large", 413);
  let text: string;
  try {
    text = await req.text();
  } catch {
    return refuse("bad_request", 400);
  }
  if (text.length > MAX_BODY_BYTES) return refuse("too_large", 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse("bad_request", 400);
  }
  const { version, data } = (body ?? {}) as { version?: unknown; data?: unknown };
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1 || typeof data !== "object" || data === null || Array.isArray(data)) {
    return refuse("bad_request", 400);
  }

  // PostgreSQL stores no NUL character in JSON: refused here, before the query.
  if (fieldsWithNul(data).length) return refuse("bad_request", 400);

  const r = await saveDraftSections({ id: viewer.id, role: viewer.role }, id, version, data);
  if (r.ok) return json({ ok: true, version: r.version, savedAt: r.savedAt.toISOString() }, 200);
  switch (r.code) {
    case "invalid":
      return refuse("invalid", 400, { issues: r.issues });
    case "not_found":
      return refuse("not_found", 404);
    case "conflict":
      return refuse("conflict", 409, { version: r.version });
    case "deadline_passed":
      return refuse("deadline_passed", 409);
    case "invalid_transition":
      return refuse("not_draft", 409);
  }
}
