import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/domain/workflow";
import { catalogue } from "@/lib/i18n/catalogue";
import { LOCALES, type Locale } from "@/lib/i18n/routing";
import { Badge, badgeClasses } from "./Badge";
import { StatusBadge, statusTone } from "./StatusBadge";

function renderStatus(status: ApplicationStatus, locale: Locale) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogue(locale)} timeZone="Asia/Almaty">
      <StatusBadge status={status} />
    </NextIntlClientProvider>,
  );
}

describe("<Badge>", () => {
  it("renders its text with the tone's classes", () => {
    const html = renderToStaticMarkup(<Badge tone="success">Awarded</Badge>);
    expect(html).toBe(`<span class="${badgeClasses("success")}">Awarded</span>`);
    expect(badgeClasses("success")).toContain("text-success-700");
    expect(badgeClasses("danger")).toContain("text-danger-700");
    expect(badgeClasses()).toContain("text-slate-800");
  });
});

describe("<StatusBadge>", () => {
  it("labels every application status in kk, ru and en", () => {
    for (const locale of LOCALES) {
      const labels = new Set<string>();
      for (const status of APPLICATION_STATUSES) {
        const label = catalogue(locale).ApplicationStatus[status];
        expect(label, `${locale} ${status}`).toBeTruthy();
        labels.add(label);
        const html = renderStatus(status, locale);
        expect(html).toContain(`data-status="${status}"`);
        expect(html).toContain(`>${label.replace(/&/g, "&amp;")}</span>`);
      }
      // Two statuses never look the same to a reader.
      expect(labels.size, locale).toBe(APPLICATION_STATUSES.length);
    }
  });

  it("uses the text in the viewer's language and a tone by outcome", () => {
    expect(renderStatus("awarded", "kk")).toContain(">Грант берілді</span>");
    expect(renderStatus("awarded", "ru")).toContain(">Грант присуждён</span>");
    expect(statusTone("awarded")).toBe("success");
    expect(statusTone("ineligible")).toBe("danger");
    expect(statusTone("waitlisted")).toBe("warning");
    expect(statusTone("in_review")).toBe("info");
    expect(renderStatus("award_revoked", "en")).toContain(badgeClasses("danger"));
  });
});
