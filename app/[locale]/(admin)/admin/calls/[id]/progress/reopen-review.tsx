"use client";

import "@/app/_components/zod-client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import type { ActionResult } from "@/lib/auth/action";
import { REOPEN_REASON_MAX, REOPEN_REASON_MIN } from "@/lib/validation/review-admin";
import { ReasonDialog } from "../reason-dialog";
import { reopenReviewAction } from "./actions";

/**
 * "Reopen" on one submitted review: a dialog asking for the reason the reviewer will read. On success the
 * page is refreshed (the review shows as in progress); a review reopened or decided meanwhile closes the
 * dialog with an error toast and a refresh; a wrong reason keeps the dialog open with its message.
 */
export function ReopenReview({ reviewId, name, reference }: { reviewId: string; name: string; reference: string }) {
  const t = useTranslations("AdminReopen");
  const router = useRouter();
  const { toast } = useToast();

  function settled(result: ActionResult<unknown>) {
    if (result.ok) toast({ tone: "success", title: t("done", { name, reference }) });
    else if (result.code === "conflict" || result.code === "not_found") toast({ tone: "error", title: result.message });
    else return;
    router.refresh();
  }

  return (
    <ReasonDialog
      trigger={
        <button type="button" className={buttonClasses("danger")} aria-label={t("reopenLabel", { name, reference })} data-testid="reopen-button">
          {t("reopen")}
        </button>
      }
      labels={{
        title: t("title", { name, reference }),
        description: t("body"),
        reason: t("reason"),
        hint: t("hint", { min: REOPEN_REASON_MIN, max: REOPEN_REASON_MAX }),
        counter: (count) => t("counter", { count, max: REOPEN_REASON_MAX }),
        confirm: t("confirm"),
        pending: t("working"),
        cancel: t("cancel"),
        errorTitle: t("errorTitle"),
      }}
      maxLength={REOPEN_REASON_MAX}
      submit={(reason) => reopenReviewAction({ reviewId, reason })}
      closeOn={(result) => result.ok || result.code === "conflict" || result.code === "not_found"}
      onResult={settled}
      data-testid="reopen-dialog"
    />
  );
}
