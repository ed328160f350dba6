import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can, type Permission } from "@/lib/domain/permissions";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { logServerError } from "./log";
import { getViewer, type Viewer } from "./viewer";

export const ACTION_ERROR_CODES = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "deadline_passed",
  "budget_exhausted",
  "rate_limited",
  // Submitting an application (the wizard): each gets its own message and help.
  "email_unverified",
  "ineligible",
  "incomplete",
  "error",
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

/** The one result shape of every server action (ARCHITECTURE.md). `message` is already translated. */
export type ActionResult<T = void> =
  | { ok: true; data?: T }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string> };

/**
 * Throw from inside an action's body to end it with a coded failure, e.g.
 * `throw new ActionError("deadline_passed")`. The message defaults to the code's text in the
 * viewer's language; pass `message` only if it is already translated.
 */
export class ActionError extends Error {
  constructor(
    readonly code: Exclude<ActionErrorCode, "error">,
    readonly translatedMessage?: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(code);
    this.name = "ActionError";
  }
}

export type ActionContext = { viewer: Viewer };

export type ActionOptions = {
  /** Used in the server log line when the body throws something unexpected. */
  name?: string;
};

/** FormData → a plain object; a key sent several times becomes an array. Files are kept as File. */
export function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const all = formData.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** A failure in the viewer's language (the code's text unless `message` is already translated). */
export async function fail(
  code: ActionErrorCode,
  message?: string,
  fieldErrors?: Record<string, string>,
): Promise<Extract<ActionResult<never>, { ok: false }>> {
  const t = await getTranslations("Errors");
  return { ok: false, code, message: message ?? t(code), ...(fieldErrors ? { fieldErrors } : {}) };
}

/** The top-level fields of an input whose value holds a NUL character anywhere inside ("" for the input itself). */
export function fieldsWithNul(input: unknown): string[] {
  const has = (v: unknown, depth = 0): boolean => {
    if (typeof v === "string") return v.includes("\u0000");
    if (depth > 20 || v === null || typeof v !== "object" || v instanceof Blob) return false;
    return Object.entries(v).some(([k, x]) => k.includes("\u0000") || has(x, depth + 1));
  };
  if (typeof input === "string") return has(input) ? [""] : [];
  if (input === null || typeof input !== "object" || input instanceof Blob) return [];
  return Object.entries(input).filter(([k, v]) => k.includes("\u0000") || has(v)).map(([k]) => (k.includes("\u0000") ? "" : k));
}

/**
 * Parse an action's input (FormData or an object) with its zod schema; on failure, the "invalid"
 * result with each field's first message translated from the `Validation` namespace.
 */
export async function parseActionInput<S extends z.ZodType>(
  schema: S,
  rawInput: unknown,
): Promise<{ ok: true; data: z.output<S> } | Extract<ActionResult<never>, { ok: false }>> {
  const input = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
  // PostgreSQL stores no NUL character in text or JSON: a field holding one is refused here, by name,
  // before it could reach a query and fail there.
  const withNul = fieldsWithNul(input);
  if (withNul.length) {
    const tv = await getTranslations("Validation");
    return fail("invalid", undefined, Object.fromEntries(withNul.map((f) => [f, tv("invalid")])));
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const tv = await getTranslations("Validation");
  const { fieldErrors } = z.flattenError(parsed.error);
  return fail("invalid", undefined, translateFieldErrors(tv, fieldErrors as Record<string, string[] | undefined>));
}

/**
 * Run an action's body: its value becomes `{ ok: true, data }`; an ActionError its coded failure;
 * anything else one log line without personal data and the generic "error". Next's redirect(),
 * notFound(), forbidden() and dynamic-rendering signals pass through.
 */
export async function settleAction<T>(body: () => Promise<T>, options: ActionOptions): Promise<ActionResult<T>> {
  try {
    const data = await body();
    return data === undefined ? { ok: true } : { ok: true, data };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof ActionError) return fail(err.code, err.translatedMessage, err.fieldErrors);
    logServerError(`action${options.name ? ` ${options.name}` : ""}`, err);
    return fail("error");
  }
}

async function run<S extends z.ZodType, T>(
  schema: S,
  permission: Permission | null,
  fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  rawInput: unknown,
  options: ActionOptions,
): Promise<ActionResult<T>> {
  // Who first: an unauthenticated caller learns nothing, not even which fields are wrong.
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated");
  if (permission !== null && !can(viewer.role, permission)) return fail("forbidden");

  const parsed = await parseActionInput(schema, rawInput);
  if (!parsed.ok) return parsed;
  return settleAction(() => fn(parsed.data, { viewer }), options);
}

/**
 * Wrap a server action body: session (fresh from the database), permission, zod input, then `fn`.
 * `permission: null` means any signed-in person (e.g. their own session). Use in an `actions.ts`:
 *
 *   export const submitApplication = authAction(submitSchema, "application.submit_own", async (input, { viewer }) => …);
 */
export function authAction<S extends z.ZodType, T = void>(
  schema: S,
  permission: Permission | null,
  fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options: ActionOptions = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (input) => run(schema, permission, fn, input, options);
}

/** The same, shaped for `useActionState(action, null)`: (previous state, form data). */
export function authFormAction<S extends z.ZodType, T = void>(
  schema: S,
  permission: Permission | null,
  fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options: ActionOptions = {},
): (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (_prev, formData) => run(schema, permission, fn, formData, options);
}
