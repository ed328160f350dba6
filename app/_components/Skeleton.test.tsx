import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { PageSkeleton, Skeleton } from "./Skeleton";

vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("kk"));

describe("<Skeleton>", () => {
  it("marks its region busy and says it is loading in a visually hidden status", () => {
    const html = renderToStaticMarkup(<Skeleton label="Loading…" />);
    expect(html).toMatch(/^<div aria-busy="true"[^>]*data-testid="skeleton"/);
    expect(html).toContain('<p role="status" class="sr-only">Loading…</p>');
    // The grey blocks are hidden from assistive technology, and pulse only without reduced motion.
    expect(html).toContain('<div aria-hidden="true"');
    expect(html).toContain("motion-safe:animate-pulse");
    expect(html).not.toMatch(/class="[^"]*(?<!motion-safe:)animate-pulse/);
  });

  it("draws as many rows as asked, as a list, a table or a grid of cards", () => {
    expect(renderToStaticMarkup(<Skeleton label="x" rows={3} />).match(/<li /g)).toHaveLength(3);
    const table = renderToStaticMarkup(<Skeleton label="x" shape="table" rows={5} />);
    expect(table).toContain('data-shape="table"');
    expect(table).not.toContain("<li");
    expect(table.match(/class="flex gap-3"/g)).toHaveLength(5);
    expect(renderToStaticMarkup(<Skeleton label="x" shape="cards" rows={2} />)).toContain("md:grid-cols-2");
  });

  it("<PageSkeleton> takes the status text from the catalogue in the request's language", async () => {
    const html = renderToStaticMarkup(await PageSkeleton({ shape: "table" }));
    expect(html).toContain(`<p role="status" class="sr-only">${catalogue("kk").Ui.loading}</p>`);
    expect(catalogue("kk").Ui.loading).toBe("Жүктелуде…");
    expect(html).toContain('aria-busy="true"');
  });
});
