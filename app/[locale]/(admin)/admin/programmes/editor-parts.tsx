"use client";

import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/Field";
import type { SummaryError } from "@/app/_components/ErrorSummary";
import { validationMessage } from "@/lib/i18n/validation";

/*
 * Small pieces shared by the programme, call and MRP editors (client side): three inputs for a text in
 * kk/ru/en, an error summary built from react-hook-form's nested errors, and money shown the same on the
 * server and in the browser (browsers' kk currency data differ from Node's).
 */

/** The DOM id of a form path ("criteria.0.name.kk" → "criteria-0-name-kk"); the error summary links to it. */
export const fieldId = (path: string) => path.replace(/\./g, "-");

/** "1 500 000 ₸" with no-break spaces, identical in Node and every browser. */
export function formatTenge(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")}\u00a0₸`;
}

type Translator = ReturnType<typeof useTranslations<"Validation">>;

/** Every message of react-hook-form's (nested) errors, in form order, with the id of its field. */
export function collectErrors(errors: FieldErrors, tv: Translator, prefix = ""): SummaryError[] {
  const out: SummaryError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const v = value as { message?: unknown; type?: unknown };
    if (typeof v.message === "string" && typeof v.type === "string") {
      out.push({ fieldId: fieldId(path), message: validationMessage(tv, v.message) });
    } else if (typeof value === "object") {
      out.push(...collectErrors(value as FieldErrors, tv, path));
    }
  }
  return out;
}

/** The error message at a path of react-hook-form's errors, translated (undefined: none). */
export function errorAt(errors: FieldErrors, path: string, tv: Translator): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const m = (node as { message?: unknown } | undefined)?.message;
  return typeof m === "string" ? validationMessage(tv, m) : undefined;
}

const LANGS = ["kk", "ru", "en"] as const;

/** Three labelled inputs (or textareas) for one text in Kazakh, Russian and English. */
export function LocalisedFields<T extends FieldValues>({
  name,
  label,
  register,
  errors,
  multiline = false,
  maxLength,
  testId,
}: {
  name: string;
  label: string;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  multiline?: boolean;
  maxLength?: number;
  testId?: string;
}) {
  const t = useTranslations("AdminEditor");
  const tv = useTranslations("Validation");
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3" data-testid={testId}>
      {LANGS.map((lang) => {
        const path = `${name}.${lang}`;
        const id = fieldId(path);
        const error = errorAt(errors as FieldErrors, path, tv);
        const text = t("inLanguage", { label, language: t(`language.${lang}`) });
        if (!multiline) return <Field key={lang} id={id} label={text} lang={lang} maxLength={maxLength} error={error} {...register(path as Path<T>)} />;
        return (
          <div key={lang} className="flex flex-col gap-1">
            <label htmlFor={id} className="font-medium text-slate-900">
              {text}
            </label>
            {error ? (
              <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
                {error}
              </p>
            ) : null}
            <textarea
              id={id}
              lang={lang}
              rows={3}
              maxLength={maxLength}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={["w-full rounded-md border bg-white px-3 py-2.5 text-base", error ? "border-2 border-danger-600" : "border-slate-400"].join(" ")}
              {...register(path as Path<T>)}
            />
          </div>
        );
      })}
    </div>
  );
}

/** Up / down / remove buttons of one item of a list (keyboard-accessible, labelled with the item). */
export function ItemControls({
  index,
  count,
  itemLabel,
  onMove,
  onRemove,
  testId,
}: {
  index: number;
  count: number;
  itemLabel: string;
  onMove: (from: number, to: number) => void;
  onRemove?: () => void;
  testId?: string;
}) {
  const t = useTranslations("AdminEditor");
  const cls = "min-h-11 min-w-11 rounded-md border border-slate-400 bg-white px-3 text-sm font-semibold disabled:opacity-50";
  return (
    <div className="flex flex-wrap gap-2" data-testid={testId}>
      <button type="button" className={cls} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t("moveUp", { item: itemLabel })}>
        ↑ <span className="sr-only sm:not-sr-only">{t("up")}</span>
      </button>
      <button type="button" className={cls} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t("moveDown", { item: itemLabel })}>
        ↓ <span className="sr-only sm:not-sr-only">{t("down")}</span>
      </button>
      {onRemove ? (
        <button type="button" className={`${cls} text-danger-700`} onClick={onRemove} aria-label={t("removeItem", { item: itemLabel })}>
          {t("remove")}
        </button>
      ) : null}
    </div>
  );
}
