import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_CALL_TITLES } from "@/db/seed/call-titles";
import { PROGRAMMES } from "@/db/seed/programmes";
import { MAIL_PREVIEWS, previewId, renderSample } from "@/lib/mail/samples";
import { flatMessages } from "./flat";

/**
 * The glossary (lib/i18n/GLOSSARY.md) against the catalogues, the e-mails (lib/mail/templates.ts, each
 * template rendered with its sample payloads) and the seeded programme and call texts (db/seed): no kk or
 * ru text uses a word the glossary says to avoid, unless the same words are a glossary term (in that
 * language) or the text is listed below with a reason.
 */

type Lang = "kk" | "ru";
type Term = { en: string; use: Record<Lang, string[]>; avoid: Record<Lang, string[]>; definition: string };

/** Messages allowed to use an avoided variant: `key` may end in `.*` (a whole namespace), `avoid` may be `*`. */
const EXCEPTIONS: { lang: Lang; key: string; avoid: string; reason: string }[] = [
  {
    lang: "kk",
    key: "ApplicationView.feedbackTitle",
    avoid: "пікір*",
    reason: "the reviewers' feedback as a whole (scores and comments), not a comment",
  },
  {
    lang: "kk",
    key: "Consent.*",
    avoid: "*",
    reason: "the consent text is versioned (CONSENT_TEXT_VERSION): rewording it needs a new version, agreed with the operator",
  },
  {
    lang: "ru",
    key: "seed:tauelsizdik_urpaqtary.*",
    avoid: "результат*",
    reason: "a project's expected (measurable) results, not a call's published results (итоги)",
  },
  {
    lang: "ru",
    key: "seed:zangar.formSections[1].fields[1].label",
    avoid: "наград*",
    reason: "the honours a candidate has received elsewhere (Награды и дипломы), not an award of a grant",
  },
];

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

function variants(cell: string): string[] {
  if (cell === "—" || cell === "") return [];
  return cell.split(",").map((v) => v.trim()).filter(Boolean);
}

export function parseGlossary(markdown: string): Term[] {
  const rows = markdown.split("\n").filter((l) => l.trim().startsWith("|"));
  const [header, separator, ...body] = rows;
  expect(cells(header ?? "")).toEqual(["English", "Kazakh", "Russian", "Definition", "Avoid (kk)", "Avoid (ru)"]);
  expect(separator).toMatch(/^\|(\s*-+\s*\|)+$/);
  return body.map((line) => {
    const c = cells(line);
    expect(c, line).toHaveLength(6);
    const [en, kk, ru, definition, avoidKk, avoidRu] = c as [string, string, string, string, string, string];
    return { en, definition, use: { kk: variants(kk), ru: variants(ru) }, avoid: { kk: variants(avoidKk), ru: variants(avoidRu) } };
  });
}

const LETTER = "[\\p{L}\\p{M}]";

/** `заявк*` → a whole-word, case-insensitive pattern; `*` is any ending, words of a phrase in order. */
export function variantPattern(variant: string): RegExp {
  const words = variant.split(/\s+/).map((w) =>
    w
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(`[\\p{L}\\p{M}-]*`),
  );
  return new RegExp(`(?<!${LETTER})${words.join("\\s+")}(?!${LETTER})`, "giu");
}

function ranges(text: string, pattern: RegExp): [number, number][] {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

const GLOSSARY = parseGlossary(readFileSync(path.join(import.meta.dirname, "GLOSSARY.md"), "utf8"));
const MESSAGES: Record<Lang, Map<string, string>> = { kk: flatMessages("kk"), ru: flatMessages("ru") };

/** Every e-mail in kk or ru, rendered with the admin preview's samples: `mail:<preview>.subject` / `.text`. */
function mailTexts(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of MAIL_PREVIEWS) {
    const m = renderSample(p, lang);
    out.set(`mail:${previewId(p)}.subject`, m.subject);
    out.set(`mail:${previewId(p)}.text`, m.text);
  }
  return out;
}

/** Every localised text of a seeded programme (name, description, form, criteria, directions…) and call title. */
function seedTexts(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.kk === "string" && typeof o.ru === "string" && typeof o.en === "string") out.set(where, o[lang] as string);
      else for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
    }
  };
  for (const p of PROGRAMMES) walk(p, `seed:${p.code}`);
  for (const [code, title] of Object.entries(DEMO_CALL_TITLES)) out.set(`seed:call.${code}`, title(2026)[lang]);
  return out;
}

const MAIL: Record<Lang, Map<string, string>> = { kk: mailTexts("kk"), ru: mailTexts("ru") };
const SEED: Record<Lang, Map<string, string>> = { kk: seedTexts("kk"), ru: seedTexts("ru") };
/** All the texts checked: the catalogues' messages, the e-mails and the seeded texts. */
const TEXTS: Record<Lang, Map<string, string>> = {
  kk: new Map([...MESSAGES.kk, ...MAIL.kk, ...SEED.kk]),
  ru: new Map([...MESSAGES.ru, ...MAIL.ru, ...SEED.ru]),
};

type Violation = { lang: Lang; key: string; avoid: string; text: string };

function excepted(v: Violation, e: (typeof EXCEPTIONS)[number]): boolean {
  const key = e.key.endsWith(".*") ? v.key.startsWith(e.key.slice(0, -1)) : v.key === e.key;
  return e.lang === v.lang && key && (e.avoid === "*" || e.avoid === v.avoid);
}

/** Every use of an avoided variant outside the glossary's own terms (exceptions not yet applied). */
function allViolations(lang: Lang): Violation[] {
  const terms = GLOSSARY.flatMap((t) => t.use[lang]).map(variantPattern);
  const out: Violation[] = [];
  for (const [key, text] of TEXTS[lang]) {
    const allowed = terms.flatMap((p) => ranges(text, p));
    for (const term of GLOSSARY) {
      for (const avoid of term.avoid[lang]) {
        for (const [from, to] of ranges(text, variantPattern(avoid))) {
          if (allowed.some(([a, b]) => a <= from && to <= b)) continue;
          out.push({ lang, key, avoid, text: `${lang} ${key}: “${text.slice(from, to)}” (${term.en}: avoid ${avoid}, use ${term.use[lang].join(", ")})` });
        }
      }
    }
  }
  return out;
}

const VIOLATIONS = [...allViolations("kk"), ...allViolations("ru")];

describe("glossary", () => {
  it("is a table of terms, each in kk and ru with a definition", () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(40);
    for (const t of GLOSSARY) {
      expect(t.en, "English term").not.toBe("");
      expect(t.use.kk.length, `${t.en}: Kazakh term`).toBeGreaterThan(0);
      expect(t.use.ru.length, `${t.en}: Russian term`).toBeGreaterThan(0);
      expect(t.definition.length, `${t.en}: definition`).toBeGreaterThan(10);
    }
    const names = GLOSSARY.map((t) => t.en);
    expect(new Set(names).size, "a term is listed twice").toBe(names.length);
  });

  it("uses the catalogues' words: every term of kk and ru appears in some message", () => {
    for (const lang of ["kk", "ru"] as const) {
      const texts = [...MESSAGES[lang].values()];
      for (const t of GLOSSARY) {
        for (const v of t.use[lang]) {
          const p = variantPattern(v);
          expect(texts.some((text) => text.search(p) >= 0), `${lang} ${t.en}: “${v}” is in no message`).toBe(true);
        }
      }
    }
  });

  it("matches whole words with any ending, and phrases in order", () => {
    expect("Байқау бюджеті".match(variantPattern("байқау*"))).toEqual(["Байқау"]);
    expect("Өлшемшарттар".match(variantPattern("өлшем*"))).toEqual(["Өлшемшарттар"]);
    expect("аудандар".match(variantPattern("ауд"))).toBeNull();
    expect("Грант кері қайтарылды".match(variantPattern("грант* кері қайтар*"))).toEqual(["Грант кері қайтарылды"]);
    expect("точка безубыточности".match(variantPattern("очк*"))).toBeNull();
  });

  it("lists only exceptions that are still needed, each with a reason", () => {
    for (const e of EXCEPTIONS) {
      expect(e.reason.length, `reason for ${e.lang} ${e.key}`).toBeGreaterThan(10);
      expect(VIOLATIONS.some((v) => excepted(v, e)), `exception no longer needed: ${e.lang} ${e.key} ${e.avoid}`).toBe(true);
    }
  });

  it("checks the e-mails (every template and variant) and the seeded programme and call texts too", () => {
    for (const lang of ["kk", "ru"] as const) {
      expect(MAIL[lang].size).toBe(MAIL_PREVIEWS.length * 2);
      expect([...MAIL[lang].values()].every((t) => t.length > 5)).toBe(true);
      // The three programmes, each with criteria and form fields, and the demo's calls.
      expect([...SEED[lang].keys()].filter((k) => k.includes(".criteria[")).length).toBeGreaterThanOrEqual(10);
      expect([...SEED[lang].keys()].filter((k) => k.includes(".formSections[")).length).toBeGreaterThanOrEqual(20);
      expect([...SEED[lang].keys()].filter((k) => k.startsWith("seed:call.")).length).toBe(3);
    }
    expect(SEED.kk.get("seed:biznes_bastau.name")).toBe("Бизнес бастау");
    expect(MAIL.ru.get("mail:decision.award_revoked.text")).toContain("отозван");
  });

  it.each(["kk", "ru"] as const)("%s messages, e-mails and seeded texts use the glossary's terms, not the avoided variants", (lang) => {
    const left = VIOLATIONS.filter((v) => v.lang === lang && !EXCEPTIONS.some((e) => excepted(v, e)));
    expect(left.map((v) => v.text)).toEqual([]);
  });
});
