import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { TIME_ZONE } from "@/lib/domain/datetime";
import { isLocale } from "@/lib/i18n/routing";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { ActionError, parseActionInput, settleAction, type ActionOptions, type ActionResult } from "./action";

/**
 * The result of a form action used signed out (register, forgot password, set a password): the one
 * ActionResult shape, a failure also carrying what was typed (`values`, never a password), so that
 * a form posted without JavaScript comes back filled in.
 */
export type FormResult<T = void> =
  | Extract<ActionResult<T>, { ok: true }>
  | (Extract<ActionResult<T>, { ok: false }> & { values?: Record<string, string> });

/** The state `useActionState` holds for such a form (null before the first submission). */
export type FormState<T = void> = FormResult<T> | null;

/** Fields never sent back to the browser (a password is typed again, never echoed). */
const SECRET_FIELD = /password/i;
const MAX_KEPT_LENGTH = 2000;

/** What was typed, to fill the form in again: strings only, no passwords, no React internals. */
export function keptValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || SECRET_FIELD.test(key) || typeof value !== "string") continue;
    if (key in out) continue;
    out[key] = value.slice(0, MAX_KEPT_LENGTH);
  }
  return out;
}

/**
 * A form action for people who may be signed out: zod input (field errors translated from the
 * `Validation` namespace), then `fn`, with authAction's handling of ActionError, unexpected errors
 * (one log line without personal data) and Next's redirect(). No session is required: `fn` decides
 * who may do what (the link's token, the e-mail's throttle). For `useActionState(action, null)`.
 *
 * `schema` may be a factory, called per request (e.g. `() => registrationSchema(now())`).
 */
export function publicFormAction<S extends z.ZodType, T = void>(
  schema: S | (() => S),
  fn: (input: z.output<S>) => Promise<T>,
  options: ActionOptions = {},
): (prev: FormState<T>, formData: FormData) => Promise<FormResult<T>> {
  return async (_prev, formData) => {
    const s = typeof schema === "function" ? (schema as () => S)() : schema;
    const parsed = await parseActionInput(s, formData);
    const result = parsed.ok ? await settleAction(() => fn(parsed.data), options) : parsed;
    return result.ok ? result : { ...result, values: keptValues(formData) };
  };
}

/**
 * End an action with field errors given as keys of the `Validation` namespace (what lib/dal returns,
 * e.g. `{ email: "emailTaken" }`), translated into the viewer's language.
 */
export async function failWithFieldKeys(fieldErrors: Record<string, string>): Promise<never> {
  const tv = await getTranslations("Validation");
  const lists = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, [v]]));
  throw new ActionError("invalid", undefined, translateFieldErrors(tv, lists));
}

/** The time of day in Asia/Almaty, 24-hour clock ("14:05"), in the viewer's language. */
export function almatyTime(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(`${isLocale(locale) ? locale : "kk"}-KZ`, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).format(at);
}

/** The throttle's answer (lib/dal/throttle): "too many attempts, try again after HH:MM (Almaty time)". */
export async function rateLimitedMessage(retryAt: Date): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("Errors"), getLocale()]);
  return t("rateLimitedUntil", { time: almatyTime(retryAt, locale) });
}

/** End an action with the throttle's answer. */
export async function failRateLimited(retryAt: Date): Promise<never> {
  throw new ActionError("rate_limited", await rateLimitedMessage(retryAt));
}
