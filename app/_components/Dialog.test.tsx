import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";

// A portal renders nothing on the server; render the dialog in place to inspect its markup.
// (Focus trapping and Escape are Radix's behaviour; the features that use a dialog test them in a browser.)
vi.mock("radix-ui", async (importOriginal) => {
  const actual = await importOriginal<typeof import("radix-ui")>();
  return { ...actual, Dialog: { ...actual.Dialog, Portal: ({ children }: { children: ReactNode }) => children } };
});

const { Dialog } = await import("./Dialog");
const { ConfirmDialog, failureDisplay, failureMessage, failureOf } = await import("./ConfirmDialog");

function render(node: ReactNode, locale: Locale = "kk") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogue(locale)} timeZone="Asia/Almaty">
      {node}
    </NextIntlClientProvider>,
  );
}

describe("<Dialog>", () => {
  it("closed: only the trigger, which announces the dialog it opens", () => {
    const html = render(<Dialog trigger={<button type="button">Open</button>} title="Withdraw?" />);
    expect(html).toBe('<button type="button" aria-haspopup="dialog" aria-expanded="false" data-state="closed">Open</button>');
  });

  it("open: a modal dialog labelled by its title and described by its description, with a named close button", () => {
    const html = render(
      <Dialog trigger={<button type="button">Open</button>} title="Withdraw the application?" description="You can reopen it before the deadline." defaultOpen>
        <p>Body</p>
      </Dialog>,
      "ru",
    );
    expect(html).toContain('aria-expanded="true"');
    const dialog = html.match(/<div role="dialog" id="([^"]+)"[^>]*>/);
    expect(dialog).not.toBeNull();
    // The trigger controls the dialog.
    expect(html).toContain(`aria-controls="${dialog?.[1]}"`);
    // Radix points aria-labelledby/aria-describedby at these ids once they mount in the browser
    // (a layout effect), which a server render does not run.
    expect(html).toMatch(/<h2 id="[^"]+"[^>]*>Withdraw the application\?<\/h2>/);
    expect(html).toMatch(/<p id="[^"]+"[^>]*>You can reopen it before the deadline.<\/p>/);
    expect(html).toMatch(/<button type="button" aria-label="Закрыть"[^>]*><span aria-hidden="true">×<\/span><\/button>/);
    expect(html).toContain("<p>Body</p>");
  });

  it("without a description points aria-describedby at nothing", () => {
    const html = render(<Dialog title="Details" defaultOpen />, "en");
    const tag = html.match(/<div role="dialog"[^>]*>/)?.[0] ?? "";
    expect(tag).not.toContain("aria-describedby");
    expect(html).toContain('aria-label="Close"');
  });
});

describe("<ConfirmDialog>", () => {
  it("the trigger opens a dialog (closed at first)", () => {
    const html = render(
      <ConfirmDialog
        trigger={<button type="button">Withdraw</button>}
        title="Withdraw?"
        description="Sure?"
        confirmLabel="Withdraw"
        action={() => undefined}
      />,
    );
    expect(html).toContain('aria-haspopup="dialog"');
    expect(html).not.toContain('role="dialog"');
  });

  it("treats a failed ActionResult as a message to show and anything else as done", () => {
    expect(failureMessage({ ok: false, code: "deadline_passed", message: "Мерзім өтті." })).toBe("Мерзім өтті.");
    expect(failureMessage({ ok: true })).toBeNull();
    expect(failureMessage(undefined)).toBeNull();
    expect(failureMessage({ ok: false, code: "error", message: "" })).toBeNull();
  });

  it("reads a refusal's message and its field errors", () => {
    expect(failureOf({ ok: true })).toBeNull();
    expect(failureOf(undefined)).toBeNull();
    expect(failureOf({ ok: false, code: "conflict", message: "Тағайындалмаған." })).toEqual({ message: "Тағайындалмаған.", fieldErrors: {} });
    expect(
      failureOf({ ok: false, code: "invalid", message: "Тым қысқа.", fieldErrors: { reason: "Тым қысқа.", other: 3, empty: "" } }),
    ).toEqual({ message: "Тым қысқа.", fieldErrors: { reason: "Тым қысқа." } });
  });

  it("shows a refusal once: field errors in a linked summary, anything else in one alert", () => {
    const invalid = { message: "Тым қысқа.", fieldErrors: { reason: "Тым қысқа.", kind: "Түрін таңдаңыз." } };
    // The message repeats the first field's error: listed once, each entry linked to its field.
    expect(failureDisplay(invalid, { reason: "r-id", kind: "k-id" })).toEqual({
      kind: "summary",
      errors: [
        { fieldId: "r-id", message: "Тым қысқа." },
        { fieldId: "k-id", message: "Түрін таңдаңыз." },
      ],
    });
    // A message that says something else comes first, without a link; an unknown field has no link.
    expect(failureDisplay({ message: "Өзгеріс енгізілмеді.", fieldErrors: { note: "Міндетті." } }, { reason: "r-id" })).toEqual({
      kind: "summary",
      errors: [{ message: "Өзгеріс енгізілмеді." }, { fieldId: undefined, message: "Міндетті." }],
    });
    // A refusal about no field, or a dialog without fields: one alert.
    expect(failureDisplay({ message: "Тағайындалмаған.", fieldErrors: {} }, { reason: "r-id" })).toEqual({ kind: "alert", message: "Тағайындалмаған." });
    expect(failureDisplay(invalid, undefined)).toEqual({ kind: "alert", message: "Тым қысқа." });
  });
});
