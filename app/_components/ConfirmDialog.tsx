"use client";

import { useState, type ReactElement, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "./Button";
import { buttonClasses } from "./button-styles";
import { Dialog, DialogClose } from "./Dialog";

/** What an action may return: the portal's ActionResult, or nothing (it redirected). */
type Outcome = unknown;

/** A failed ActionResult (`{ ok: false, message }`) keeps the dialog open and shows its message. */
export function failureMessage(outcome: Outcome): string | null {
  if (outcome && typeof outcome === "object" && "ok" in outcome && outcome.ok === false) {
    const message = (outcome as { message?: unknown }).message;
    return typeof message === "string" && message ? message : null;
  }
  return null;
}

export type ConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: ReactNode;
  description: ReactNode;
  /** The server action (or any function) the confirm button submits the form to. */
  action: (formData: FormData) => Outcome | Promise<Outcome>;
  confirmLabel: ReactNode;
  /** Shown on the confirm button while the action runs. */
  pendingLabel?: ReactNode;
  /** Defaults to "Cancel" in the viewer's language. */
  cancelLabel?: ReactNode;
  /** Hidden fields sent with the form (ids, versions). */
  fields?: Record<string, string>;
  /** Extra form content, e.g. a reason textarea. */
  children?: ReactNode;
  tone?: "primary" | "danger";
  /** Called after a successful action (the dialog has closed). */
  onDone?: (outcome: Outcome) => void;
  "data-testid"?: string;
};

/**
 * "Are you sure?" around a form: the confirm button submits the form to `action` and shows its
 * pending state; Cancel, Escape and the close button leave without doing anything. While the
 * action runs the dialog cannot be dismissed. A failed ActionResult is shown inside the dialog.
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
  children,
  tone = "primary",
  onDone,
  ...rest
}: ConfirmDialogProps) {
  const t = useTranslations("Ui");
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(formData: FormData) {
    setBusy(true);
    setError(null);
    try {
      const outcome = await action(formData);
      const failure = failureMessage(outcome);
      if (failure) {
        setError(failure);
        return;
      }
      setOpen(false);
      onDone?.(outcome);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      trigger={trigger}
      title={title}
      description={description}
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (!next) setError(null);
      }}
      dismissible={!busy}
      data-testid={rest["data-testid"]}
    >
      <form action={submit} className="space-y-4">
        {fields
          ? Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
          : null}
        {children}
        {error ? (
          <p role="alert" className="rounded-md border-l-4 border-danger-600 bg-danger-50 px-3 py-2 font-medium text-danger-700">
            {error}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <DialogClose className={buttonClasses("secondary")} disabled={busy}>
            {cancelLabel ?? t("cancel")}
          </DialogClose>
          <SubmitButton variant={tone} pendingLabel={pendingLabel} data-testid="confirm-dialog-confirm">
            {confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
