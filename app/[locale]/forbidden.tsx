import { ForbiddenView } from "@/app/_components/ForbiddenView";

/** Rendered with status 403 when a guard calls forbidden() (requireRole with another role). */
export default function Forbidden() {
  return <ForbiddenView />;
}
