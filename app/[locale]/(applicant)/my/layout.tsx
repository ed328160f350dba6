import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/guard";

/** /my and everything under it: applicants only (signed-out → sign-in page, other roles → 403). */
export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  await requireRole("applicant");
  return children;
}
