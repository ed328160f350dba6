/**
 * The catalogues as flat maps "Namespace.key.sub" → text, in the catalogue's own order. Used by the
 * glossary test and by the native speakers' review list (scripts/i18n-review.ts).
 */
import { catalogue } from "./catalogue";
import type { Locale } from "./routing";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(`${prefix}${k}`, v);
    else leaves(v, `${prefix}${k}.`, out);
  }
  return out;
}

export function flatMessages(locale: Locale): Map<string, string> {
  return leaves(catalogue(locale) as unknown as Tree, "", new Map());
}
