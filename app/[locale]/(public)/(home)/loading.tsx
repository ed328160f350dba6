import { PageSkeleton } from "@/app/_components/Skeleton";

/** While the landing page loads: the open calls as a grid of grey cards. */
export default function Loading() {
  return <PageSkeleton shape="cards" rows={3} />;
}
