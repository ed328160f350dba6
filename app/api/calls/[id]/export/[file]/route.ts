import { cookies } from "next/headers";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/domain/permissions";
import { openCallExport } from "@/lib/dal/exports";
import { callExportFileName, callExportSheet, parseExportFile, ROWS_HEADER } from "@/lib/export/call-exports";
import { csvStream } from "@/lib/export/csv";
import { CSV_CONTENT_TYPE, downloadHeaders } from "@/lib/export/http";
import { XLSX_CONTENT_TYPE, xlsxStream } from "@/lib/export/xlsx";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; file: string }> };

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /api/calls/:id/export/{applications,reviews,awards}.{csv,xlsx} — one export of a call, streamed from
 * a database cursor while it is written (docs/decisions/0014-exports-from-a-cursor.md). Admins only:
 * anyone else, signed out included, gets 404, as for an unknown call or file. The language is `?lang=`
 * (set by the exports page), else the locale cookie, else the admin's profile language. The number of
 * rows the file will hold is sent in `X-Export-Rows` (the page's progress bar); the download is in the
 * audit log (`export.<kind>`) before the first byte goes out. A cancelled download closes the cursor.
 */
export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, "export.download")) return notFound();
  const { id, file } = await ctx.params;
  const wanted = parseExportFile(file);
  if (!wanted) return notFound();
  const fromQuery = new URL(req.url).searchParams.get("lang");
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(fromQuery) ? fromQuery : isLocale(fromCookie) ? fromCookie : viewer.language;

  const opened = await openCallExport({ id: viewer.id, role: viewer.role }, id, wanted.kind, { format: wanted.format, language: locale });
  if (!opened) return notFound();
  const sheet = callExportSheet(wanted.kind, opened.call, opened.records, locale);
  const name = callExportFileName(wanted.kind, opened.call, locale, wanted.format, now());
  const headers = {
    ...downloadHeaders(wanted.format === "csv" ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE, name.name, name.ascii),
    [ROWS_HEADER]: String(opened.total),
  };
  const body = wanted.format === "csv" ? csvStream(sheet) : xlsxStream([sheet], { title: `${sheet.name} — ${opened.call.title[locale]}` });
  return new Response(body, { headers });
}
