import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/EmptyState";
import { homeFor } from "@/lib/domain/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { signInUrl } from "@/lib/auth/paths";
import { now } from "@/lib/clock";
import { listOpenCalls } from "@/lib/dal/calls";
import type { Locale } from "@/lib/i18n/routing";
import { CallCard } from "../_components/CallCard";

const PROGRAMMES = ["biznesBastau", "urpaqtary", "zangar"] as const;

/** Where "Apply" leads: the call's apply page (through sign-in when signed out), nowhere for staff. */
function applyHrefFor(role: string | undefined, callId: string): string | null {
  const path = `/calls/${callId}/apply`;
  if (!role) return signInUrl(path);
  return role === "applicant" ? path : null;
}

/** The landing page: what the portal is, the calls open now, the three programmes, and the way in. */
export default async function LandingPage() {
  const [t, tc, tCalls, viewer, locale, openCalls] = await Promise.all([
    getTranslations("Landing"),
    getTranslations("Common"),
    getTranslations("OpenCalls"),
    getViewer(),
    getLocale() as Promise<Locale>,
    listOpenCalls(),
  ]);
  const renderedAt = now();
  const tResults = await getTranslations("PublicResults");

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
          <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
            <div className="space-y-3">
              <p className="text-slate-700">{t("signInPrompt")}</p>
              <Link href="/sign-in" className={buttonClasses("primary")} data-testid="landing-sign-in">
                {tc("signIn")}
              </Link>
            </div>
            <div className="space-y-3">
              <p className="text-slate-700">{tCalls("registerPrompt")}</p>
              <Link href="/register" className={buttonClasses("secondary")} data-testid="landing-register">
                {tCalls("register")}
              </Link>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="open-calls-title" className="space-y-4" data-testid="open-calls">
        <div className="space-y-1">
          <h2 id="open-calls-title" className="text-2xl font-semibold">
            {tCalls("title")}
          </h2>
          <p className="text-slate-700">{tCalls("lead")}</p>
          {!viewer && openCalls.length > 0 ? <p className="text-slate-700">{tCalls("applyHint")}</p> : null}
        </div>
        {openCalls.length > 0 ? (
          <ul className="m-0 grid list-none gap-4 p-0 md:grid-cols-2 lg:grid-cols-3">
            {openCalls.map((call) => (
              <li key={call.id}>
                <CallCard call={call} locale={locale} applyHref={applyHrefFor(viewer?.role, call.id)} now={renderedAt} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            title={tCalls("emptyTitle")}
            text={tCalls("emptyText")}
            action={{ href: "/results", label: tCalls("emptyAction"), "data-testid": "no-open-calls-results" }}
            headingLevel={3}
            data-testid="no-open-calls"
          />
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
        <p>
          <Link href="/results" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" data-testid="landing-results">
            {tResults("landingLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
