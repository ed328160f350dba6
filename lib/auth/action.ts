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

type Options = {
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

async function fail(
  code: ActionErrorCode,
  message?: string,
  fieldErrors?: Record<string, string>,
): Promise<Extract<ActionResult<never>, { ok: false }>> {
  const t = await getTranslations("Errors");
  return { ok: false, code, message: message ?? t(code), ...(fieldErrors ? { fieldErrors } : {}) };
}

async function run<S extends z.ZodType, T>(
  schema: S,
  permission: Permission | null,
  fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  rawInput: unknown,
  options: Options,
): Promise<ActionResult<T>> {
  // Who first: an unauthenticated caller learns nothing, not even which fields are wrong.
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated");
  if (permission !== null && !can(viewer.role, permission)) return fail("forbidden");

  const input = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const tv = await getTranslations("Validation");
    const { fieldErrors } = z.flattenError(parsed.error);
    return fail("invalid", undefined, translateFieldErrors(tv, fieldErrors as Record<string, string[] | undefined>));
  }

  try {
    const data = await fn(parsed.data, { viewer });
    return data === undefined ? { ok: true } : { ok: true, data };
  } catch (err) {
    // redirect(), notFound(), forbidden() and Next's dynamic-rendering signals pass through.
    unstable_rethrow(err);
    if (err instanceof ActionError) return fail(err.code, err.translatedMessage, err.fieldErrors);
    logServerError(`action${options.name ? ` ${options.name}` : ""}`, err);
    return fail("error");
  }
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
  options: Options = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (input) => run(schema, permission, fn, input, options);
}

/** The same, shaped for `useActionState(action, null)`: (previous state, form data). */
export function authFormAction<S extends z.ZodType, T = void>(
  schema: S,
  permission: Permission | null,
  fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options: Options = {},
): (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (_prev, formData) => run(schema, permission, fn, formData, options);
}
