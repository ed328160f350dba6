import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/guard";

/** /review and everything under it: reviewers only (signed-out → sign-in page, other roles → 403). */
export default async function ReviewerLayout({ children }: { children: ReactNode }) {
  await requireRole("reviewer");
  return children;
}
