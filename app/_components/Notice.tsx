import type { ReactNode } from "react";

type Tone = "info" | "success";

/** A short status message (signed out, saved…); announced politely to screen readers. */
export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: Tone }) {
  const styles =
    tone === "success"
      ? "border-success-700 bg-success-50 text-success-700"
      : "border-brand-700 bg-brand-50 text-brand-900";
  return (
    <div role="status" className={`rounded-md border-l-4 px-4 py-3 ${styles}`}>
      {children}
    </div>
  );
}
