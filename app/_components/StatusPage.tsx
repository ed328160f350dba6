import Link from "next/link";
import type { ReactNode } from "react";

/** The body of the 404 and error pages: a code, a title, a sentence and a way back. */
export function StatusPage({
  code,
  title,
  body,
  backHome,
  children,
}: {
  code: string;
  title: string;
  body: string;
  backHome: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby="status-title" className="mx-auto max-w-xl space-y-4 py-8">
      <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase">{code}</p>
      <h1 id="status-title" className="text-3xl font-bold">
        {title}
      </h1>
      <p className="text-lg">{body}</p>
      {children}
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center">{backHome}</Link>
      </p>
    </section>
  );
}
