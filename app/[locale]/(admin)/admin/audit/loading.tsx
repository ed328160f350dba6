import { PageSkeleton } from "@/app/_components/Skeleton";

/** While the audit log loads: a grey table. */
export default function Loading() {
  return <PageSkeleton shape="table" rows={10} />;
}
