"use client";

import { useId, useState, type ReactElement, type ReactNode } from "react";
import { SubmitButton } from "@/app/_components/Button";
import { buttonClasses } from "@/app/_components/button-styles";
import { Dialog, DialogClose } from "@/app/_components/Dialog";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import type { ActionResult } from "@/lib/auth/action";

export type ReasonDialogLabels = {
  title: ReactNode;
  description: ReactNode;
  reason: string;
  hint: string;
  counter: (count: number) => string;
  confirm: ReactNode;
  pending: ReactNode;
  cancel: ReactNode;
  errorTitle: string;
};

/**
 * A decision that needs a written reason (refusing an application, confirming or dismissing a
 * conflict flag): a dialog with a labelled textarea and a character counter. Its errors (the
 * server's translated messages) show in an error summary at the top that links to the field; the
 * dialog stays open on an error. `onResult` gets every result; `closeOn` says which close it.
 */
export function ReasonDialog({
  trigger,
  labels,
  maxLength,
  submit,
  onResult,
  closeOn = (r) => r.ok,
  "data-testid": testId,
}: {
  trigger: ReactElement;
  labels: ReasonDialogLabels;
  maxLength: number;
  submit: (reason: string) => Promise<ActionResult<unknown>>;
  onResult: (result: ActionResult<unknown>) => void;
  closeOn?: (result: ActionResult<unknown>) => boolean;
  "data-testid"?: string;
}) {
  const id = useId().replace(/:/g, "");
  const fieldId = `reason-${id}`;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const fieldError = errors.find((e) => e.fieldId === fieldId)?.message;

  async function action() {
    setBusy(true);
    try {
      const result = await submit(reason);
      if (closeOn(result)) {
        setOpen(false);
        setReason("");
        setErrors([]);
      } else if (!result.ok) {
        const fieldMessage = result.fieldErrors?.reason;
        setErrors(fieldMessage ? [{ fieldId, message: fieldMessage }] : [{ message: result.message }]);
      }
      onResult(result);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      trigger={trigger}
      title={labels.title}
      description={labels.description}
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (!next) setErrors([]);
      }}
      dismissible={!busy}
      data-testid={testId}
    >
      <form action={action} noValidate className="space-y-4">
        <ErrorSummary title={labels.errorTitle} errors={errors} />
        <div className="flex flex-col gap-1">
          <label htmlFor={fieldId} className="font-medium text-slate-900">
            {labels.reason}
          </label>
          <p id={`${fieldId}-hint`} className="text-sm text-slate-600">
            {labels.hint}
          </p>
          {fieldError ? (
            <p id={`${fieldId}-error`} className="text-sm font-medium text-danger-700">
              {fieldError}
            </p>
          ) : null}
          <textarea
            id={fieldId}
            name="reason"
            rows={5}
            value={reason}
            maxLength={maxLength}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={[`${fieldId}-hint`, fieldError ? `${fieldId}-error` : "", `${fieldId}-counter`].filter(Boolean).join(" ")}
            className={[
              "w-full rounded-md border bg-white px-3 py-2.5 text-base text-slate-900 shadow-xs focus-visible:border-brand-700",
              fieldError ? "border-2 border-danger-600" : "border-slate-400",
            ].join(" ")}
            data-testid="reason-input"
          />
          <p id={`${fieldId}-counter`} className="text-sm text-slate-600" aria-live="polite" data-testid="reason-counter">
            {labels.counter(reason.trim().length)}
          </p>
        </div>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <DialogClose className={buttonClasses("secondary")} disabled={busy}>
            {labels.cancel}
          </DialogClose>
          <SubmitButton variant="danger" pendingLabel={labels.pending} data-testid="reason-submit">
            {labels.confirm}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
