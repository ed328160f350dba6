import type { HTMLAttributes } from "react";

/** The looks of a badge. The text carries the meaning; colour only repeats it. */
export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

// Every pair of text and background meets WCAG AA (4.5:1); the border keeps the shape visible in
// forced-colours mode, where backgrounds are dropped.
const TONES: Record<BadgeTone, string> = {
  neutral: "border-slate-400 bg-slate-100 text-slate-800",
  info: "border-brand-600 bg-brand-50 text-brand-900",
  success: "border-success-700 bg-success-50 text-success-700",
  warning: "border-amber-600 bg-amber-50 text-amber-900",
  danger: "border-danger-600 bg-danger-50 text-danger-700",
};

export function badgeClasses(tone: BadgeTone = "neutral", extra = ""): string {
  return [
    "inline-flex max-w-full items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold leading-5 whitespace-normal",
    TONES[tone],
    extra,
  ]
    .filter(Boolean)
    .join(" ");
}

type BadgeProps = { tone?: BadgeTone } & HTMLAttributes<HTMLSpanElement>;

/** A short label for a state (a status, a flag). Server or client. */
export function Badge({ tone = "neutral", className, ...rest }: BadgeProps) {
  return <span {...rest} className={badgeClasses(tone, className)} />;
}
