/** Button looks, shared by <SubmitButton> and links styled as buttons (server or client). */
export type Variant = "primary" | "secondary" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 border border-transparent",
  secondary: "bg-white text-brand-800 border border-brand-700 hover:bg-brand-50",
  danger: "bg-white text-danger-700 border border-danger-600 hover:bg-danger-50",
  link: "bg-transparent text-brand-700 underline underline-offset-2 border-0 px-0 py-0 hover:text-brand-900",
};

export function buttonClasses(variant: Variant = "primary", extra = ""): string {
  const base =
    variant === "link"
      ? ""
      : "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-semibold no-underline";
  return [base, VARIANTS[variant], "disabled:cursor-not-allowed disabled:opacity-70", extra].join(" ");
}

