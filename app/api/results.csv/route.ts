import { cookies } from "next/headers";
import { publicResults } from "@/lib/dal/public-results";
import { RFC4180 } from "@/lib/export/cells";
import { csvStream } from "@/lib/export/csv";
import { CSV_CONTENT_TYPE, downloadHeaders } from "@/lib/export/http";
import { publicResultsFileName, publicResultsSheet } from "@/lib/export/public-results";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

/**
 * GET /api/results.csv?lang=kk|ru|en — the public results as open data, no sign-in: UTF-8 with a BOM,
 * RFC 4180 (`,` between fields, `.` as the decimal mark), headings in the language asked for (else the
 * NEXT_LOCALE cookie's, else Kazakh). Nothing personal is in it (lib/dal/public-results.ts), so shared
 * caches may keep it for a few minutes.
 */
export async function GET(req: Request): Promise<Response> {
  const fromQuery = new URL(req.url).searchParams.get("lang");
  const fromCookie = isLocale(fromQuery) ? undefined : (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(fromQuery) ? fromQuery : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;

  const results = await publicResults();
  const file = publicResultsFileName(locale);
  const headers: Record<string, string> = {
    ...downloadHeaders(CSV_CONTENT_TYPE, file.name, file.ascii),
    "Cache-Control": "public, max-age=300",
  };
  delete headers.Pragma;
  // Without ?lang= the language comes from the cookie: a cache must keep one copy per cookie.
  if (!isLocale(fromQuery)) headers.Vary = "Cookie";
  return new Response(csvStream(publicResultsSheet(results, locale), RFC4180), { headers });
}
