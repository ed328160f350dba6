import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button-styles";

type EmptyStateProps = {
  title: ReactNode;
  text?: ReactNode;
  /** A way forward, e.g. { href: "/admin/calls/new", label: "Open a call" }. */
  action?: { href: string; label: ReactNode; "data-testid"?: string };
  /** A second way forward, shown after the first (e.g. the call's results next to the open calls). */
  secondaryAction?: { href: string; label: ReactNode; "data-testid"?: string };
  /** The heading's level in the page's outline (default 2). */
  headingLevel?: 2 | 3 | 4;
  className?: string;
  "data-testid"?: string;
};

/** What a list shows when it has nothing: a heading, a sentence and up to two links onward. Server or client. */
export function EmptyState({ title, text, action, secondaryAction, headingLevel = 2, className, ...rest }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <div
      className={["rounded-lg border border-dashed border-slate-400 bg-white px-4 py-8 text-center", className ?? ""].join(" ")}
      data-testid={rest["data-testid"] ?? "empty-state"}
    >
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      {text ? <p className="mx-auto mt-2 max-w-prose text-slate-700">{text}</p> : null}
      {action || secondaryAction ? (
        <p className="mt-4 flex flex-col items-center justify-center gap-3 sm:flex-row">
          {[action, secondaryAction].map((a, i) =>
            a ? (
              <Link key={i} href={a.href} className={buttonClasses("secondary")} data-testid={a["data-testid"]}>
                {a.label}
              </Link>
            ) : null,
          )}
        </p>
      ) : null}
    </div>
  );
}
