import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/guard";

/** /admin and everything under it: admins only (signed-out → sign-in page, other roles → 403). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole("admin");
  return children;
}
