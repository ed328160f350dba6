import type { ReactNode } from "react";

/**
 * The pages live under app/[locale], whose layout renders <html lang>. This layout exists only so
 * that app/not-found.tsx (requests the proxy did not rewrite, e.g. `/missing.png`) has a parent.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
