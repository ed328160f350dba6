import { useTranslations } from "next-intl";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { Badge, type BadgeTone } from "./Badge";

/** The tone of each application status (lib/domain/workflow.ts). */
export const STATUS_TONES: Readonly<Record<ApplicationStatus, BadgeTone>> = {
  draft: "neutral",
  submitted: "info",
  withdrawn: "neutral",
  ineligible: "danger",
  in_review: "info",
  reviewed: "info",
  awarded: "success",
  waitlisted: "warning",
  not_awarded: "neutral",
  award_revoked: "danger",
};

export function statusTone(status: ApplicationStatus): BadgeTone {
  return STATUS_TONES[status];
}

/**
 * An application's status as a badge, labelled in the viewer's language (messages
 * `ApplicationStatus`, sent to the client too, so this works in server and client components).
 */
export function StatusBadge({ status, className }: { status: ApplicationStatus; className?: string }) {
  const t = useTranslations("ApplicationStatus");
  return (
    <Badge tone={statusTone(status)} className={className} data-testid="status-badge" data-status={status}>
      {t(status)}
    </Badge>
  );
}
