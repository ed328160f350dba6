import { PageSkeleton } from "@/app/_components/Skeleton";

/** While the ranking loads: a grey table. */
export default function Loading() {
  return <PageSkeleton shape="table" rows={8} />;
}
