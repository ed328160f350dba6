/** The search of a server log for personal data (used by the e2e run's global teardown). */

/** The forms a value could take in a log line: as stored, and a phone's digits without the plus. */
export function variants(value: string): string[] {
  const out = new Set([value]);
  if (/^\+7\d{10}$/.test(value)) out.add(value.slice(1));
  return [...out];
}

/** Which of the values occur in the log (each with the first line it is on, and that line's number from 1). */
export function findPersonalData(log: string, values: readonly string[]): { value: string; line: string; lineNumber: number }[] {
  const lines = log.split("\n");
  const lower = lines.map((l) => l.toLowerCase());
  const hits: { value: string; line: string; lineNumber: number }[] = [];
  for (const value of values) {
    for (const v of variants(value)) {
      // E-mail addresses are compared without regard to case.
      const i = v.includes("@") ? lower.findIndex((l) => l.includes(v.toLowerCase())) : lines.findIndex((l) => l.includes(v));
      const line = i >= 0 ? lines[i] : undefined;
      if (line) {
        hits.push({ value, line: line.slice(0, 200), lineNumber: i + 1 });
        break;
      }
    }
  }
  return hits;
}
