import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("ru"));
vi.mock("@/lib/dal/public-results", () => ({ publicResults: async () => [] }));

describe("the public results page with nothing published (as in the demo)", () => {
  it("shows the empty state with a way to the open calls, and still offers the CSV in the page's language", async () => {
    const { default: Page } = await import("./page");
    const html = renderToStaticMarkup(await Page());
    const m = catalogue("ru").PublicResults;
    expect(html).toContain('data-testid="results-empty"');
    expect(html).toContain(m.emptyTitle);
    expect(html).toContain(m.emptyText);
    expect(html).toContain(`href="/"`);
    expect(html).toContain('href="/api/results.csv?lang=ru"');
    expect(html).not.toContain("<table");
  });
});
