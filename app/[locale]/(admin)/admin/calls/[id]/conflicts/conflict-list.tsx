"use client";

import "@/app/_components/zod-client";
import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/Badge";
import { EmptyState } from "@/app/_components/EmptyState";
import { Table } from "@/app/_components/Table";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import type { ActionResult } from "@/lib/auth/action";
import type { FlagKind } from "@/lib/domain/conflict-flags";
import { RESOLUTION_REASON_MAX, RESOLUTION_REASON_MIN, type DeclaredConflictKind } from "@/lib/validation/conflicts";
import { ReasonDialog } from "../reason-dialog";
import { resolveFlagAction } from "./actions";

export type ConflictRow = {
  key: string;
  applicationId: string;
  reviewerId: string;
  source: "flagged" | "declared";
  kind: FlagKind | DeclaredConflictKind;
  status: "pending" | "confirmed" | "dismissed";
  reference: string;
  applicantName: string;
  district: string;
  reviewerName: string;
  detail: string | null;
  detected: boolean;
  decisionReason: string | null;
  decidedAt: ReactNode;
  assignmentStatus: "assigned" | "declined" | "removed" | null;
};

const STATUS_TONES: Record<ConflictRow["status"], BadgeTone> = { pending: "warning", confirmed: "danger", dismissed: "neutral" };

/** The call's flags and declarations; each flag can be confirmed or dismissed with a reason. */
export function ConflictList({ rows }: { rows: ConflictRow[] }) {
  const t = useTranslations("AdminConflicts");
  const router = useRouter();
  const { toast } = useToast();

  function settled(result: ActionResult<unknown>) {
    if (!result.ok) {
      if (result.code !== "invalid") toast({ tone: "error", title: result.message });
      return;
    }
    const data = result.data as { status: "confirmed" | "dismissed"; assignmentRemoved: boolean } | undefined;
    toast({
      tone: "success",
      title: data?.status === "dismissed" ? t("dismissed") : data?.assignmentRemoved ? t("confirmedRemoved") : t("confirmed"),
    });
    router.refresh();
  }

  if (rows.length === 0) return <EmptyState title={t("empty")} data-testid="conflicts-empty" />;

  const decide = (r: ConflictRow, decision: "confirm" | "dismiss") => (
    <ReasonDialog
      key={decision}
      trigger={
        <button type="button" className={buttonClasses(decision === "confirm" ? "danger" : "secondary")} data-testid={`${decision}-button`}>
          {t(decision)}
        </button>
      }
      labels={{
        title: t(decision === "confirm" ? "confirmTitle" : "dismissTitle", { reviewer: r.reviewerName, reference: r.reference }),
        description: t(decision === "confirm" ? "confirmBody" : "dismissBody"),
        reason: t("reason"),
        hint: t("reasonHint", { min: RESOLUTION_REASON_MIN, max: RESOLUTION_REASON_MAX }),
        counter: (count) => t("counter", { count, max: RESOLUTION_REASON_MAX }),
        confirm: t(decision),
        pending: t("working"),
        cancel: t("cancel"),
        errorTitle: t("errorTitle"),
      }}
      maxLength={RESOLUTION_REASON_MAX}
      submit={(reason) =>
        resolveFlagAction({ applicationId: r.applicationId, reviewerId: r.reviewerId, kind: r.kind as FlagKind, decision, reason })
      }
      closeOn={(result) => result.ok || result.code === "not_found"}
      onResult={settled}
      data-testid={`${decision}-dialog`}
    />
  );

  return (
    <Table
      id="conflict-list"
      caption={t("caption")}
      layout="stack"
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        {
          key: "application",
          header: t("application"),
          rowHeader: true,
          cell: (r) => (
            <span>
              <span className="font-semibold">{r.reference}</span>
              <br />
              {r.applicantName} · {r.district}
            </span>
          ),
        },
        { key: "reviewer", header: t("reviewer"), cell: (r) => r.reviewerName },
        {
          key: "kind",
          header: t("kind"),
          cell: (r) => (
            <span>
              {t(`kinds.${r.kind}`)}
              <br />
              <span className="text-sm text-slate-600">{t(`sources.${r.source}`)}</span>
            </span>
          ),
        },
        {
          key: "detail",
          header: t("detail"),
          cell: (r) => (
            <span className="break-words">
              {r.detail}
              {r.source === "flagged" && !r.detected ? <span className="block text-sm text-slate-600">{t("noLongerDetected")}</span> : null}
            </span>
          ),
        },
        {
          key: "status",
          header: t("status"),
          cell: (r) => (
            <span data-testid="conflict-status" data-status={r.status}>
              <Badge tone={STATUS_TONES[r.status]}>{t(`statuses.${r.status}`)}</Badge>
              {r.decisionReason ? <span className="mt-1 block text-sm break-words">{t("decisionReason", { reason: r.decisionReason })}</span> : null}
              {r.decidedAt ? <span className="block text-sm text-slate-600">{r.decidedAt}</span> : null}
            </span>
          ),
        },
        {
          key: "assignment",
          header: t("assignment"),
          cell: (r) => <span data-testid="assignment-status">{t(`assignments.${r.assignmentStatus ?? "none"}`)}</span>,
        },
        {
          key: "actions",
          header: t("actions"),
          cell: (r) =>
            r.source === "flagged" ? (
              <div className="flex flex-wrap gap-2">
                {r.status !== "confirmed" ? decide(r, "confirm") : null}
                {r.status !== "dismissed" ? decide(r, "dismiss") : null}
              </div>
            ) : null,
        },
      ]}
    />
  );
}
