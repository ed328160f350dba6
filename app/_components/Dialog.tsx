"use client";

import type { ReactElement, ReactNode } from "react";
import { Dialog as RadixDialog } from "radix-ui";
import { useTranslations } from "next-intl";

export type DialogProps = {
  /** The element that opens the dialog (a <button>); it gets aria-haspopup/expanded/controls. */
  trigger?: ReactElement;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Refuse Escape and outside clicks (while something is being saved). */
  dismissible?: boolean;
  "data-testid"?: string;
};

/**
 * A modal dialog on Radix: labelled by its title (and described by its description), focus moved in
 * and trapped while open, Escape and the close button (named "Close" in the viewer's language)
 * close it, and focus returns to the trigger. Radix's scroll lock injects a <style> tag, which
 * gets the CSP nonce from <NonceSetter> (get-nonce).
 */
export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  defaultOpen,
  onOpenChange,
  dismissible = true,
  ...rest
}: DialogProps) {
  const t = useTranslations("Ui");
  const refuse = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  return (
    <RadixDialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/60" />
        <RadixDialog.Content
          // Without a description Radix must not point aria-describedby at nothing.
          {...(description ? {} : { "aria-describedby": undefined })}
          onEscapeKeyDown={refuse}
          onPointerDownOutside={refuse}
          onInteractOutside={refuse}
          data-testid={rest["data-testid"]}
          className={[
            "fixed inset-x-0 bottom-0 z-50 max-h-[90dvh] overflow-y-auto rounded-t-xl bg-white p-5 shadow-xl outline-none",
            "sm:inset-x-auto sm:top-1/2 sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-xl",
          ].join(" ")}
        >
          <div className="flex items-start justify-between gap-4">
            <RadixDialog.Title className="text-xl font-semibold text-slate-900">{title}</RadixDialog.Title>
            <RadixDialog.Close
              aria-label={t("close")}
              className="-mt-1 -mr-2 inline-flex size-11 shrink-0 items-center justify-center rounded-md text-2xl leading-none text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              <span aria-hidden="true">×</span>
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="mt-2 text-slate-700">{description}</RadixDialog.Description>
          ) : null}
          {children ? <div className="mt-4">{children}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button that closes the enclosing dialog (Cancel, Done). */
export function DialogClose({ children, className, disabled }: { children: ReactNode; className?: string; disabled?: boolean }) {
  return (
    <RadixDialog.Close className={className} disabled={disabled}>
      {children}
    </RadixDialog.Close>
  );
}
