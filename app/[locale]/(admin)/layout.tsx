import type { ReactNode } from "react";
import { AreaMessages } from "@/app/_components/AreaMessages";

/** The texts this group's client components need (lib/i18n/messages.ts, CLIENT_NAMESPACE_AREAS.admin). */
export default function AdminGroupLayout({ children }: { children: ReactNode }) {
  return <AreaMessages area="admin">{children}</AreaMessages>;
}
