"use client";

import { useRouter } from "next/navigation";
import { buttonClasses } from "@/app/_components/button-styles";
import { ConfirmDialog } from "@/app/_components/ConfirmDialog";
import { useToast } from "@/app/_components/Toast";
import { reopenMyApplication, withdrawMyApplication } from "./actions";

type Texts = { button: string; title: string; body: string; confirm: string; pending: string; done: string };

/** Withdraw or reopen, each behind a confirmation; texts come translated from the server page. */
export function StatusControls({ applicationId, withdraw, reopen }: { applicationId: string; withdraw: Texts | null; reopen: Texts | null }) {
  const router = useRouter();
  const toast = useToast();
  const done = (text: string) => () => {
    toast.toast({ title: text, tone: "success" });
    router.refresh();
  };
  return (
    <div className="flex flex-wrap gap-3">
      {withdraw ? (
        <ConfirmDialog
          trigger={
            <button type="button" className={buttonClasses("danger")} data-testid="withdraw-open">
              {withdraw.button}
            </button>
          }
          title={withdraw.title}
          description={withdraw.body}
          action={withdrawMyApplication}
          fields={{ applicationId }}
          confirmLabel={withdraw.confirm}
          pendingLabel={withdraw.pending}
          tone="danger"
          onDone={done(withdraw.done)}
          data-testid="withdraw-dialog"
        />
      ) : null}
      {reopen ? (
        <ConfirmDialog
          trigger={
            <button type="button" className={buttonClasses("primary")} data-testid="reopen-open">
              {reopen.button}
            </button>
          }
          title={reopen.title}
          description={reopen.body}
          action={reopenMyApplication}
          fields={{ applicationId }}
          confirmLabel={reopen.confirm}
          pendingLabel={reopen.pending}
          onDone={done(reopen.done)}
          data-testid="reopen-dialog"
        />
      ) : null}
    </div>
  );
}
