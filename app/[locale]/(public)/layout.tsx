import type { ReactNode } from "react";
import { AreaMessages } from "@/app/_components/AreaMessages";

/** The texts this group's client components need (lib/i18n/messages.ts, CLIENT_NAMESPACE_AREAS.public). */
export default function PublicGroupLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="public">{children}</AreaMessages>;
}
