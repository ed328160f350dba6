"use client";

import { buttonClasses } from "@/app/_components/button-styles";
import { ConfirmDialog } from "@/app/_components/ConfirmDialog";
import { deleteMyAccountAction } from "./actions";

type Texts = { button: string; title: string; body: string; confirm: string; pending: string };

/** "Delete my account" behind a confirmation; on success the action signs out and redirects. */
export function DeleteAccount({ texts }: { texts: Texts }) {
  return (
    <ConfirmDialog
      trigger={
        <button type="button" className={buttonClasses("danger")} data-testid="delete-account-open">
          {texts.button}
        </button>
      }
      title={texts.title}
      description={texts.body}
      action={deleteMyAccountAction}
      confirmLabel={texts.confirm}
      pendingLabel={texts.pending}
      tone="danger"
      data-testid="delete-account-dialog"
    />
  );
}
