"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactElement, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "./Button";
import { buttonClasses } from "./button-styles";
import { Dialog, DialogClose } from "./Dialog";
import { ErrorSummary, type SummaryError } from "./ErrorSummary";

/** What an action may return: the portal's ActionResult, or nothing (it redirected). */
type Outcome = unknown;

/** A refusal: the message, and the fields it is about (empty when it is about none). */
export type Failure = { message: string; fieldErrors: Record<string, string> };

/**
 * A failed ActionResult (`{ ok: false, message, fieldErrors? }`) keeps the dialog open; anything else
 * (a success, nothing, or a failure with nothing to say) counts as done.
 */
export function failureOf(outcome: Outcome): Failure | null {
  if (!outcome || typeof outcome !== "object" || !("ok" in outcome) || outcome.ok !== false) return null;
  const { message, fieldErrors } = outcome as { message?: unknown; fieldErrors?: unknown };
  const fields: Record<string, string> = {};
  if (fieldErrors && typeof fieldErrors === "object") {
    for (const [name, text] of Object.entries(fieldErrors)) if (typeof text === "string" && text) fields[name] = text;
  }
  const text = typeof message === "string" ? message : "";
  if (!text && Object.keys(fields).length === 0) return null;
  return { message: text, fieldErrors: fields };
}

/** The message of a failed ActionResult, or null. */
export function failureMessage(outcome: Outcome): string | null {
  const failure = failureOf(outcome);
  return failure?.message || null;
}

/**
 * How a refusal is shown, once: field errors (when the dialog knows its fields' ids) in an error
 * summary whose entries link to their fields, plus the message only if it says something else;
 * otherwise the message alone in one alert.
 */
export function failureDisplay(
  failure: Failure,
  fieldIds: Record<string, string> | undefined,
): { kind: "summary"; errors: SummaryError[] } | { kind: "alert"; message: string } {
  const entries = Object.entries(failure.fieldErrors);
  if (fieldIds && entries.length > 0) {
    const errors: SummaryError[] = entries.map(([name, message]) => ({ fieldId: fieldIds[name], message }));
    if (failure.message && !entries.some(([, m]) => m === failure.message)) errors.unshift({ message: failure.message });
    return { kind: "summary", errors };
  }
  return { kind: "alert", message: failure.message || entries.map(([, m]) => m).join(" ") };
}

export type ConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: ReactNode;
  description: ReactNode;
  /** The server action (or any function) the confirm button sends the form's FormData to. */
  action: (formData: FormData) => Outcome | Promise<Outcome>;
  confirmLabel: ReactNode;
  /** Shown on the confirm button while the action runs. */
  pendingLabel?: ReactNode;
  /** Defaults to "Cancel" in the viewer's language. */
  cancelLabel?: ReactNode;
  /** Hidden fields sent with the form (ids, versions). */
  fields?: Record<string, string>;
  /**
   * For dialogs with fields: the title of the error summary and each field's element id (by its form
   * name), so a refusal's field errors are listed with links to their fields.
   */
  errorSummary?: { title: string; fieldIds: Record<string, string> };
  /**
   * Extra form content, e.g. a reason textarea; or a function of the last refusal's field errors (to
   * mark the fields `aria-invalid`), which are cleared when the dialog closes.
   */
  children?: ReactNode | ((state: { fieldErrors: Record<string, string> }) => ReactNode);
  tone?: "primary" | "danger";
  /** Called after a successful action (the dialog has closed). */
  onDone?: (outcome: Outcome) => void;
  "data-testid"?: string;
};

const NO_ERRORS: Record<string, string> = {};

/**
 * "Are you sure?" around a form: the confirm button submits the form to `action` and shows its
 * pending state; Cancel, Escape and the close button leave without doing anything. While the
 * action runs the dialog cannot be dismissed. A refusal is shown inside the dialog (see
 * `failureDisplay`), which takes focus so keyboard and screen reader users land on it.
 *
 * The form is submitted by its submit handler (FormData built from the form, the action called in
 * a transition), not through `<form action>`: React resets a form after its action, which would
 * throw away what the user typed and chose when the server refuses. There is no no-JavaScript path
 * to keep: the dialog itself only opens with JavaScript.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  action,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  fields,
  errorSummary,
  children,
  tone = "primary",
  onDone,
  ...rest
}: ConfirmDialogProps) {
  const t = useTranslations("Ui");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  // Each refusal gets a new number, so a repeated refusal with the same text takes focus again.
  const [failure, setFailure] = useState<(Failure & { attempt: number }) | null>(null);
  const attempts = useRef(0);
  const alertRef = useRef<HTMLParagraphElement>(null);

  const display = failure ? failureDisplay(failure, errorSummary?.fieldIds) : null;
  const alertAttempt = display?.kind === "alert" ? failure?.attempt : undefined;
  useEffect(() => {
    if (alertAttempt !== undefined) alertRef.current?.focus();
  }, [alertAttempt]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const nativeEvent = event.nativeEvent as SubmitEvent;
    const formData = new FormData(event.currentTarget, nativeEvent.submitter);
    startTransition(async () => {
      const outcome = await action(formData);
      const refused = failureOf(outcome);
      if (refused) {
        attempts.current += 1;
        setFailure({ ...refused, attempt: attempts.current });
        return;
      }
      setFailure(null);
      setOpen(false);
      onDone?.(outcome);
    });
  }

  return (
    <Dialog
      trigger={trigger}
      title={title}
      description={description}
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) setFailure(null);
      }}
      dismissible={!pending}
      data-testid={rest["data-testid"]}
    >
      <form onSubmit={submit} className="space-y-4">
        {display?.kind === "summary" && errorSummary ? (
          <ErrorSummary key={failure?.attempt} title={errorSummary.title} errors={display.errors} />
        ) : null}
        {fields
          ? Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
          : null}
        {typeof children === "function" ? children({ fieldErrors: failure?.fieldErrors ?? NO_ERRORS }) : children}
        {display?.kind === "alert" ? (
          <p
            ref={alertRef}
            role="alert"
            tabIndex={-1}
            className="rounded-md border-l-4 border-danger-600 bg-danger-50 px-3 py-2 font-medium text-danger-700"
          >
            {display.message}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <DialogClose className={buttonClasses("secondary")} disabled={pending}>
            {cancelLabel ?? t("cancel")}
          </DialogClose>
          <SubmitButton variant={tone} pending={pending} pendingLabel={pendingLabel} data-testid="confirm-dialog-confirm">
            {confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
