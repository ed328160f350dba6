"use client";

import "@/app/_components/zod-client";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/app/_components/ConfirmDialog";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import type { ActionResult } from "@/lib/auth/action";
import { REVOKE_REASON_MAX, REVOKE_REASON_MIN } from "@/lib/validation/awards";
import { ReasonDialog } from "../reason-dialog";
import { archiveCallAction, confirmProposalAction, promoteAction, publishResultsAction, revokeAwardAction, type Offer } from "./actions";

/*
 * The awards page's buttons and dialogs. Amounts arrive formatted by the server (browsers lack the Kazakh
 * number data); every action's refusal is already in the admin's language.
 */

const NS = "AdminAwardActions";

/**
 * "Confirm these N awards": posts the proposal's fingerprint. A conflict (the proposal is stale, the call was
 * archived meanwhile, nothing to fund) closes the dialog, leaves its message above the button and refreshes
 * the page, which recomputes the proposal; a success is a toast and a refresh.
 */
export function ConfirmProposal({
  callId,
  order,
  fingerprint,
  count,
  total,
  after,
}: {
  callId: string;
  order: "normalised" | "raw";
  fingerprint: string;
  count: number;
  /** The proposal's sum and the budget left after it, formatted by the server. */
  total: string;
  after: string;
}) {
  const t = useTranslations(NS);
  const router = useRouter();
  const { toast } = useToast();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function confirm(formData: FormData): Promise<ActionResult<{ awarded: number }> | null> {
    const r = await confirmProposalAction(formData);
    if (!r.ok && r.code === "conflict") {
      setNotice(r.message);
      router.refresh();
      return null; // closes the dialog: the message stays on the page, beside the recomputed proposal
    }
    return r;
  }

  return (
    <div className="space-y-3" data-testid="confirm-proposal">
      {notice ? (
        <p
          ref={noticeRef}
          role="alert"
          tabIndex={-1}
          className="rounded-md border-l-4 border-danger-600 bg-danger-50 px-3 py-2 font-medium text-danger-700"
          data-testid="proposal-notice"
        >
          {notice}
        </p>
      ) : null}
      {count > 0 ? (
        <ConfirmDialog
          data-testid="confirm-proposal-dialog"
          trigger={
            <button type="button" className={buttonClasses("primary", "w-full sm:w-auto")} data-testid="confirm-proposal-button">
              {t("confirmButton", { count })}
            </button>
          }
          title={t("confirmTitle", { count })}
          description={t("confirmBody", { total, after })}
          action={confirm}
          fields={{ callId, order, fingerprint }}
          confirmLabel={t("confirmButton", { count })}
          pendingLabel={t("confirming")}
          onDone={(outcome) => {
            if (!outcome) return; // a conflict, already on the page
            const awarded = (outcome as { data?: { awarded: number } }).data?.awarded ?? count;
            setNotice(null);
            toast({ tone: "success", title: t("confirmed", { count: awarded }) });
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}

type OfferContext = { offer: Offer | null; setOffer: (offer: Offer | null) => void };
const OfferState = createContext<OfferContext>({ offer: null, setOffer: () => undefined });

/** Holds the application a revocation's money could fund, between the awards list and the offer banner. */
export function OfferProvider({ children }: { children: ReactNode }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  return <OfferState.Provider value={{ offer, setOffer }}>{children}</OfferState.Provider>;
}

/** "Revoke" on one active award: a dialog asking for the reason; the next application is offered after it. */
export function RevokeAward({ awardId, reference }: { awardId: string; reference: string }) {
  const t = useTranslations(NS);
  const router = useRouter();
  const { toast } = useToast();
  const { setOffer } = useContext(OfferState);

  function settled(result: ActionResult<unknown>) {
    if (result.ok) {
      const next = (result as ActionResult<{ next: Offer | null }> & { ok: true }).data?.next ?? null;
      toast({ tone: "success", title: t("revoked", { reference }) });
      setOffer(next);
    } else if (result.code === "conflict" || result.code === "not_found") toast({ tone: "error", title: result.message });
    else return;
    router.refresh();
  }

  return (
    <ReasonDialog
      trigger={
        <button type="button" className={buttonClasses("danger", "w-full sm:w-auto")} aria-label={t("revokeLabel", { reference })} data-testid="revoke-button">
          {t("revoke")}
        </button>
      }
      labels={{
        title: t("revokeTitle", { reference }),
        description: t("revokeBody"),
        reason: t("reason"),
        hint: t("hint", { min: REVOKE_REASON_MIN, max: REVOKE_REASON_MAX }),
        counter: (count) => t("counter", { count, max: REVOKE_REASON_MAX }),
        confirm: t("revokeConfirm"),
        pending: t("revoking"),
        cancel: t("cancel"),
        errorTitle: t("revokeErrorTitle"),
      }}
      maxLength={REVOKE_REASON_MAX}
      submit={(reason) => revokeAwardAction({ awardId, reason })}
      closeOn={(result) => result.ok || result.code === "conflict" || result.code === "not_found"}
      onResult={settled}
      data-testid="revoke-dialog"
    />
  );
}

/**
 * "Award" one application: a confirmation posting the application and the idempotency key the server made
 * with the button (a double click or a retry sends the same key). A refusal stays in the dialog, in words.
 */
export function PromoteButton({
  applicationId,
  reference,
  idempotencyKey,
  amount,
  label,
  onAwarded,
}: {
  applicationId: string;
  reference: string;
  idempotencyKey: string;
  /** One grant, formatted by the server. */
  amount: string;
  label: "award" | "promote";
  onAwarded?: () => void;
}) {
  const t = useTranslations(NS);
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ConfirmDialog
      data-testid="promote-dialog"
      trigger={
        <button type="button" className={buttonClasses("primary", "w-full sm:w-auto")} aria-label={t("promoteLabel", { reference })} data-testid={`${label}-button`}>
          {t(label)}
        </button>
      }
      title={t("promoteTitle", { reference })}
      description={t("promoteBody", { reference, amount })}
      action={promoteAction}
      fields={{ applicationId, idempotencyKey }}
      confirmLabel={t(label)}
      pendingLabel={t("promoting")}
      onDone={(outcome) => {
        const repeated = Boolean((outcome as { data?: { repeated?: boolean } } | null)?.data?.repeated);
        toast({ tone: "success", title: t(repeated ? "promotedAgain" : "promoted", { reference }) });
        onAwarded?.();
        router.refresh();
      }}
    />
  );
}

/** The revocation's offer, prominent above the awards list: "The money can now fund JG-… (rank N): Promote". */
export function OfferBanner({ amount }: { amount: string }) {
  const t = useTranslations(NS);
  const { offer, setOffer } = useContext(OfferState);
  const ref = useRef<HTMLDivElement>(null);
  const key = offer?.idempotencyKey;

  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);

  if (!offer) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="offer-title"
      className="space-y-3 rounded-lg border-2 border-success-700 bg-success-50 p-4"
      data-testid="offer"
      data-application-id={offer.applicationId}
      data-reference={offer.reference}
    >
      <h3 id="offer-title" className="text-lg font-semibold text-success-700">
        {t("offerTitle")}
      </h3>
      <p className="m-0 break-words text-slate-900" data-testid="offer-text">
        {t("offer", { reference: offer.reference, rank: offer.rank, title: offer.title })}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <PromoteButton
          applicationId={offer.applicationId}
          reference={offer.reference}
          idempotencyKey={offer.idempotencyKey}
          amount={amount}
          label="promote"
          onAwarded={() => setOffer(null)}
        />
        <button type="button" className={buttonClasses("secondary", "w-full sm:w-auto")} onClick={() => setOffer(null)} data-testid="offer-dismiss">
          {t("dismissOffer")}
        </button>
      </div>
    </div>
  );
}

/** "Publish results", after a dialog saying what happens; a refusal stays in the dialog, in words. */
export function PublishResults({ callId }: { callId: string }) {
  const t = useTranslations(NS);
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ConfirmDialog
      data-testid="publish-dialog"
      trigger={
        <button type="button" className={buttonClasses("primary", "w-full sm:w-auto")} data-testid="publish-button">
          {t("publish")}
        </button>
      }
      title={t("publishTitle")}
      description={t("publishBody")}
      action={publishResultsAction}
      fields={{ callId }}
      confirmLabel={t("publish")}
      pendingLabel={t("publishing")}
      onDone={(outcome) => {
        const d = (outcome as { data?: { awarded: number; waitlisted: number; notAwarded: number } } | null)?.data;
        toast({ tone: "success", title: t("published", d ?? { awarded: 0, waitlisted: 0, notAwarded: 0 }) });
        router.refresh();
      }}
    />
  );
}

/** "Archive the call" after publication, after a dialog; a refusal stays in the dialog, in words. */
export function ArchiveCall({ callId }: { callId: string }) {
  const t = useTranslations(NS);
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ConfirmDialog
      data-testid="archive-dialog"
      tone="danger"
      trigger={
        <button type="button" className={buttonClasses("danger", "w-full sm:w-auto")} data-testid="archive-button">
          {t("archive")}
        </button>
      }
      title={t("archiveTitle")}
      description={t("archiveBody")}
      action={archiveCallAction}
      fields={{ callId }}
      confirmLabel={t("archive")}
      pendingLabel={t("archiving")}
      onDone={() => {
        toast({ tone: "success", title: t("archived") });
        router.refresh();
      }}
    />
  );
}
