import { describe, expect, it } from "vitest";
import { parsePreviewQuery, previewQueryString } from "./preview-query";
import { MAIL_LANGUAGES, MAIL_PREVIEWS } from "./samples";

describe("e-mail preview query", () => {
  it("reads a template, its variant and a language", () => {
    expect(parsePreviewQuery({ template: "decision", outcome: "waitlisted", lang: "ru" }, "kk")).toEqual({
      preview: { template: "decision", variant: "waitlisted" },
      lang: "ru",
      unknown: false,
    });
    expect(parsePreviewQuery({ template: "set_password", role: "admin", lang: "en" }, "kk")).toEqual({
      preview: { template: "set_password", variant: "admin" },
      lang: "en",
      unknown: false,
    });
    expect(parsePreviewQuery({ template: "review_reminder" }, "kk")).toEqual({ preview: { template: "review_reminder", variant: null }, lang: "kk", unknown: false });
  });

  it("shows the first e-mail in the page's language when nothing is asked", () => {
    expect(parsePreviewQuery({}, "ru")).toEqual({ preview: MAIL_PREVIEWS[0], lang: "ru", unknown: false });
  });

  it("falls back on anything unknown, and says so for an unknown template or variant", () => {
    expect(parsePreviewQuery({ template: "nope", lang: "de" }, "en")).toEqual({ preview: MAIL_PREVIEWS[0], lang: "en", unknown: true });
    expect(parsePreviewQuery({ template: "<script>" }, "kk").unknown).toBe(true);
    expect(parsePreviewQuery({ template: "decision", outcome: "maybe" }, "kk")).toEqual({ preview: { template: "decision", variant: "awarded" }, lang: "kk", unknown: true });
    expect(parsePreviewQuery({ template: "set_password", role: "applicant" }, "kk")).toEqual({ preview: { template: "set_password", variant: "reviewer" }, lang: "kk", unknown: true });
    expect(parsePreviewQuery({ template: "decision" }, "kk").preview).toEqual({ template: "decision", variant: "awarded" });
    // A variant that does not belong to the template is ignored.
    expect(parsePreviewQuery({ template: "verify_email", outcome: "awarded" }, "kk").preview).toEqual({ template: "verify_email", variant: null });
    // Repeated parameters: the first one counts.
    expect(parsePreviewQuery({ template: ["reset_password", "decision"], lang: ["en", "ru"] }, "kk")).toEqual({
      preview: { template: "reset_password", variant: null },
      lang: "en",
      unknown: false,
    });
  });

  it("writes the query string it reads back, for every preview and language", () => {
    for (const p of MAIL_PREVIEWS) {
      for (const lang of MAIL_LANGUAGES) {
        const qs = previewQueryString(p, lang);
        expect(parsePreviewQuery(Object.fromEntries(new URLSearchParams(qs)), "kk")).toEqual({ preview: p, lang, unknown: false });
      }
    }
    expect(previewQueryString({ template: "decision", variant: "awarded" }, "ru")).toBe("?template=decision&outcome=awarded&lang=ru");
  });
});
