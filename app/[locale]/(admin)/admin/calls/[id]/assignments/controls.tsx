"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ConfirmDialog } from "@/app/_components/ConfirmDialog";
import { ErrorSummary } from "@/app/_components/ErrorSummary";
import { Notice } from "@/app/_components/Notice";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import { addAssignmentAction, autoAssignAction, removeAssignmentAction } from "./actions";

/** "Assign automatically": pending state on the button, the result in a toast and in a notice that stays. */
export function AutoAssignButton({ callId }: { callId: string }) {
  const t = useTranslations("AdminAssignments");
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = () =>
    startTransition(async () => {
      setError(null);
      const r = await autoAssignAction({ callId });
      if (!r.ok) {
        setError(r.message);
        toast.toast({ title: r.message, tone: "error" });
        return;
      }
      const text = t("autoDone", { added: r.data?.added ?? 0, removed: r.data?.removed ?? 0, unfilled: r.data?.unfilled ?? 0 });
      setSummary(text);
      toast.toast({ title: t("autoTitle"), description: text, tone: "success" });
      router.refresh();
    });

  return (
    <div className="space-y-3">
      <form action={run}>
        <SubmitButton pending={pending} pendingLabel={t("autoPending")} data-testid="auto-assign" className="w-full sm:w-auto">
          {t("autoButton")}
        </SubmitButton>
      </form>
      {summary ? (
        <div data-testid="auto-result">
          <Notice tone="success">{summary}</Notice>
        </div>
      ) : null}
      {error ? <ErrorSummary title={t("errorTitle")} errors={[{ message: error }]} /> : null}
    </div>
  );
}

/** Remove one reviewer from one application, after a dialog asking for the reason. */
export function RemoveAssignment({ callId, assignmentId, name, reference }: { callId: string; assignmentId: string; name: string; reference: string }) {
  const t = useTranslations("AdminAssignments");
  const router = useRouter();
  const toast = useToast();
  const reasonId = useId();

  return (
    <ConfirmDialog
      data-testid="remove-dialog"
      trigger={
        <button type="button" className={buttonClasses("secondary", "min-h-11")} aria-label={t("removeLabel", { name, reference })} data-testid="remove-assignment">
          {t("remove")}
        </button>
      }
      title={t("removeTitle", { name, reference })}
      description={t("removeBody")}
      action={removeAssignmentAction}
      fields={{ callId, assignmentId }}
      errorSummary={{ title: t("errorTitle"), fieldIds: { reason: reasonId } }}
      confirmLabel={t("remove")}
      pendingLabel={t("removing")}
      tone="danger"
      onDone={() => {
        toast.toast({ title: t("removed", { name, reference }), tone: "success" });
        router.refresh();
      }}
    >
      {({ fieldErrors }) => (
        <div className="flex flex-col gap-1">
          <label htmlFor={reasonId} className="font-medium text-slate-900">
            {t("reasonLabel")}
          </label>
          {fieldErrors.reason ? (
            <p id={`${reasonId}-error`} className="text-sm font-medium text-danger-700">
              {fieldErrors.reason}
            </p>
          ) : null}
          <textarea
            id={reasonId}
            name="reason"
            rows={3}
            maxLength={1000}
            aria-invalid={fieldErrors.reason ? true : undefined}
            aria-describedby={fieldErrors.reason ? `${reasonId}-error` : undefined}
            className={`w-full rounded-md border bg-white px-3 py-2.5 text-base text-slate-900 ${fieldErrors.reason ? "border-2 border-danger-600" : "border-slate-400"}`}
            data-testid="remove-reason"
          />
        </div>
      )}
    </ConfirmDialog>
  );
}

/** Add a reviewer to an application: a labelled select of the reviewers who may be added. */
export function AddReviewer({
  callId,
  applicationId,
  reference,
  options,
}: {
  callId: string;
  applicationId: string;
  reference: string;
  options: { id: string; name: string }[];
}) {
  const t = useTranslations("AdminAssignments");
  const tv = useTranslations("Validation");
  const router = useRouter();
  const toast = useToast();
  const selectId = `add-${applicationId}`;
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (options.length === 0) return <p className="text-sm text-slate-600">{t("noneToAdd")}</p>;

  const submit = () =>
    startTransition(async () => {
      if (!value) {
        setError(tv("assignmentReviewerRequired"));
        return;
      }
      const r = await addAssignmentAction({ callId, applicationId, reviewerId: value });
      if (!r.ok) {
        setError(r.fieldErrors?.reviewerId ?? r.message);
        return;
      }
      setError(null);
      const name = options.find((o) => o.id === value)?.name ?? "";
      setValue("");
      toast.toast({ title: t("added", { name, reference }), tone: "success" });
      router.refresh();
    });

  return (
    <form action={submit} className="space-y-2" data-testid="add-reviewer">
      {error ? <ErrorSummary title={t("errorTitle")} errors={[{ fieldId: selectId, message: error }]} /> : null}
      <label htmlFor={selectId} className="block font-medium text-slate-900">
        {t("addLabel", { reference })}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <select
          id={selectId}
          name="reviewerId"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:w-auto"
          data-testid="add-reviewer-select"
        >
          <option value="">{t("addPlaceholder")}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <SubmitButton pending={pending} pendingLabel={t("adding")} variant="secondary" data-testid="add-reviewer-submit">
          {t("addButton")}
        </SubmitButton>
      </div>
    </form>
  );
}
