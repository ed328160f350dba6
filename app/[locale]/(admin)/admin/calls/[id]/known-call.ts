import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { adminCallExists } from "@/lib/dal/admin-calls";

/**
 * For the layout of a call page that has a loading skeleton: a page behind `loading.tsx` streams, so its
 * own notFound() would answer 200. The layout renders before the skeleton: an unknown call answers 404 there.
 */
export async function requireKnownCall(params: Promise<{ id: string }>): Promise<void> {
  const viewer = await requireRole("admin");
  const { id } = await params;
  if (!(await adminCallExists({ id: viewer.id, role: viewer.role }, id))) notFound();
}
