import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("ru"));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => null }));
vi.mock("@/lib/dal/calls", () => ({ listOpenCalls: async () => [] }));

// "No call open" cannot be made in the browser journeys without closing the demo's calls under the
// other specs running beside them: it is checked here, on the rendered page.
describe("the landing page with no call open", () => {
  it("says so, says when calls appear (no promise of a notification), and leads to the past results", async () => {
    const { default: Page } = await import("./page");
    const html = renderToStaticMarkup(await Page());
    const m = catalogue("ru").OpenCalls;
    expect(html).toContain('data-testid="no-open-calls"');
    expect(html).toContain(`<h3 class="text-lg font-semibold text-slate-900">${m.emptyTitle}</h3>`);
    expect(html).toContain(m.emptyText);
    expect(m.emptyText).not.toMatch(/уведом|письм|e-mail/i);
    expect(html).toMatch(/<a [^>]*href="\/results"[^>]*data-testid="no-open-calls-results"[^>]*>|<a [^>]*data-testid="no-open-calls-results"[^>]*href="\/results"[^>]*>/);
    expect(html).toContain(`${m.emptyAction}</a>`);
    // Signed out, the ways in stay: sign in and register.
    expect(html).toContain('data-testid="landing-register"');
    expect(html).not.toContain('data-testid="open-call"');
  });
});
