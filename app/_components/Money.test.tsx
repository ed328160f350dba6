import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import { Money } from "./Money";

function render(node: ReactNode, locale: Locale = "kk") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogue(locale)} timeZone="Asia/Almaty">
      {node}
    </NextIntlClientProvider>,
  );
}

const NBSP = "\u00a0";

describe("<Money>", () => {
  it("formats in the request's locale with the exact code points", () => {
    expect(render(<Money amount={1_500_000} />, "kk")).toContain(`>1${NBSP}500${NBSP}000${NBSP}₸</data>`);
    expect(render(<Money amount={1_500_000} />, "ru")).toContain(`>1${NBSP}500${NBSP}000${NBSP}₸</data>`);
    expect(render(<Money amount={1_500_000} />, "en")).toContain(">₸1,500,000</data>");
  });

  it("an explicit locale wins over the request's", () => {
    expect(render(<Money amount={136_500_000} locale="en" />, "kk")).toContain(">₸136,500,000</data>");
  });

  it("keeps the machine-readable amount in <data value>", () => {
    const html = render(<Money amount={500_000} className="font-bold" />, "ru");
    expect(html).toMatch(/^<data value="500000" class="whitespace-nowrap tabular-nums font-bold">/);
  });

  it("refuses fractions of a tenge", () => {
    expect(() => render(<Money amount={10.5} />)).toThrow(/whole tenge/);
  });
});
