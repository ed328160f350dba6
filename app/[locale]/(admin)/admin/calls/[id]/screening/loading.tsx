import { PageSkeleton } from "@/app/_components/Skeleton";

/** While the screening queue loads: its applications as grey cards. */
export default function Loading() {
  return <PageSkeleton shape="list" rows={4} />;
}
