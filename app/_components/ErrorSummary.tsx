"use client";

import { useEffect, useId, useRef } from "react";

export type SummaryError = {
  /** The id of the field to jump to (`#id`), or undefined for an error of the whole form. */
  fieldId?: string;
  message: string;
};

/**
 * The list of a form's errors at its top. It takes focus when it appears (or changes), so screen
 * reader and keyboard users land on it; each error links to its field.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique, so a dialog's summary over a page's summary does not repeat an id.
  const titleId = `${useId()}-error-summary-title`;
  const signature = errors.map((e) => `${e.fieldId ?? ""}:${e.message}`).join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="error-summary"
      className="rounded-md border-2 border-danger-600 bg-danger-50 p-4"
    >
      <h2 id={titleId} className="text-lg font-semibold text-danger-700">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1 p-0">
        {errors.map((e) => (
          <li key={`${e.fieldId ?? "form"}-${e.message}`}>
            {e.fieldId ? (
              <a
                href={`#${e.fieldId}`}
                className="inline-flex min-h-11 items-center font-medium text-danger-700 hover:text-danger-700"
                onClick={(event) => {
                  const field = document.getElementById(e.fieldId ?? "");
                  if (field) {
                    event.preventDefault();
                    field.focus();
                  }
                }}
              >
                {e.message}
              </a>
            ) : (
              <span className="font-medium text-danger-700">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
