/**
 * zod schemas in lib/validation use keys of the `Validation` messages namespace as their messages
 * (`z.string().min(1, "emailRequired")`). These helpers turn such a key into text; a message that
 * is not a key (a zod default, a schema bug) becomes the generic "Check this field."
 */
type ValidationTranslator = {
  (key: "invalid"): string;
  has(key: string): boolean;
};

export function validationMessage(t: ValidationTranslator, key: string | undefined): string {
  if (key && t.has(key)) return (t as unknown as (k: string) => string)(key);
  return t("invalid");
}

/** zod's flattened field errors (keys) → the first message of each field, translated. */
export function translateFieldErrors(
  t: ValidationTranslator,
  fieldErrors: Record<string, string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) {
    if (keys && keys.length > 0) out[field] = validationMessage(t, keys[0]);
  }
  return out;
}
