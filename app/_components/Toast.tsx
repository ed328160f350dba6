"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
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

/** The key that moves focus to the notifications (as in Radix and GOV.UK-like services: F8). */
export const TOAST_HOTKEY = "F8";

/** The text a screen reader is given for a toast: its title and description. */
export function announcement(item: Pick<ToastItem, "title" | "description">): string {
  return item.description ? `${item.title}. ${item.description}` : item.title;
}

/**
 * One toast: closes itself after its duration, paused while the pointer is over the notifications or
 * focus is inside them; Escape or the × button closes it at once.
 */
function ToastCard({ item, paused, onDismiss, dismissLabel }: { item: ToastItem; paused: boolean; onDismiss: (id: string) => void; dismissLabel: string }) {
  const remaining = useRef(item.duration);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(item.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current - (Date.now() - started));
    };
  }, [paused, item.id, onDismiss]);
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onDismiss(item.id);
    }
  };
  return (
    <li
      data-testid="toast"
      data-toast-id={item.id}
      data-tone={item.tone}
      onKeyDown={onKeyDown}
      className={[
        "pointer-events-auto flex items-start gap-3 rounded-md border border-l-4 border-slate-300 bg-white p-4 text-slate-900 shadow-lg",
        TONE_CLASSES[item.tone],
      ].join(" ")}
    >
      <div className="min-w-0 flex-1">
        <p className="m-0 font-semibold">{item.title}</p>
        {item.description ? <p className="m-0 mt-1 text-slate-700">{item.description}</p> : null}
      </div>
      <button
        type="button"
        aria-label={dismissLabel}
        onClick={() => onDismiss(item.id)}
        className="-mt-2 -mr-2 inline-flex size-11 shrink-0 items-center justify-center rounded-md text-2xl leading-none text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/**
 * Toasts without a UI library (a few hundred bytes instead of Radix's Toast on every page):
 * - the notifications are a labelled region (F8 moves focus to it, focus returns where it was on Escape
 *   or when the last toast closes);
 * - screen readers are told through two live regions that exist from the first render (a live region
 *   added together with its text is often not announced): polite for info and success, assertive for
 *   errors. Neither has a role, so pages keep one role="status"/"alert" of their own;
 * - each toast closes itself after its duration, paused on hover and while focus is inside.
 * Mounted once in app/[locale]/layout.tsx, inside NextIntlClientProvider.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("Ui");
  const [toasts, dispatch] = useReducer(toastReducer, []);
  const [announced, setAnnounced] = useState<{ polite: string; assertive: string }>({ polite: "", assertive: "" });
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const dismiss = useCallback((id: string) => {
    // Focus inside the toast that goes (its ×, Escape) must not fall to the page's start: it moves to the
    // next toast's ×, else back where it was before F8, else to the notifications region.
    const card = region.current?.querySelector<HTMLElement>(`[data-toast-id="${CSS.escape(id)}"]`);
    if (card?.contains(document.activeElement)) {
      const next = [...(region.current?.querySelectorAll<HTMLElement>("[data-toast-id]") ?? [])].find((c) => c !== card);
      const target = next?.querySelector<HTMLElement>("button") ?? (returnFocus.current?.isConnected ? returnFocus.current : null) ?? region.current;
      target?.focus();
    }
    dispatch({ type: "dismiss", id });
  }, []);
  const toast = useCallback((input: ToastInput) => {
    const item = makeToast(input);
    dispatch({ type: "add", toast: item });
    // A new text in the live region is what gets read; the same text twice must still be read.
    setAnnounced((a) => {
      const text = announcement(item);
      if (item.tone === "error") return { ...a, assertive: a.assertive === text ? `${text}\u00a0` : text };
      return { ...a, polite: a.polite === text ? `${text}\u00a0` : text };
    });
    return item.id;
  }, []);
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== TOAST_HOTKEY || !region.current) return;
      e.preventDefault();
      if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body && !region.current.contains(document.activeElement)) {
        returnFocus.current = document.activeElement;
      }
      region.current.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // After every change of the toasts: the last one closed while focus was in the region gives focus back
  // to where it came from; and whether focus is inside is read again (a removed element may fire no blur,
  // which would leave every later toast paused).
  useEffect(() => {
    if (toasts.length === 0 && region.current?.contains(document.activeElement) && returnFocus.current?.isConnected) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
    setFocused(region.current?.contains(document.activeElement) ?? false);
  }, [toasts]);

  const onRegionKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape" && e.target === region.current && returnFocus.current) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
  };

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        ref={region}
        role="region"
        aria-label={t("notifications", { hotkey: TOAST_HOTKEY })}
        tabIndex={-1}
        onKeyDown={onRegionKeyDown}
        onPointerEnter={() => setHovered(true)}
        onPointerLeave={() => setHovered(false)}
        onFocus={() => setFocused(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
        }}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 p-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-700 sm:right-0 sm:left-auto sm:w-96"
      >
        <ol className="m-0 flex list-none flex-col gap-2 p-0">
          {toasts.map((item) => (
            <ToastCard key={item.id} item={item} paused={hovered || focused} onDismiss={dismiss} dismissLabel={t("dismissNotification")} />
          ))}
        </ol>
      </div>
      <div data-testid="toast-announcer" className="sr-only">
        <div aria-live="polite" aria-atomic="true">
          {announced.polite}
        </div>
        <div aria-live="assertive" aria-atomic="true">
          {announced.assertive}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
