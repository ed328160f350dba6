import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PROGRAMMES } from "@/db/seed/programmes";
import { catalogue } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/routing";
import { translateFieldErrors } from "@/lib/i18n/validation";
import * as account from "@/lib/validation/account";
import { applicationDataSchema } from "@/lib/validation/application";
import * as assignments from "@/lib/validation/assignments";
import * as auth from "@/lib/validation/auth";
import * as awards from "@/lib/validation/awards";
import * as conflicts from "@/lib/validation/conflicts";
import * as editor from "@/lib/validation/editor";
import { registrationSchema } from "@/lib/validation/registration";
import * as reviewAdmin from "@/lib/validation/review-admin";
import * as review from "@/lib/validation/review";
import * as screening from "@/lib/validation/screening";
import { HOSTILE_STRINGS } from "./hostile";

/**
 * Property-based tests of every input schema the server checks actions with: random and hostile
 * payloads never make a schema throw, and every refusal of a field comes back (as the actions turn it,
 * lib/i18n/validation.ts) as a message for that field in kk, ru and en: one of the `Validation`
 * messages, never zod's English default. A message that is not one of the catalogue's keys falls back
 * to the field's "Check this field."; the test counts those fallbacks and prints them.
 */

const RUNS = Number(process.env.FC_RUNS ?? 300);


const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string(), fc.string({ unit: "grapheme", maxLength: 50 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** An object with the schema's own keys (and some others), each holding something hostile. */
function hostileObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.oneof(fc.constantFrom(...keys, "extra", "__proto__", "constructor"), hostileString), hostileValue, { maxKeys: keys.length + 2 });
}

function objectKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { type?: string; shape?: Record<string, unknown>; left?: z.ZodType; right?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] } }).def;
  if (!def) return [];
  if (def.shape) return Object.keys(def.shape);
  if (def.left && def.right) return [...objectKeys(def.left), ...objectKeys(def.right)];
  if (def.in) return objectKeys(def.in);
  if (def.options) return def.options.flatMap(objectKeys);
  return [];
}

const validation = LOCALES.map((l) => (catalogue(l) as unknown as { Validation: Record<string, string> }).Validation);
const translators = validation.map((table) => {
  const t = (key: string) => table[key] ?? key;
  t.has = (key: string) => key in table;
  return t as unknown as Parameters<typeof translateFieldErrors>[0];
});
const texts = validation.map((table) => new Set(Object.values(table)));
const fallbacks = new Map<string, number>();

/** The schemas, by name: every zod schema exported by lib/validation, and the factories made concrete. */
function schemas(): [string, z.ZodType][] {
  const out: [string, z.ZodType][] = [];
  for (const mod of [account, assignments, auth, awards, conflicts, editor, reviewAdmin, review, screening]) {
    for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) out.push([name, value]);
  }
  out.push(["registrationSchema", registrationSchema(new Date("2026-12-02T06:00:00Z"))]);
  for (const p of PROGRAMMES) {
    for (const mode of ["draft", "submit"] as const) {
      out.push([`applicationDataSchema(${p.code}, ${mode})`, applicationDataSchema(p.formSections, { awardAmount: 1_500_000, directions: (p.directions ?? []).map((d) => d.code) }, mode)]);
    }
  }
  return out;
}

describe("every action's input schema under random and hostile payloads", () => {
  const all = schemas();

  it("covers the schemas of lib/validation", () => {
    expect(all.length).toBeGreaterThan(25);
  });

  for (const [name, schema] of all) {
    it(name, () => {
      const keys = objectKeys(schema);
      const payload = keys.length ? fc.oneof(hostileObject(keys), hostileValue) : hostileValue;
      fc.assert(
        fc.property(payload, (input) => {
          const r = schema.safeParse(input);
          if (r.success) return;
          const fieldErrors = z.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>;
          const fields = [...new Set(r.error.issues.filter((i) => i.path.length > 0).map((i) => String(i.path[0])))];
          translators.forEach((t, i) => {
            const messages = translateFieldErrors(t, fieldErrors);
            for (const field of fields) {
              // Every refused field gets a message, in the catalogue of the user's language.
              expect(messages[field], `${name}.${field} in ${LOCALES[i]}`).toBeTruthy();
              expect(texts[i].has(messages[field]), `${name}.${field} in ${LOCALES[i]}: "${messages[field]}"`).toBe(true);
            }
          });
          for (const issue of r.error.issues) {
            if (issue.path.length > 0 && !(issue.message in validation[0])) fallbacks.set(`${name}.${String(issue.path[0])}`, (fallbacks.get(`${name}.${String(issue.path[0])}`) ?? 0) + 1);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  afterAll(() => {
    // A report, not a check: these fields answer a value of the wrong type (never sent by the forms) generically.
    console.log(`[schemas] ${fallbacks.size} fields answered a hostile type with the generic "Check this field.": ${[...fallbacks.keys()].sort().join(", ") || "none"}`);
  });
});
