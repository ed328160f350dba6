import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import { announcement, makeToast, MAX_TOASTS, ToastProvider, toastReducer, useToast, type ToastItem } from "./Toast";

function render(node: ReactNode, locale: Locale = "kk") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogue(locale)} timeZone="Asia/Almaty">
      {node}
    </NextIntlClientProvider>,
  );
}

describe("toasts", () => {
  it("get defaults: info for 6 s, errors stay 10 s", () => {
    expect(makeToast({ title: "Сақталды" }, "a")).toEqual({ id: "a", title: "Сақталды", description: undefined, tone: "info", duration: 6_000 });
    expect(makeToast({ title: "Қате", tone: "error" }, "b").duration).toBe(10_000);
    expect(makeToast({ title: "x", tone: "success", duration: 2_000 }, "c").duration).toBe(2_000);
    expect(makeToast({ title: "x" }).id).not.toBe(makeToast({ title: "x" }).id);
  });

  it("the reducer adds, keeps at most MAX_TOASTS (oldest out) and dismisses by id", () => {
    let state: ToastItem[] = [];
    for (let i = 1; i <= MAX_TOASTS + 1; i++) state = toastReducer(state, { type: "add", toast: makeToast({ title: `t${i}` }, `id${i}`) });
    expect(state.map((t) => t.id)).toEqual(["id2", "id3", "id4"]);
    state = toastReducer(state, { type: "dismiss", id: "id3" });
    expect(state.map((t) => t.id)).toEqual(["id2", "id4"]);
    expect(toastReducer(state, { type: "dismiss", id: "nope" })).toEqual(state);
  });
});

describe("<ToastProvider>", () => {
  it("renders its children, a labelled notifications region (F8) and the announcer", () => {
    const html = render(
      <ToastProvider>
        <main>page</main>
      </ToastProvider>,
    );
    expect(html).toContain("<main>page</main>");
    expect(html).toMatch(/<div role="region" aria-label="Хабарламалар \(F8\)" tabindex="-1"[^>]*><ol[^>]*><\/ol><\/div>/);
    // Both live regions exist before any toast (one added with its text is often not read), without a role.
    expect(html).toMatch(/<div data-testid="toast-announcer"[^>]*><div aria-live="polite" aria-atomic="true"><\/div><div aria-live="assertive" aria-atomic="true"><\/div><\/div>/);
    expect(render(<ToastProvider>x</ToastProvider>, "ru")).toContain('aria-label="Уведомления (F8)"');
    expect(render(<ToastProvider>x</ToastProvider>, "en")).toContain('aria-label="Notifications (F8)"');
  });

  it("announces the title and the description", () => {
    expect(announcement({ title: "Сақталды" })).toBe("Сақталды");
    expect(announcement({ title: "Қате", description: "Қайталап көріңіз" })).toBe("Қате. Қайталап көріңіз");
  });

  it("useToast() outside the provider says where the provider belongs", () => {
    function Orphan() {
      useToast();
      return null;
    }
    expect(() => render(<Orphan />)).toThrow(/ToastProvider/);
  });

  it("useToast() inside the provider gives the API", () => {
    let api: ReturnType<typeof useToast> | undefined;
    function Probe() {
      api = useToast();
      return null;
    }
    render(
      <ToastProvider>
        <Probe />
      </ToastProvider>,
    );
    expect(typeof api?.toast).toBe("function");
    expect(typeof api?.dismiss).toBe("function");
  });
});
