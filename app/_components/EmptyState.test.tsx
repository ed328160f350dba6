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

  it("shows a second link after the first, each with its own test id", () => {
    const html = renderToStaticMarkup(
      <EmptyState
        title="Closed"
        action={{ href: "/", label: "Open calls", "data-testid": "first" }}
        secondaryAction={{ href: "/results", label: "Results", "data-testid": "second" }}
      />,
    );
    const links = [...html.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map((m) => ({ attrs: m[1], text: m[2] }));
    expect(links.map((l) => l.text)).toEqual(["Open calls", "Results"]);
    expect(links[0].attrs).toContain('href="/"');
    expect(links[0].attrs).toContain('data-testid="first"');
    expect(links[1].attrs).toContain('href="/results"');
    expect(links[1].attrs).toContain('data-testid="second"');
  });
});
