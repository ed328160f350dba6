import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { homeFor } from "@/lib/domain/permissions";
import { getViewer } from "@/lib/auth/viewer";

const PROGRAMMES = ["biznesBastau", "urpaqtary", "zangar"] as const;

/** The landing page: what the portal is, its three programmes, and the way in. */
export default async function LandingPage() {
  const [t, tc, viewer] = await Promise.all([getTranslations("Landing"), getTranslations("Common"), getViewer()]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="landing-title" className="space-y-4">
        <h1 id="landing-title" className="text-3xl font-bold text-balance sm:text-4xl">
          {t("title")}
        </h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("lead")}</p>
        {viewer ? (
          <Link href={homeFor(viewer.role)} className={buttonClasses("primary")}>
            {t("goToArea", { area: tc(`areas.${viewer.role}`) })}
          </Link>
        ) : (
          <div className="space-y-3">
            <p className="text-slate-700">{t("signInPrompt")}</p>
            <Link href="/sign-in" className={buttonClasses("primary")}>
              {tc("signIn")}
            </Link>
          </div>
        )}
      </section>

      <section aria-labelledby="programmes-title" className="space-y-4">
        <h2 id="programmes-title" className="text-2xl font-semibold">
          {t("programmesTitle")}
        </h2>
        <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-3">
          {PROGRAMMES.map((key) => (
            <li key={key} className="rounded-lg border border-slate-300 bg-white p-4">
              <h3 className="text-lg font-semibold">{t(`programmes.${key}.name`)}</h3>
              <p className="mt-1 text-slate-700">{t(`programmes.${key}.description`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
