import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { homeFor } from "@/lib/domain/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitcher } from "./LanguageSwitcher";

/** The portal's name, the language switcher, and the account menu or a sign-in link. */
export async function Header({ viewer }: { viewer: Viewer | null }) {
  const [t, tm] = await Promise.all([getTranslations("Common"), getTranslations("MyApplications")]);
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 flex-col justify-center text-white no-underline hover:text-white">
          <span className="text-xl font-bold tracking-tight">{t("portalName")}</span>
          <span className="hidden text-xs text-brand-100 sm:block">{t("portalTagline")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <LanguageSwitcher />
          {viewer ? (
            <AccountMenu
              name={viewer.displayName}
              roleLabel={t(`roles.${viewer.role}`)}
              areaHref={homeFor(viewer.role)}
              areaLabel={t(`areas.${viewer.role}`)}
              links={viewer.role === "applicant" ? [{ href: "/my/data", label: tm("myDataTitle") }] : []}
            />
          ) : (
            <Link
              href="/sign-in"
              className="inline-flex min-h-11 items-center rounded-md bg-sun-400 px-4 font-semibold text-slate-900 no-underline hover:bg-sun-300 hover:text-slate-900"
            >
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
