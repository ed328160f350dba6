import { PageSkeleton } from "@/app/_components/Skeleton";

/** While the review queue loads: its items as grey cards. */
export default function Loading() {
  return <PageSkeleton shape="list" rows={3} />;
}
