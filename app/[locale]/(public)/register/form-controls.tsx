import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/**
 * Form controls the account forms need beside `Field` (app/_components): a labelled <select> and a
 * labelled checkbox, with the same hint / error / aria wiring. Native controls on purpose: on a phone
 * they open the system picker, and they work without JavaScript.
 * (Candidates for app/_components once another part needs them.)
 */

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type SelectFieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The first, empty option ("Choose…"); omit when a value is always chosen. */
  placeholder?: string;
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "children">;

export function SelectField({ id, label, hint, error, placeholder, options, className, ...select }: SelectFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={select.name ?? id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={[
          "min-h-11 w-full rounded-md border bg-white px-3 py-2.5 text-base text-slate-900 shadow-xs",
          "focus-visible:border-brand-700",
          error ? "border-2 border-danger-600" : "border-slate-400",
          className ?? "",
        ].join(" ")}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type CheckboxFieldProps = {
  id: string;
  label: ReactNode;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "children">;

export function CheckboxField({ id, label, error, ...input }: CheckboxFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      <div className={["flex items-start gap-3 rounded-md p-2", error ? "border-2 border-danger-600" : ""].join(" ")}>
        <input
          id={id}
          type="checkbox"
          name={input.name ?? id}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          className="mt-0.5 size-6 shrink-0 accent-brand-700"
          {...input}
        />
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
    </div>
  );
}

/** A titled group of fields (a <fieldset> with its <legend>). */
export function FieldGroup({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" data-testid={testId}>
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * A problem that is not one field's: a dead link, a refused action. `live` announces it when it appears
 * after an action (role="alert"); on a page that loads with it, it is plain text under the heading.
 */
export function ProblemNotice({ children, live = false, testId }: { children: ReactNode; live?: boolean; testId?: string }) {
  return (
    <div
      role={live ? "alert" : undefined}
      data-testid={testId}
      className="rounded-md border-l-4 border-danger-600 bg-danger-50 px-4 py-3 font-medium text-danger-700"
    >
      {children}
    </div>
  );
}
