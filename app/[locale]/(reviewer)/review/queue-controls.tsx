"use client";

import "@/app/_components/zod-client";
import { useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/app/_components/ConfirmDialog";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import { DECLARED_CONFLICT_KINDS } from "@/lib/validation/conflicts";
import { declareConflictAction, declineAssignmentAction } from "./actions";

const KIND_KEYS = {
  relative: "kindRelative",
  colleague: "kindColleague",
  same_organisation: "kindSameOrganisation",
  other: "kindOther",
} as const;

const fieldClass = (error: string | undefined) =>
  `w-full rounded-md border bg-white px-3 py-2.5 text-base text-slate-900 ${error ? "border-2 border-danger-600" : "border-slate-400"}`;

/** Declare a conflict of interest with one application: a kind, and a note (required for "other"). */
export function DeclareConflict({ applicationId, reference }: { applicationId: string; reference: string }) {
  const t = useTranslations("ReviewQueue");
  const router = useRouter();
  const toast = useToast();
  const base = useId();
  const ids = { kind: `${base}-kind`, note: `${base}-note` };

  return (
    <ConfirmDialog
      data-testid="declare-dialog"
      trigger={
        <button type="button" className={buttonClasses("secondary", "min-h-11 w-full sm:w-auto")} aria-label={t("declareLabel", { reference })} data-testid="declare-conflict">
          {t("declare")}
        </button>
      }
      title={t("declareTitle", { reference })}
      description={t("declareBody")}
      action={declareConflictAction}
      fields={{ applicationId }}
      errorSummary={{ title: t("errorTitle"), fieldIds: ids }}
      confirmLabel={t("declareConfirm")}
      pendingLabel={t("declaring")}
      onDone={() => {
        toast.toast({ title: t("declared", { reference }), tone: "success" });
        router.refresh();
      }}
    >
      {({ fieldErrors: errors }) => (
        <div className="space-y-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.kind} className="font-medium text-slate-900">
              {t("kindLabel")}
            </label>
            <select
              id={ids.kind}
              name="kind"
              defaultValue=""
              aria-invalid={errors.kind ? true : undefined}
              className={`min-h-11 ${fieldClass(errors.kind)}`}
              data-testid="conflict-kind"
            >
              <option value="">{t("kindPlaceholder")}</option>
              {DECLARED_CONFLICT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(KIND_KEYS[k])}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.note} className="font-medium text-slate-900">
              {t("noteLabel")}
            </label>
            <textarea
              id={ids.note}
              name="note"
              rows={3}
              maxLength={1000}
              aria-invalid={errors.note ? true : undefined}
              className={fieldClass(errors.note)}
              data-testid="conflict-note"
            />
          </div>
        </div>
      )}
    </ConfirmDialog>
  );
}

/** Decline one assignment, with a required reason the administrator reads. */
export function DeclineAssignment({ assignmentId, reference }: { assignmentId: string; reference: string }) {
  const t = useTranslations("ReviewQueue");
  const router = useRouter();
  const toast = useToast();
  const base = useId();
  const ids = { reason: `${base}-reason` };

  return (
    <ConfirmDialog
      data-testid="decline-dialog"
      trigger={
        <button type="button" className={buttonClasses("secondary", "min-h-11 w-full sm:w-auto")} aria-label={t("declineLabel", { reference })} data-testid="decline-assignment">
          {t("decline")}
        </button>
      }
      title={t("declineTitle", { reference })}
      description={t("declineBody")}
      action={declineAssignmentAction}
      fields={{ assignmentId }}
      errorSummary={{ title: t("errorTitle"), fieldIds: ids }}
      confirmLabel={t("decline")}
      pendingLabel={t("declining")}
      tone="danger"
      onDone={() => {
        toast.toast({ title: t("declined", { reference }), tone: "success" });
        router.refresh();
      }}
    >
      {({ fieldErrors: errors }) => (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.reason} className="font-medium text-slate-900">
            {t("reasonLabel")}
          </label>
          <textarea
            id={ids.reason}
            name="reason"
            rows={3}
            maxLength={1000}
            aria-invalid={errors.reason ? true : undefined}
            className={fieldClass(errors.reason)}
            data-testid="decline-reason"
          />
        </div>
      )}
    </ConfirmDialog>
  );
}
