import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import { TimeLeft, timeLeftParts } from "./TimeLeft";

function render(node: ReactNode, locale: Locale = "kk") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogue(locale)} timeZone="Asia/Almaty">
      {node}
    </NextIntlClientProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, "");

const NOW = new Date("2026-11-01T08:00:00Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

afterEach(() => resetClock());

describe("timeLeftParts", () => {
  it("days and hours while a day or more is left", () => {
    expect(timeLeftParts(NOW, at(30 * DAY + 5 * HOUR + 59 * MIN))).toEqual({ kind: "left", days: 30, hours: 5, iso: "P30DT5H" });
    expect(timeLeftParts(NOW, at(2 * DAY + 10 * MIN))).toEqual({ kind: "left", days: 2, iso: "P2D" });
  });

  it("hours and minutes under a day, minutes under an hour", () => {
    expect(timeLeftParts(NOW, at(23 * HOUR + 59 * MIN))).toEqual({ kind: "left", hours: 23, minutes: 59, iso: "PT23H59M" });
    expect(timeLeftParts(NOW, at(3 * HOUR))).toEqual({ kind: "left", hours: 3, iso: "PT3H" });
    expect(timeLeftParts(NOW, at(7 * MIN + 30_000))).toEqual({ kind: "left", minutes: 7, iso: "PT7M" });
  });

  it("under a minute, then closed at the deadline itself", () => {
    expect(timeLeftParts(NOW, at(59_999))).toEqual({ kind: "underMinute" });
    expect(timeLeftParts(NOW, NOW)).toEqual({ kind: "closed" });
    expect(timeLeftParts(NOW, at(-DAY))).toEqual({ kind: "closed" });
  });
});

describe("<TimeLeft>", () => {
  it("says it in each language, with Russian plural forms", () => {
    const d = at(30 * DAY + 5 * HOUR);
    expect(text(render(<TimeLeft now={NOW} deadline={d} />, "kk"))).toBe("30 күн 5 сағат қалды");
    expect(text(render(<TimeLeft now={NOW} deadline={d} />, "ru"))).toBe("Осталось: 30 дней 5 часов");
    expect(text(render(<TimeLeft now={NOW} deadline={d} />, "en"))).toBe("30 days 5 hours left");

    expect(text(render(<TimeLeft now={NOW} deadline={at(21 * DAY + HOUR)} />, "ru"))).toBe("Осталось: 21 день 1 час");
    expect(text(render(<TimeLeft now={NOW} deadline={at(2 * DAY + 3 * HOUR)} />, "ru"))).toBe("Осталось: 2 дня 3 часа");
    expect(text(render(<TimeLeft now={NOW} deadline={at(DAY + HOUR)} />, "en"))).toBe("1 day 1 hour left");
    expect(text(render(<TimeLeft now={NOW} deadline={at(HOUR + 22 * MIN)} />, "ru"))).toBe("Осталось: 1 час 22 минуты");
  });

  it("puts the duration in <time dateTime>", () => {
    expect(render(<TimeLeft now={NOW} deadline={at(30 * DAY + 5 * HOUR)} />, "en")).toBe(
      '<time dateTime="P30DT5H" data-testid="time-left">30 days 5 hours left</time>',
    );
  });

  it("says closed at and after the deadline, and under a minute just before", () => {
    expect(text(render(<TimeLeft now={NOW} deadline={NOW} />, "kk"))).toBe("Өтінім қабылдау аяқталды");
    expect(text(render(<TimeLeft now={NOW} deadline={NOW} />, "en"))).toBe("Applications closed");
    expect(text(render(<TimeLeft now={NOW} deadline={at(30_000)} />, "ru"))).toBe("Осталось меньше минуты");
  });

  it("reads now from lib/clock when not given", () => {
    setClock(NOW);
    expect(text(render(<TimeLeft deadline={at(3 * DAY)} />, "en"))).toBe("3 days left");
  });
});
