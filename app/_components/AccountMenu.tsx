"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction, signOutEverywhereAction } from "@/app/[locale]/actions";
import { forgetDeviceCopies } from "@/lib/wizard/device-copy";
import { nextMenuIndex } from "./menu-keys";

type Props = {
  name: string;
  roleLabel: string;
  areaHref: string;
  areaLabel: string;
  /** More pages of the person's own, after their area (e.g. an applicant's "My data"). */
  links?: { href: string; label: string }[];
};

/** min-w-64, in pixels. */
const MENU_MIN_WIDTH = 256;

const itemClass =
  "flex min-h-11 w-full cursor-pointer items-center rounded px-3 text-left text-base text-slate-900 no-underline outline-none hover:bg-brand-50 focus:bg-brand-50 focus:text-brand-900 focus-visible:ring-2 focus-visible:ring-brand-700";

/**
 * The signed-in person's name and role, opening a menu: their area, sign out, sign out everywhere.
 * The WAI-ARIA menu button pattern without a UI library (Radix's DropdownMenu was 18 KiB gzipped on
 * every signed-in page): a click, Enter, Space or ↓ opens it on the first item, ↑ on the last; ↑ ↓ Home End move;
 * Escape closes it and returns focus to the button; Tab, a click outside or choosing an item closes it.
 * The sign-out items are submit buttons of real forms (they work before hydration too).
 */
export function AccountMenu({ name, roleLabel, areaHref, areaLabel, links = [] }: Props) {
  const t = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<"first" | "last" | null>(null);
  // The menu opens towards the side with room: under the button's right edge, or its left edge when the
  // button sits near the left of a phone's screen.
  const [alignLeft, setAlignLeft] = useState(false);

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const all = items();
    if (pendingFocus.current) (pendingFocus.current === "last" ? all.at(-1) : all[0])?.focus();
    pendingFocus.current = null;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, close]);

  const openOn = (where: "first" | "last") => {
    pendingFocus.current = where;
    const r = button.current?.getBoundingClientRect();
    setAlignLeft(r !== undefined && r.right < MENU_MIN_WIDTH + 8);
    setOpen(true);
  };

  // Enter and Space reach the button as its native click (as a screen reader's activation does too);
  // only the arrows are keys of their own.
  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      openOn(e.key === "ArrowUp" ? "last" : "first");
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key === "Tab") {
      close(false);
      return;
    }
    const all = items();
    const next = nextMenuIndex(e.key, all.indexOf(document.activeElement as HTMLElement), all.length);
    if (next !== null) {
      e.preventDefault();
      all[next]?.focus();
    }
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`${t("accountMenu")}: ${name}, ${roleLabel}`}
        data-testid="account-menu-trigger"
        onClick={() => {
          if (open) close(false);
          else openOn("first");
        }}
        onKeyDown={onButtonKeyDown}
        className="inline-flex min-h-11 max-w-[11rem] items-center gap-2 rounded-md border border-white/60 px-3 text-left text-white hover:bg-brand-800 sm:max-w-xs"
      >
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="truncate text-sm font-semibold" data-testid="viewer-name">
            {name}
          </span>
          <span className="truncate text-xs text-brand-100" data-testid="viewer-role">
            {roleLabel}
          </span>
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={t("signedInAs", { name })}
          onKeyDown={onMenuKeyDown}
          data-testid="account-menu"
          className={`absolute ${alignLeft ? "left-0" : "right-0"} z-50 mt-1.5 w-max max-w-[calc(100vw-2rem)] min-w-64 rounded-md border border-slate-300 bg-white p-1 shadow-lg`}
        >
          <p className="m-0 px-3 py-2 text-sm text-slate-600" aria-hidden="true">
            {t("signedInAs", { name })}
          </p>
          <Link role="menuitem" tabIndex={-1} href={areaHref} className={itemClass} onClick={() => close(false)}>
            {areaLabel}
          </Link>
          {links.map((l) => (
            <Link key={l.href} role="menuitem" tabIndex={-1} href={l.href} className={itemClass} onClick={() => close(false)}>
              {l.label}
            </Link>
          ))}
          <div role="separator" className="my-1 h-px bg-slate-200" />
          <form action={signOutAction} onSubmit={() => forgetDeviceCopies()} role="none">
            <button type="submit" role="menuitem" tabIndex={-1} className={itemClass}>
              {t("signOut")}
            </button>
          </form>
          <form action={signOutEverywhereAction} onSubmit={() => forgetDeviceCopies()} role="none">
            <button type="submit" role="menuitem" tabIndex={-1} className={itemClass}>
              {t("signOutEverywhere")}
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
