"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses, type Variant } from "./button-styles";

type SubmitButtonProps = {
  children: ReactNode;
  /** Shown while the enclosing form's action runs (also announced to screen readers). */
  pendingLabel?: ReactNode;
  /** For forms whose pending state is tracked by the caller (useActionState). */
  pending?: boolean;
  variant?: Variant;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children">;

/** A submit button that shows its pending state (useFormStatus) and cannot be pressed twice. */
export function SubmitButton({ children, pendingLabel, pending, variant = "primary", className, ...rest }: SubmitButtonProps) {
  const status = useFormStatus();
  const isPending = pending ?? status.pending;
  return (
    <button
      {...rest}
      type="submit"
      aria-disabled={isPending || undefined}
      disabled={isPending || rest.disabled}
      className={buttonClasses(variant, className ?? "")}
    >
      {isPending ? (
        <>
          <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
          <span role="status">{pendingLabel ?? children}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
