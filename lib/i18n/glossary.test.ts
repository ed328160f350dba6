import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flatMessages } from "./flat";

/**
 * The glossary (lib/i18n/GLOSSARY.md) against the catalogues: no kk or ru message uses a word the
 * glossary says to avoid, unless the same words are a glossary term (in that language) or the message
 * is listed below with a reason.
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

type Violation = { lang: Lang; key: string; avoid: string; text: string };

function excepted(v: Violation, e: (typeof EXCEPTIONS)[number]): boolean {
  const key = e.key.endsWith(".*") ? v.key.startsWith(e.key.slice(0, -1)) : v.key === e.key;
  return e.lang === v.lang && key && (e.avoid === "*" || e.avoid === v.avoid);
}

/** Every use of an avoided variant outside the glossary's own terms (exceptions not yet applied). */
function allViolations(lang: Lang): Violation[] {
  const terms = GLOSSARY.flatMap((t) => t.use[lang]).map(variantPattern);
  const out: Violation[] = [];
  for (const [key, text] of MESSAGES[lang]) {
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

  it.each(["kk", "ru"] as const)("%s messages use the glossary's terms, not the avoided variants", (lang) => {
    const left = VIOLATIONS.filter((v) => v.lang === lang && !EXCEPTIONS.some((e) => excepted(v, e)));
    expect(left.map((v) => v.text)).toEqual([]);
  });
});
