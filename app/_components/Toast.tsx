"use client";

import { createContext, useCallback, useContext, useMemo, useReducer, useState, type ReactNode } from "react";
import { Toast as RadixToast } from "radix-ui";
import { useTranslations } from "next-intl";

export type ToastTone = "info" | "success" | "error";

export type ToastInput = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it closes by itself (default 6000; errors 10000). Paused on hover/focus. */
  duration?: number;
};

export type ToastItem = Required<Pick<ToastInput, "title" | "tone" | "duration">> & {
  id: string;
  description?: string;
};

export type ToastAction = { type: "add"; toast: ToastItem } | { type: "dismiss"; id: string };

/** At most this many toasts at once; the oldest goes first. */
export const MAX_TOASTS = 3;

export function toastReducer(state: readonly ToastItem[], action: ToastAction): ToastItem[] {
  switch (action.type) {
    case "add":
      return [...state.filter((t) => t.id !== action.toast.id), action.toast].slice(-MAX_TOASTS);
    case "dismiss":
      return state.filter((t) => t.id !== action.id);
  }
}

let counter = 0;

/** A toast's full shape from what the caller gave (defaults for tone and duration). */
export function makeToast(input: ToastInput, id = `toast-${++counter}`): ToastItem {
  const tone = input.tone ?? "info";
  return {
    id,
    title: input.title,
    description: input.description,
    tone,
    duration: input.duration ?? (tone === "error" ? 10_000 : 6_000),
  };
}

type ToastApi = {
  /** Shows a toast and returns its id. */
  toast: (input: ToastInput) => string;
  dismiss: (id: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

/** Show short messages ("Saved", "Sent") from a client component inside <ToastProvider>. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() needs <ToastProvider> (mounted in app/[locale]/layout.tsx)");
  return api;
}

const TONE_CLASSES: Record<ToastTone, string> = {
  info: "border-brand-700",
  success: "border-success-700",
  error: "border-danger-600",
};

/**
 * Radix Toast with its provider, viewport (a labelled region, F8 moves focus to it) and the
 * announcement: Radix renders a role="status" aria-live region for each new toast (assertive for
 * errors, polite otherwise) into the announcer element below. Toasts use style attributes only
 * (allowed by `style-src-attr`), no injected <style>, so the CSP nonce is not involved.
 * Mounted once in app/[locale]/layout.tsx, inside NextIntlClientProvider.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("Ui");
  const [toasts, dispatch] = useReducer(toastReducer, []);
  const [announcer, setAnnouncer] = useState<HTMLDivElement | null>(null);

  const dismiss = useCallback((id: string) => dispatch({ type: "dismiss", id }), []);
  const toast = useCallback((input: ToastInput) => {
    const item = makeToast(input);
    dispatch({ type: "add", toast: item });
    return item.id;
  }, []);
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      <RadixToast.Provider label={t("notification")} announcerContainer={announcer ?? undefined}>
        {children}
        {toasts.map((item) => (
          <RadixToast.Root
            key={item.id}
            type={item.tone === "error" ? "foreground" : "background"}
            duration={item.duration}
            onOpenChange={(open) => {
              if (!open) dismiss(item.id);
            }}
            data-testid="toast"
            data-tone={item.tone}
            className={[
              "pointer-events-auto flex items-start gap-3 rounded-md border border-l-4 border-slate-300 bg-white p-4 text-slate-900 shadow-lg",
              TONE_CLASSES[item.tone],
            ].join(" ")}
          >
            <div className="min-w-0 flex-1">
              <RadixToast.Title className="font-semibold">{item.title}</RadixToast.Title>
              {item.description ? (
                <RadixToast.Description className="mt-1 text-slate-700">{item.description}</RadixToast.Description>
              ) : null}
            </div>
            <RadixToast.Close
              aria-label={t("dismissNotification")}
              className="-mt-2 -mr-2 inline-flex size-11 shrink-0 items-center justify-center rounded-md text-2xl leading-none text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              <span aria-hidden="true">×</span>
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport
          label={t("notifications", { hotkey: "{hotkey}" })}
          className="pointer-events-none fixed inset-x-0 bottom-0 z-50 m-0 flex list-none flex-col gap-2 p-4 outline-none sm:right-0 sm:left-auto sm:w-96"
        />
        <div ref={setAnnouncer} data-testid="toast-announcer" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}
