import Link from "next/link";

/**
 * The page numbers to show around `page`: the first, the last, and the current with its neighbours;
 * `null` stands for a gap ("…"). Example: page 6 of 40 → 1 … 5 6 7 … 40.
 */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    // A gap of one page is shown as that page, not as "…".
    if (typeof last === "number" && p - last === 2) out.push(last + 1);
    else if (typeof last === "number" && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}

export type PaginationProps = {
  /** The navigation landmark's name, e.g. "Ranking pages" (a page may have more than one list). */
  label: string;
  page: number;
  pageCount: number;
  /** The address of a page (keeping the list's other parameters, e.g. its order). */
  href: (page: number) => string;
  labels: { previous: string; next: string; page: (page: number) => string };
  "data-testid"?: string;
};

const box =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border px-3 py-2 font-medium tabular-nums";

/**
 * Pages of a long list: previous and next links, the first, the last and the pages around the
 * current one (marked aria-current="page"). Renders nothing for a single page. Server or client.
 */
export function Pagination({ label, page, pageCount, href, labels, ...rest }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} data-testid={rest["data-testid"] ?? "pagination"}>
      <ul className="m-0 flex list-none flex-wrap items-center gap-2 p-0">
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev" className={`${box} border-slate-300 bg-white`} data-testid="page-previous">
              <span aria-hidden="true">←&nbsp;</span>
              {labels.previous}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-600">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-label={labels.page(p)}
                aria-current={p === page ? "page" : undefined}
                className={`${box} ${p === page ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
                data-testid="page-link"
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next" className={`${box} border-slate-300 bg-white`} data-testid="page-next">
              {labels.next}
              <span aria-hidden="true">&nbsp;→</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
