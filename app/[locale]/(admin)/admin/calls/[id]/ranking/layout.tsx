import type { ReactNode } from "react";
import { requireKnownCall } from "../known-call";

/** An unknown call answers 404 here, before the page streams behind its loading skeleton. */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requireKnownCall(params);
  return children;
}
