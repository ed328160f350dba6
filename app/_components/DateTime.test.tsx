import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import { DateTime, machineDateTime } from "./DateTime";

function render(node: ReactNode, locale: Locale = "kk") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogue(locale)} timeZone="Asia/Almaty">
      {node}
    </NextIntlClientProvider>,
  );
}

// 18:00 in Almaty (UTC+5) on 1 December 2026; 23:30 UTC on 31 May is already 1 June in Almaty.
const DEADLINE = new Date("2026-12-01T13:00:00Z");
const LATE_UTC = new Date("2026-05-31T23:30:00Z");

describe("<DateTime>", () => {
  it("renders a <time> with the UTC instant and the Almaty wall time", () => {
    expect(render(<DateTime value={DEADLINE} />, "en")).toBe('<time dateTime="2026-12-01T13:00:00.000Z">Dec 1, 2026, 18:00</time>');
    expect(render(<DateTime value={DEADLINE} />, "ru")).toBe('<time dateTime="2026-12-01T13:00:00.000Z">1 дек. 2026 г., 18:00</time>');
    expect(render(<DateTime value={DEADLINE} />, "kk")).toContain(">2026 ж. 01 жел., 18:00</time>");
  });

  it("says the time zone when asked, in the viewer's language", () => {
    expect(render(<DateTime value={DEADLINE} withZone />, "kk")).toContain("18:00 (Алматы уақыты)</time>");
    expect(render(<DateTime value={DEADLINE} withZone />, "ru")).toContain("18:00 (время Алматы)</time>");
    expect(render(<DateTime value={DEADLINE} withZone />, "en")).toContain("18:00 (Almaty time)</time>");
  });

  it("a date only uses the Almaty calendar date, also in dateTime", () => {
    expect(render(<DateTime value={LATE_UTC} dateOnly />, "en")).toBe('<time dateTime="2026-06-01">Jun 1, 2026</time>');
    expect(machineDateTime(LATE_UTC, true)).toBe("2026-06-01");
    expect(machineDateTime(LATE_UTC)).toBe("2026-05-31T23:30:00.000Z");
  });

  it("an explicit locale wins over the request's", () => {
    expect(render(<DateTime value={DEADLINE} locale="en" />, "ru")).toContain(">Dec 1, 2026, 18:00</time>");
  });
});
