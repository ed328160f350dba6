import { describe, expect, it } from "vitest";
import { DECISION_OUTCOMES, MAIL_LANGUAGES, MAIL_PREVIEWS, previewId, renderSample, samplePayload, SET_PASSWORD_ROLES } from "./samples";
import { MAIL_TEMPLATES } from "./templates";

const ALL = MAIL_PREVIEWS.flatMap((p) => MAIL_LANGUAGES.map((l) => [previewId(p), l, p] as const));

describe("mail samples", () => {
  it("cover every template, each decision outcome and each set-password role, once", () => {
    expect(new Set(MAIL_PREVIEWS.map((p) => p.template))).toEqual(new Set(MAIL_TEMPLATES));
    expect(MAIL_PREVIEWS.filter((p) => p.template === "decision").map((p) => p.variant)).toEqual([...DECISION_OUTCOMES]);
    expect(MAIL_PREVIEWS.filter((p) => p.template === "set_password").map((p) => p.variant)).toEqual([...SET_PASSWORD_ROLES]);
    const ids = MAIL_PREVIEWS.map(previewId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("decision.award_revoked");
    expect(MAIL_PREVIEWS.length).toBe(MAIL_TEMPLATES.length - 2 + DECISION_OUTCOMES.length + SET_PASSWORD_ROLES.length);
  });

  it.each(ALL)("%s in %s renders a subject, a text and HTML with no placeholder left", (_id, lang, p) => {
    const m = renderSample(p, lang);
    for (const part of [m.subject, m.text, m.html]) {
      expect(part.trim().length).toBeGreaterThan(5);
      expect(part).not.toMatch(/undefined|null|NaN|\[object|\{|\}/);
    }
    expect(m.html).toContain(`<html lang="${lang}">`);
    expect(m.text).toContain(samplePayload(p).url);
    expect(m.subject).not.toMatch(/\n/);
  });

  it("are fictional: example.kz links, no real-looking IIN or e-mail address", () => {
    for (const p of MAIL_PREVIEWS) {
      const payload = JSON.stringify(samplePayload(p));
      expect(samplePayload(p).url.startsWith("https://jasgrant.example.kz/")).toBe(true);
      expect(payload).not.toMatch(/\b\d{12}\b/);
      expect(payload).not.toMatch(/@/);
    }
  });

  it("differ by variant: each outcome and role says something else", () => {
    for (const lang of MAIL_LANGUAGES) {
      const decisions = MAIL_PREVIEWS.filter((p) => p.template === "decision").map((p) => renderSample(p, lang).text);
      expect(new Set(decisions).size).toBe(DECISION_OUTCOMES.length);
      const roles = MAIL_PREVIEWS.filter((p) => p.template === "set_password").map((p) => renderSample(p, lang).text);
      expect(new Set(roles).size).toBe(SET_PASSWORD_ROLES.length);
    }
    expect(renderSample({ template: "decision", variant: "award_revoked" }, "ru").text).toContain("Причина:");
    expect(renderSample({ template: "decision", variant: "awarded" }, "kk").text).toMatch(/1\s500\s000\s₸/);
  });
});
