"use client";

import "@/app/_components/zod-client";
import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/app/_components/ConfirmDialog";
import { EmptyState } from "@/app/_components/EmptyState";
import { Table } from "@/app/_components/Table";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import type { ActionResult } from "@/lib/auth/action";
import { SCREENING_REASON_MAX, SCREENING_REASON_MIN } from "@/lib/validation/screening";
import { ReasonDialog } from "../reason-dialog";
import { screenApplicationAction } from "./actions";

export type QueueRow = {
  id: string;
  reference: string;
  title: string;
  applicantName: string;
  district: string;
  /** Already formatted on the server. */
  submittedAt: ReactNode;
};

/**
 * The queue with a decision per row. A decided row leaves the list at once (and the page data is
 * refreshed); a row another admin decided first leaves it too, with an error toast saying so.
 */
export function ScreeningQueue({ rows }: { rows: QueueRow[] }) {
  const t = useTranslations("AdminScreening");
  const router = useRouter();
  const { toast } = useToast();
  const [gone, setGone] = useState<Set<string>>(new Set());
  const visible = rows.filter((r) => !gone.has(r.id));

  function settled(row: QueueRow, decision: "pass" | "refuse", result: ActionResult<unknown>) {
    if (result.ok) {
      toast({ tone: "success", title: decision === "pass" ? t("passed", { reference: row.reference }) : t("refused", { reference: row.reference }) });
    } else if (result.code === "conflict" || result.code === "not_found") {
      toast({ tone: "error", title: result.message });
    } else return;
    setGone((s) => new Set(s).add(row.id));
    router.refresh();
  }

  if (visible.length === 0) return <EmptyState title={t("empty")} text={t("emptyText")} data-testid="screening-empty" />;

  return (
    <Table
      id="screening-queue"
      caption={t("caption")}
      layout="stack"
      rows={visible}
      rowKey={(r) => r.id}
      columns={[
        {
          key: "reference",
          header: t("reference"),
          rowHeader: true,
          cell: (r) => (
            // The whole application (audited read) opens from its reference.
            <Link href={`/admin/applications/${r.id}`} data-testid="queue-reference">
              {r.reference}
            </Link>
          ),
        },
        { key: "title", header: t("applicationTitle"), cell: (r) => <span className="break-words">{r.title}</span> },
        { key: "applicant", header: t("applicant"), cell: (r) => r.applicantName },
        { key: "district", header: t("district"), cell: (r) => r.district },
        { key: "submitted", header: t("submittedAt"), cell: (r) => r.submittedAt },
        {
          key: "actions",
          header: t("actions"),
          cell: (r) => (
            <div className="flex flex-wrap gap-2" data-testid="queue-actions" data-reference={r.reference}>
              <ConfirmDialog
                trigger={
                  <button type="button" className={buttonClasses("primary")} data-testid="pass-button">
                    {t("pass")}
                  </button>
                }
                title={t("passTitle", { reference: r.reference })}
                description={t("passBody")}
                confirmLabel={t("pass")}
                pendingLabel={t("working")}
                cancelLabel={t("cancel")}
                data-testid="pass-dialog"
                action={async () => {
                  const result = await screenApplicationAction({ applicationId: r.id, decision: "pass" });
                  // A conflict is not shown in the dialog: the row leaves and a toast says why.
                  if (!result.ok && (result.code === "conflict" || result.code === "not_found")) {
                    settled(r, "pass", result);
                    return undefined;
                  }
                  return result;
                }}
                onDone={(outcome) => {
                  if (outcome) settled(r, "pass", outcome as ActionResult<unknown>);
                }}
              />
              <ReasonDialog
                trigger={
                  <button type="button" className={buttonClasses("danger")} data-testid="refuse-button">
                    {t("refuse")}
                  </button>
                }
                labels={{
                  title: t("refuseTitle", { reference: r.reference }),
                  description: t("refuseBody"),
                  reason: t("reason"),
                  hint: t("reasonHint", { min: SCREENING_REASON_MIN, max: SCREENING_REASON_MAX }),
                  counter: (count) => t("counter", { count, max: SCREENING_REASON_MAX }),
                  confirm: t("refuse"),
                  pending: t("working"),
                  cancel: t("cancel"),
                  errorTitle: t("errorTitle"),
                }}
                maxLength={SCREENING_REASON_MAX}
                submit={(reason) => screenApplicationAction({ applicationId: r.id, decision: "refuse", reason })}
                closeOn={(result) => result.ok || result.code === "conflict" || result.code === "not_found"}
                onResult={(result) => settled(r, "refuse", result)}
                data-testid="refuse-dialog"
              />
            </div>
          ),
        },
      ]}
    />
  );
}
