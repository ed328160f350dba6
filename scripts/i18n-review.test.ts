import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flatMessages } from "../lib/i18n/flat";
import { REVIEW_DOC_PATH, cell, renderReviewDoc } from "../lib/i18n/review-doc";

describe("docs/i18n-review.md", () => {
  const doc = renderReviewDoc();

  it("is up to date with the catalogues", () => {
    const onDisk = readFileSync(path.join(import.meta.dirname, "..", REVIEW_DOC_PATH), "utf8");
    expect(onDisk === doc, "docs/i18n-review.md is out of date: run npm run i18n:review").toBe(true);
  });

  it("lists every message key once, with its three texts", () => {
    const en = flatMessages("en");
    const kk = flatMessages("kk");
    const ru = flatMessages("ru");
    const rows = doc.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toHaveLength(en.size);
    for (const [key, text] of en) {
      const row = rows.find((r) => r.startsWith(`| \`${key}\` |`));
      expect(row, key).toBe(`| \`${key}\` | ${cell(text)} | ${cell(kk.get(key) ?? "")} | ${cell(ru.get(key) ?? "")} |  |`);
    }
    expect(doc).toContain(`Strings: ${kk.size} in Kazakh (kk), ${ru.size} in Russian (ru), ${en.size} in English (en)`);
  });

  it("escapes what would break a table row", () => {
    expect(cell("a | b\nc <b>d</b> & e")).toBe("a \\| b<br>c &lt;b>d&lt;/b> &amp; e");
  });
});
