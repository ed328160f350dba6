import { PageSkeleton } from "@/app/_components/Skeleton";

/** While the list of calls loads: a grey table. */
export default function Loading() {
  return <PageSkeleton shape="table" rows={6} />;
}
