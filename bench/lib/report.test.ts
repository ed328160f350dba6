import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderText, Report, writeResults } from "./report";

describe("the benchmark table", () => {
  it("judges absolute limits and ratios to the floor", () => {
    const r = new Report();
    r.limit("memory", "idle RSS", 180, "MiB", "≤", 250);
    r.limit("export", "XLSX 200,000 rows", 21, "s", "≤", 20);
    r.ratio("pages", "GET / requests/s", 900, "req/s", 2000, "≥", 0.4, "40% of the floor");
    r.ratio("rush", "submit p95", 60, "ms", 10, "≤", 5, "5 × the floor's p95");
    r.add({ scenario: "ranking", figure: "p50", value: 160, unit: "ms", target: "" });
    expect(r.rows.map((x) => x.pass)).toEqual([true, false, true, false, null]);
    expect(r.rows[2].ratio).toBeCloseTo(0.45);
  });

  it("prints one aligned table and the same as Markdown", () => {
    const r = new Report();
    r.limit("memory", "idle RSS", 180, "MiB", "≤", 250);
    const text = renderText(r.rows).split("\n");
    expect(text[0]).toMatch(/^scenario\s+figure\s+value\s+floor\s+ratio\s+target\s+result$/);
    expect(text[1]).toContain("180 MiB");
    expect(text[1]).toMatch(/pass$/);
    const md = renderMarkdown(r.rows, "Measured now.");
    expect(md).toContain("| memory | idle RSS | 180 MiB |  |  | ≤ 250 MiB | pass |");
  });

  it("writes the smoke pass's table beside, not over, the latest one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-report-"));
    const r = new Report();
    r.limit("memory", "idle RSS", 180, "MiB", "≤", 250);
    writeResults(r.rows, { startedAt: "2026-12-02T10:00:00Z", machine: "test", scenarios: ["--smoke"] }, dir, "smoke");
    expect(fs.readdirSync(dir).sort()).toEqual(["smoke.json", "smoke.md"]);
    expect(fs.readFileSync(path.join(dir, "smoke.md"), "utf8")).toContain("`npm run bench -- --smoke`");
    fs.rmSync(dir, { recursive: true });
  });
});
