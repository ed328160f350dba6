import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { requireRole } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { canDeleteMyAccount } from "@/lib/dal/my-data";
import { formatDate } from "@/lib/domain/datetime";
import type { Locale } from "@/lib/i18n/routing";
import { DeleteAccount } from "./delete-account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MyData");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** My data (Law No. 94-V): download everything as JSON; withdraw consent and delete the account. */
export default async function MyDataPage() {
  const viewer = await requireRole("applicant");
  const [t, locale, check] = await Promise.all([
    getTranslations("MyData"),
    getLocale() as Promise<Locale>,
    canDeleteMyAccount({ id: viewer.id, role: "applicant" }),
  ]);
  return (
    <div className="space-y-8">
      <p>
        <Link href="/my" className="inline-flex min-h-11 items-center">← {t("backToMy")}</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold" data-testid="my-data-heading">
          {t("title")}
        </h1>
        <p className="max-w-prose text-lg text-slate-700">{t("intro")}</p>
      </header>

      <section aria-labelledby="download-title" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="download-title" className="text-xl font-semibold">
          {t("downloadTitle")}
        </h2>
        <p className="text-slate-700">{t("downloadBody")}</p>
        <a href="/api/my-data" download className={buttonClasses("primary")} data-testid="download-my-data">
          {t("download")}
        </a>
      </section>

      <section aria-labelledby="delete-title" className="space-y-3 rounded-lg border border-danger-600 bg-white p-4" data-testid="delete-section">
        <h2 id="delete-title" className="text-xl font-semibold">
          {t("deleteTitle")}
        </h2>
        {check.ok ? (
          <>
            <p className="text-slate-700">{t("deleteBody")}</p>
            <DeleteAccount
              texts={{
                button: t("deleteButton"),
                title: t("deleteDialogTitle"),
                body: t("deleteDialogBody"),
                confirm: t("deleteConfirm"),
                pending: t("deleting"),
              }}
            />
          </>
        ) : (
          <div className="space-y-2" data-testid="delete-blocked">
            <p className="font-semibold">{t("keepTitle")}</p>
            <ul className="list-disc space-y-1 ps-6 text-slate-800">
              {check.reasons.includes("submitted_in_open_call") ? (
                <li data-testid="keep-submitted">
                  {check.keepUntil && check.keepUntil.getTime() > now().getTime() ? t("keepSubmitted", { date: formatDate(check.keepUntil, locale) }) : t("keepSubmittedNoDate")}
                </li>
              ) : null}
              {check.reasons.includes("award") ? <li data-testid="keep-award">{t("keepAward")}</li> : null}
            </ul>
            <p className="text-slate-700">{t("keepHelp")}</p>
          </div>
        )}
      </section>
    </div>
  );
}
