/**
 * The benchmark's one table: each scenario's figure, the floor measured in the same run where a ratio
 * makes sense, the target and whether it is met. Printed, and written as JSON and Markdown under
 * bench/results/ (latest.json, latest.md; the README shows the latest table).
 */
import fs from "node:fs";
import path from "node:path";

export type ResultRow = {
  scenario: string;
  /** What is measured, e.g. "p95 of submit", "requests/s", "JS gzip". */
  figure: string;
  value: number;
  unit: string;
  /** The floor's figure in the same unit and run, when the target is a ratio to it. */
  floor?: number;
  /** value / floor (or its inverse, as the target reads), when there is a floor. */
  ratio?: number;
  target: string;
  /** null: no target (a figure for the record). */
  pass: boolean | null;
};

export class Report {
  readonly rows: ResultRow[] = [];

  add(row: Omit<ResultRow, "pass"> & { pass?: boolean | null }): void {
    this.rows.push({ ...row, pass: row.pass ?? null });
  }

  /** A figure against an absolute limit (`at most` or `at least`). */
  limit(scenario: string, figure: string, value: number, unit: string, op: "≤" | "≥", limit: number): void {
    this.add({ scenario, figure, value, unit, target: `${op} ${fmt(limit)} ${unit}`, pass: op === "≤" ? value <= limit : value >= limit });
  }

  /** A figure against a multiple of the floor measured in the same run. */
  ratio(scenario: string, figure: string, value: number, unit: string, floor: number, op: "≤" | "≥", factor: number, label: string): void {
    const ratio = floor > 0 ? value / floor : NaN;
    this.add({ scenario, figure, value, unit, floor, ratio, target: `${op} ${label}`, pass: op === "≤" ? ratio <= factor : ratio >= factor });
  }
}

function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1);
}

const COLUMNS = ["scenario", "figure", "value", "floor", "ratio", "target", "result"] as const;

function cells(r: ResultRow): string[] {
  return [
    r.scenario,
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    r.floor === undefined ? "" : `${fmt(r.floor)} ${r.unit}`,
    r.ratio === undefined || Number.isNaN(r.ratio) ? "" : r.ratio >= 10 ? `${r.ratio.toFixed(0)}×` : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.pass === null ? "—" : r.pass ? "pass" : "FAIL",
  ];
}

export function renderText(rows: readonly ResultRow[]): string {
  const table = [COLUMNS as readonly string[], ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  return table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

export function renderMarkdown(rows: readonly ResultRow[], meta: string): string {
  const head = `| ${COLUMNS.join(" | ")} |\n|${COLUMNS.map(() => "---").join("|")}|`;
  return `${meta}\n\n${head}\n${rows.map((r) => `| ${cells(r).join(" | ")} |`).join("\n")}\n`;
}

/** Write <name>.json and <name>.md under `dir` (bench/results by default; "latest", or "smoke" for the smoke pass). */
export function writeResults(
  rows: readonly ResultRow[],
  meta: { startedAt: string; machine: string; scenarios: string[] },
  dir = path.resolve("bench/results"),
  name = "latest",
): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ ...meta, rows }, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, `${name}.md`), renderMarkdown(rows, `Measured ${meta.startedAt} on ${meta.machine} (\`npm run bench${meta.scenarios.length ? ` -- ${meta.scenarios.join(" ")}` : ""}\`).`));
}
