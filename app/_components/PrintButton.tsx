"use client";

import { buttonClasses } from "@/app/_components/button-styles";

/** Opens the browser's print dialog. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClasses("primary")} data-testid="print-now">
      {label}
    </button>
  );
}
