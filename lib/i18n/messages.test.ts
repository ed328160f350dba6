import { describe, expect, it } from "vitest";
import { catalogue } from "./catalogue";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(`${prefix}${k}`, v);
    else for (const [kk2, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk2, vv);
  }
  return out;
}

const KK = leaves(catalogue("kk") as unknown as Tree);
const RU = leaves(catalogue("ru") as unknown as Tree);
const EN = leaves(catalogue("en") as unknown as Tree);

/** Texts that are the same in every language on purpose (names, formats). */
const SAME_EVERYWHERE = new Set(["Metadata.titleTemplate", "Common.portalName"]);

describe("messages", () => {
  it("have the same keys in kk, ru and en", () => {
    expect([...RU.keys()].sort()).toEqual([...KK.keys()].sort());
    expect([...EN.keys()].sort()).toEqual([...KK.keys()].sort());
  });

  it("have no empty text", () => {
    for (const [lang, map] of [["kk", KK], ["ru", RU], ["en", EN]] as const) {
      for (const [key, text] of map) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("are translated, not English copies", () => {
    for (const [key, text] of EN) {
      if (SAME_EVERYWHERE.has(key)) continue;
      expect(KK.get(key), `kk ${key}`).not.toBe(text);
      expect(RU.get(key), `ru ${key}`).not.toBe(text);
    }
  });

  it("Kazakh texts are not Russian copies (names and loanwords aside)", () => {
    // The same word in both languages on purpose: brand and programme names, "Бюджет", "Конкурс" (the glossary's term for a call).
    const sameInKkAndRu = /^(Metadata\.titleTemplate|Common\.portalName|Landing\.programmes\.\w+\.name|OpenCalls\.budget|AdminPerson\.colCall)$/;
    for (const [key, text] of KK) {
      if (sameInKkAndRu.test(key)) continue;
      expect(RU.get(key), `kk and ru ${key}`).not.toBe(text);
    }
  });

  it("the Kazakh catalogue is written in Kazakh (uses its own letters)", () => {
    const kazakhLetters = /[әғқңөұүһі]/i;
    const withKazakh = [...KK.values()].filter((t) => kazakhLetters.test(t)).length;
    expect(withKazakh).toBeGreaterThan(KK.size / 4);
  });

  it("use the same placeholders in every language", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, text] of KK) {
      expect(placeholders(RU.get(key) ?? ""), `ru ${key}`).toEqual(placeholders(text));
      expect(placeholders(EN.get(key) ?? ""), `en ${key}`).toEqual(placeholders(text));
    }
  });
});
