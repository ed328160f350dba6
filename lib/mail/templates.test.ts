import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATES, escapeHtml, renderMail } from "./templates";

const LANGS = ["kk", "ru", "en"] as const;
const payload = {
  name: "Әлия <b>",
  url: "https://grant.example.kz/x?a=1&b=2",
  role: "reviewer" as const,
  callTitle: { kk: "Бизнес бастау 2026", ru: "Бизнес бастау 2026", en: "Biznes bastau 2026" },
  when: { kk: "2026 ж. 01 жел., 18:00", ru: "1 дек. 2026 г., 18:00", en: "Dec 1, 2026, 18:00" },
  reference: "JG-1A2B3C",
  days: 3,
  count: 2,
  reason: "Жасы <35> шегінен асады & басқа",
  outcome: "awarded" as const,
  amount: { kk: "1 500 000 ₸", ru: "1 500 000 ₸", en: "₸1,500,000" },
};

describe("mail templates", () => {
  it.each(MAIL_TEMPLATES.flatMap((t) => LANGS.map((l) => [t, l] as const)))("%s in %s has subject, text and HTML with the link", (t, l) => {
    const m = renderMail(t, l, payload);
    expect(m.subject.length).toBeGreaterThan(5);
    expect(m.text).toContain(payload.url);
    expect(m.html).toContain(escapeHtml(payload.url));
    expect(m.html).toContain(`<html lang="${l}">`);
    // The name is escaped in HTML: markup in a user's name stays text.
    expect(m.html).not.toContain("<b>");
    expect(m.html).toContain("Әлия &lt;b&gt;");
  });

  it("each language is really written in it (kk and ru differ from en)", () => {
    for (const t of MAIL_TEMPLATES) {
      const en = renderMail(t, "en", payload);
      for (const l of ["kk", "ru"] as const) {
        const m = renderMail(t, l, payload);
        expect(m.subject).not.toBe(en.subject);
        expect(m.text).not.toBe(en.text);
      }
      expect(renderMail(t, "kk", payload).text).toMatch(/[әғқңөұүһі]/i);
    }
  });

  it("screening_refused carries the admin's reason, escaped in HTML", () => {
    for (const l of LANGS) {
      const m = renderMail("screening_refused", l, payload);
      expect(m.text).toContain(payload.reason);
      expect(m.text).toContain(payload.reference);
      expect(m.html).toContain("Жасы &lt;35&gt; шегінен асады &amp; басқа");
      expect(m.html).not.toContain("<35>");
      expect(m.subject).toContain(payload.callTitle[l]);
    }
  });

  it("review_reopened names the application by its reference and carries the admin's reason, escaped in HTML", () => {
    for (const l of LANGS) {
      const m = renderMail("review_reopened", l, payload);
      expect(m.subject).toContain(payload.reference);
      expect(m.text).toContain(payload.reference);
      expect(m.text).toContain(payload.callTitle[l]);
      expect(m.text).toContain(payload.reason);
      expect(m.html).toContain("Жасы &lt;35&gt; шегінен асады &amp; басқа");
      expect(m.html).not.toContain("<35>");
    }
    expect(renderMail("review_reopened", "ru", payload).subject).not.toBe(renderMail("review_reopened", "kk", payload).subject);
  });

  it("review_reminder names the call, the deadline in Almaty time, the days left and the count, in each language", () => {
    for (const l of LANGS) {
      const m = renderMail("review_reminder", l, payload);
      expect(m.subject).toContain("3");
      expect(m.text).toContain(payload.callTitle[l]);
      expect(m.text).toContain(payload.when[l]);
      expect(m.text).toMatch(/\b2\b/);
      expect(m.html).toContain(escapeHtml(payload.callTitle[l]));
    }
    expect(renderMail("review_reminder", "kk", payload).text).toContain("Алматы уақыты");
    expect(renderMail("review_reminder", "ru", payload).text).toContain("время Алматы");
    expect(renderMail("review_reminder", "ru", payload).subject).not.toBe(renderMail("review_reminder", "kk", payload).subject);
  });

  it.each(["awarded", "waitlisted", "not_awarded", "award_revoked"] as const)("decision (%s) says the outcome in each language, with the amount when awarded", (outcome) => {
    const texts = LANGS.map((l) => renderMail("decision", l, { ...payload, outcome }).text);
    expect(new Set(texts).size).toBe(3);
    for (const t of texts) expect(t).toContain(payload.reference);
    if (outcome === "awarded") {
      expect(texts[0]).toContain("1 500 000 ₸");
      expect(texts[2]).toContain("₸1,500,000");
    }
  });
});

describe("mail templates with hostile text (stored XSS)", () => {
  const attack = `<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)>`;
  const hostile = {
    ...payload,
    name: attack,
    callTitle: { kk: attack, ru: attack, en: attack },
    reference: attack,
    reason: attack,
    amount: { kk: attack, ru: attack, en: attack },
    when: { kk: attack, ru: attack, en: attack },
  };
  it.each(MAIL_TEMPLATES.flatMap((t) => LANGS.map((l) => [t, l] as const)))("%s in %s keeps every user-written value as text in the HTML", (t, l) => {
    const m = renderMail(t, l, hostile);
    expect(m.html).not.toMatch(/<script|<img|<svg/i);
    expect(m.html).toContain("&lt;script&gt;");
    // The only tags are the template's own.
    const tags = new Set([...m.html.matchAll(/<\/?([a-z]+)/gi)].map((x) => x[1].toLowerCase()));
    expect([...tags].filter((x) => !["html", "head", "meta", "title", "body", "div", "p", "a"].includes(x))).toEqual([]);
    // The subject and the plain text are text: nothing to escape, nothing interpreted.
    expect(m.subject).not.toMatch(/\n|\r/);
  });
});
