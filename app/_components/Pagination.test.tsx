import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pageWindow, Pagination } from "./Pagination";

const labels = { previous: "Алдыңғы бет", next: "Келесі бет", page: (p: number) => `${p}-бет` };
const href = (p: number) => `/admin/calls/x/ranking?sort=raw${p > 1 ? `&page=${p}` : ""}`;

describe("pageWindow", () => {
  it("shows the first, the last and the current page with its neighbours, with gaps between", () => {
    expect(pageWindow(6, 40)).toEqual([1, null, 5, 6, 7, null, 40]);
    expect(pageWindow(1, 40)).toEqual([1, 2, null, 40]);
    expect(pageWindow(40, 40)).toEqual([1, null, 39, 40]);
    // A gap of a single page shows that page.
    expect(pageWindow(4, 40)).toEqual([1, 2, 3, 4, 5, null, 40]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe("<Pagination>", () => {
  it("renders nothing for a single page", () => {
    expect(renderToStaticMarkup(<Pagination label="Pages" page={1} pageCount={1} href={href} labels={labels} />)).toBe("");
  });

  it("a labelled nav: previous and next links, the current page marked, the list's order kept in every link", () => {
    const html = renderToStaticMarkup(<Pagination label="Рейтинг беттері" page={2} pageCount={3} href={href} labels={labels} />);
    expect(html).toMatch(/^<nav aria-label="Рейтинг беттері" data-testid="pagination">/);
    expect(html).toMatch(/<a rel="prev"[^>]*href="\/admin\/calls\/x\/ranking\?sort=raw">.*?Алдыңғы бет<\/a>/);
    expect(html).toMatch(/<a rel="next"[^>]*href="\/admin\/calls\/x\/ranking\?sort=raw&amp;page=3">Келесі бет.*?<\/a>/);
    expect(html).toMatch(/<a aria-label="2-бет" aria-current="page"[^>]*href="\/admin\/calls\/x\/ranking\?sort=raw&amp;page=2">2<\/a>/);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toMatch(/<a [^>]*aria-label="1-бет"[^>]*>1<\/a>/);
  });

  it("leaves out previous on the first page and next on the last", () => {
    const first = renderToStaticMarkup(<Pagination label="P" page={1} pageCount={5} href={href} labels={labels} />);
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('rel="next"');
    expect(first).toContain('<li aria-hidden="true" class="px-1 text-slate-600">…</li>');
    const last = renderToStaticMarkup(<Pagination label="P" page={5} pageCount={5} href={href} labels={labels} />);
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
  });
});
