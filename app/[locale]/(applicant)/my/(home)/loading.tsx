import { PageSkeleton } from "@/app/_components/Skeleton";

/** While /my loads: the applicant's applications as grey cards. */
export default function Loading() {
  return <PageSkeleton shape="list" rows={3} />;
}
