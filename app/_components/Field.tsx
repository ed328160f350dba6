import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = {
  /** Used for the input's id and name unless `name` is given; ErrorSummary links to `#id`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children?: never;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "children">;

/**
 * A labelled text input with an optional hint and error. The hint and the error are tied to the
 * input with aria-describedby; an error sets aria-invalid and a visible border.
 */
export function Field({ id, label, hint, error, className, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={input.name ?? id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={[
          "w-full rounded-md border bg-white px-3 py-2.5 text-base text-slate-900 shadow-xs",
          "focus-visible:border-brand-700",
          error ? "border-2 border-danger-600" : "border-slate-400",
          className ?? "",
        ].join(" ")}
        {...input}
      />
    </div>
  );
}
