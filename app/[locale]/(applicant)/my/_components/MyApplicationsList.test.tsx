import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { MyApplicationsList } from "./MyApplicationsList";

vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("kk"));

const m = catalogue("kk").MyApplications;
const links = (html: string) => [...html.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map((x) => ({ attrs: x[1], text: x[2] }));

describe("<MyApplicationsList> with no application", () => {
  it("with calls open, leads to them", async () => {
    const html = renderToStaticMarkup(await MyApplicationsList({ rows: [], openCalls: 2 }));
    expect(html).toContain('data-testid="my-applications-empty"');
    expect(html).toContain(m.emptyTitle);
    expect(links(html)).toEqual([expect.objectContaining({ text: m.emptyAction })]);
    expect(links(html)[0].attrs).toContain('href="/#open-calls-title"');
    expect(html).not.toContain(m.noCallsTitle);
  });

  it("with no call open, says so and when calls appear, and leads to the past results instead", async () => {
    const html = renderToStaticMarkup(await MyApplicationsList({ rows: [], openCalls: 0 }));
    expect(html).toContain('data-testid="my-no-open-calls"');
    expect(html).toContain(m.noCallsTitle);
    expect(html).toContain(m.noCallsText);
    expect(html).not.toContain('data-testid="my-applications-empty"');
    const [link] = links(html);
    expect(link.text).toBe(m.noCallsAction);
    expect(link.attrs).toContain('href="/results"');
    expect(link.attrs).toContain('data-testid="my-no-calls-results"');
  });
});
