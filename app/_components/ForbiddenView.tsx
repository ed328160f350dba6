import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { homeFor } from "@/lib/domain/permissions";
import { getViewer } from "@/lib/auth/viewer";

/** The 403 page's content: what happened, and a way to the person's own area and home. */
export async function ForbiddenView() {
  const [t, tc, viewer] = await Promise.all([getTranslations("Forbidden"), getTranslations("Common"), getViewer()]);
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto max-w-xl space-y-4 py-8" data-testid="forbidden">
      <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase">{t("code")}</p>
      <h1 id="forbidden-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="text-lg">{t("body")}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 p-0 list-none">
        {viewer ? (
          <li>
            <Link href={homeFor(viewer.role)}>{tc("goToMyArea")}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/" className="inline-flex min-h-11 items-center">{tc("backHome")}</Link>
        </li>
      </ul>
    </section>
  );
}
