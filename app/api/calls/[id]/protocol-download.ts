import { cookies } from "next/headers";
import { getViewer } from "@/lib/auth/viewer";
import { callProtocol } from "@/lib/dal/protocol";
import { csvStream } from "@/lib/export/csv";
import { CSV_CONTENT_TYPE, downloadHeaders } from "@/lib/export/http";
import { protocolFileName, protocolRankingSheet, protocolSheets, protocolTranslators } from "@/lib/export/protocol";
import { XLSX_CONTENT_TYPE, xlsxStream } from "@/lib/export/xlsx";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/routing";

export type ProtocolFormat = "csv" | "xlsx";
type Ctx = { params: Promise<{ id: string }> };

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /api/calls/:id/protocol.csv and /protocol.xlsx — the commission's protocol of one call as a file
 * (docs/decisions/0011-commission-protocol.md). Admins only: anyone else, signed out included, gets 404,
 * as for an unknown call. The language is the page's (`?lang=`, set by the protocol page's links), else
 * the NEXT_LOCALE cookie, else the admin's profile language; `?sort=raw` orders by the raw rank. The body
 * is streamed while it is written; the download is in the audit log (`protocol.download`) before the
 * first byte goes out.
 */
export async function protocolDownload(req: Request, ctx: Ctx, format: ProtocolFormat): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return notFound();
  const { id } = await ctx.params;
  const url = new URL(req.url);
  const fromQuery = url.searchParams.get("lang");
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(fromQuery) ? fromQuery : isLocale(fromCookie) ? fromCookie : viewer.language;
  const sort = url.searchParams.get("sort") === "raw" ? "raw" : "normalised";

  const protocol = await callProtocol({ id: viewer.id, role: viewer.role }, id, { kind: "download", format, language: locale }, { sort });
  if (!protocol) return notFound();

  const file = protocolFileName(protocol, locale, format);
  if (format === "csv") {
    return new Response(csvStream(protocolRankingSheet(protocol, locale)), { headers: downloadHeaders(CSV_CONTENT_TYPE, file.name, file.ascii) });
  }
  const { t } = protocolTranslators(locale);
  const body = xlsxStream(protocolSheets(protocol, locale), { title: `${t("title")} — ${protocol.call.title[locale]}` });
  return new Response(body, { headers: downloadHeaders(XLSX_CONTENT_TYPE, file.name, file.ascii) });
}
