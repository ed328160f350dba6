"use client";

import { useRef } from "react";
import { DropdownMenu } from "radix-ui";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction, signOutEverywhereAction } from "@/app/[locale]/actions";
import { forgetDeviceCopies } from "@/lib/wizard/device-copy";

type Props = {
  name: string;
  roleLabel: string;
  areaHref: string;
  areaLabel: string;
  /** More pages of the person's own, after their area (e.g. an applicant's "My data"). */
  links?: { href: string; label: string }[];
};

const itemClass =
  "flex min-h-11 w-full cursor-pointer items-center rounded px-3 text-left text-base text-slate-900 no-underline outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900";

/**
 * The signed-in person's name and role, opening a menu: their area, sign out, sign out everywhere.
 * The two forms sit outside the menu: the menu unmounts on selection, which would drop a submit
 * button's own submission, so the items submit the forms with requestSubmit() (mouse and keyboard).
 */
export function AccountMenu({ name, roleLabel, areaHref, areaLabel, links = [] }: Props) {
  const t = useTranslations("Common");
  const signOutForm = useRef<HTMLFormElement>(null);
  const signOutEverywhereForm = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={signOutForm} action={signOutAction} hidden />
      <form ref={signOutEverywhereForm} action={signOutEverywhereAction} hidden />
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          aria-label={`${t("accountMenu")}: ${name}, ${roleLabel}`}
          data-testid="account-menu-trigger"
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
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={6}
            className="z-50 min-w-64 rounded-md border border-slate-300 bg-white p-1 shadow-lg"
            data-testid="account-menu"
          >
            <DropdownMenu.Label className="px-3 py-2 text-sm text-slate-600">
              {t("signedInAs", { name })}
            </DropdownMenu.Label>
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href={areaHref}>{areaLabel}</Link>
            </DropdownMenu.Item>
            {links.map((l) => (
              <DropdownMenu.Item key={l.href} asChild className={itemClass}>
                <Link href={l.href}>{l.label}</Link>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
            <DropdownMenu.Item className={itemClass} onSelect={() => {
                forgetDeviceCopies();
                signOutForm.current?.requestSubmit();
              }}>
              {t("signOut")}
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => {
                forgetDeviceCopies();
                signOutEverywhereForm.current?.requestSubmit();
              }}>
              {t("signOutEverywhere")}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </>
  );
}
