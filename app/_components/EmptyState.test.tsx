import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./EmptyState";

describe("<EmptyState>", () => {
  it("renders a heading at the requested level and the text", () => {
    const html = renderToStaticMarkup(<EmptyState title="No calls" text="Come back later." headingLevel={3} />);
    expect(html).toContain('<h3 class="text-lg font-semibold text-slate-900">No calls</h3>');
    expect(html).toContain("Come back later.</p>");
    expect(html).toContain('data-testid="empty-state"');
    expect(html).not.toContain("<a ");
  });

  it("defaults to h2 and links the optional action", () => {
    const html = renderToStaticMarkup(<EmptyState title="Nothing yet" action={{ href: "/admin/calls", label: "Open a call" }} data-testid="x" />);
    expect(html).toMatch(/<h2 [^>]*>Nothing yet<\/h2>/);
    expect(html).toMatch(/<a [^>]*href="\/admin\/calls"[^>]*>Open a call<\/a>/);
    expect(html).toContain('data-testid="x"');
  });
});
