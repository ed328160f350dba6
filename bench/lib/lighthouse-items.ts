/** What a Lighthouse audit's details say, in a few words per item (bench/scenarios/lighthouse.ts prints them). */

export type Item = Record<string, unknown> & { type?: string; items?: Item[] };

/** Up to 3 of an audit's items: the reason (bf-cache), the script and the bytes to save, or the element (LCP). */
export function itemsOf(details: { items?: Item[] } | undefined): string[] {
  const flat: Item[] = [];
  for (const it of details?.items ?? []) {
    // The LCP element audit lists tables (the element, then the phases).
    if (it.type === "table" && Array.isArray(it.items)) flat.push(...it.items);
    else flat.push(it);
  }
  const out: string[] = [];
  for (const it of flat) {
    const node = it.node as { snippet?: string; selector?: string } | undefined;
    const source = it.source as { url?: string } | undefined;
    const label = it.reason ?? it.url ?? source?.url ?? node?.snippet ?? node?.selector ?? it.label;
    if (typeof label !== "string" || !label) continue;
    const waste = typeof it.wastedBytes === "number" ? ` (${(it.wastedBytes / 1024).toFixed(0)} KiB to save)` : "";
    out.push(`${label.replace(/^https?:\/\/[^/]+/, "").slice(0, 120)}${waste}`);
    if (out.length === 3) break;
  }
  return out;
}
