"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/app/_components/button-styles";
import { setAccountActiveAction } from "./actions";

/**
 * Deactivate or reactivate one account, after a confirmation dialog (keyboard: focus moves into the
 * dialog, Escape cancels, focus returns to the button). The result is announced next to the button.
 */
export function ActiveToggle({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const t = useTranslations("AdminUsers");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const confirm = () =>
    startTransition(async () => {
      const result = await setAccountActiveAction({ userId, active: !active });
      setOpen(false);
      setMessage(
        result.ok ? { ok: true, text: active ? t("deactivated", { name }) : t("reactivated", { name }) } : { ok: false, text: result.message },
      );
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <AlertDialog.Root open={open} onOpenChange={(o) => !pending && setOpen(o)}>
        <AlertDialog.Trigger asChild>
          <button type="button" className={buttonClasses(active ? "danger" : "secondary", "w-full sm:w-auto")} data-testid="toggle-active">
            {active ? t("deactivate") : t("reactivate")}
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <AlertDialog.Content
            className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl"
            data-testid="confirm-dialog"
          >
            <AlertDialog.Title className="text-xl font-semibold">
              {active ? t("deactivateTitle", { name }) : t("reactivateTitle", { name })}
            </AlertDialog.Title>
            <AlertDialog.Description className="text-slate-700">
              {active ? t("deactivateBody", { name }) : t("reactivateBody", { name })}
            </AlertDialog.Description>
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <AlertDialog.Cancel asChild>
                <button type="button" className={buttonClasses("secondary")} disabled={pending}>
                  {t("cancel")}
                </button>
              </AlertDialog.Cancel>
              <button
                type="button"
                onClick={confirm}
                disabled={pending}
                aria-disabled={pending || undefined}
                className={buttonClasses(active ? "danger" : "primary")}
                data-testid="confirm-toggle"
              >
                {pending ? t("working") : active ? t("deactivate") : t("reactivate")}
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      <p aria-live="polite" className={message?.ok === false ? "text-sm font-medium text-danger-700" : "text-sm text-success-700"} data-testid="toggle-result">
        {message?.text ?? ""}
      </p>
    </div>
  );
}
