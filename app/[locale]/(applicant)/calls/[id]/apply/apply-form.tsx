"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/app/_components/Button";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { Field } from "@/app/_components/Field";
import type { ActionResult } from "@/lib/auth/action";
import { startApplicationAction } from "./actions";

/** The training certificate (Бизнес бастау) and "Start": the server decides and opens the wizard. */
export function ApplyForm({ callId, needsCertificate }: { callId: string; needsCertificate: boolean }) {
  const t = useTranslations("Wizard");
  const [state, action, pending] = useActionState<ActionResult<never> | null, FormData>(startApplicationAction, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors: SummaryError[] = [];
  if (fieldErrors.certificateNumber) errors.push({ fieldId: "certificateNumber", message: fieldErrors.certificateNumber });
  for (const [k, v] of Object.entries(fieldErrors)) if (k !== "certificateNumber") errors.push({ message: v });
  if (state && !state.ok && errors.length === 0) errors.push({ message: state.message });
  return (
    <form action={action} noValidate className="space-y-4" data-testid="apply-form">
      <ErrorSummary title={state && !state.ok && state.code === "ineligible" ? state.message : t("errorSummaryTitle")} errors={errors} />
      <input type="hidden" name="callId" value={callId} />
      {needsCertificate ? (
        <Field
          id="certificateNumber"
          label={t("certificateLabel")}
          hint={t("certificateHint")}
          maxLength={40}
          autoComplete="off"
          required
          error={fieldErrors.certificateNumber}
        />
      ) : null}
      <SubmitButton pending={pending} pendingLabel={t("starting")} data-testid="apply-start" className="w-full sm:w-auto">
        {t("start")}
      </SubmitButton>
    </form>
  );
}
