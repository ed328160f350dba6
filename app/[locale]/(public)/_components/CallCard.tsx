import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { TimeLeft } from "@/app/_components/TimeLeft";
import type { OpenCall } from "@/lib/dal/calls";
import type { Locale } from "@/lib/i18n/routing";

type Props = {
  call: OpenCall;
  locale: Locale;
  /** Where "Apply" leads (the call's apply page, through sign-in when signed out), or null to show no link (staff do not apply). */
  applyHref: string | null;
  /** The instant the page was rendered for (time left). */
  now: Date;
};

/** One open call on the landing page: programme, title (a link to the call page), award, deadline with time left, budget, details and Apply. */
export function CallCard({ call, locale, applyHref, now }: Props) {
  const t = useTranslations("OpenCalls");
  const titleId = `call-${call.id}-title`;
  const title = call.title[locale];
  return (
    <article
      aria-labelledby={titleId}
      data-testid="open-call"
      data-programme={call.programmeCode}
      className="flex h-full flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-xs"
    >
      <header className="space-y-1">
        <p className="text-sm font-semibold text-brand-700" data-testid="call-programme">
          {call.programmeName[locale]}
        </p>
        <h3 id={titleId} className="text-lg font-semibold text-balance text-slate-900">
          <Link href={`/calls/${call.id}`} className="inline-flex min-h-11 items-center text-slate-900 hover:text-brand-800" data-testid="call-link">
            {title}
          </Link>
        </h3>
      </header>
      <dl className="m-0 space-y-3">
        <div>
          <dt className="text-sm text-slate-600">{t("awardAmount")}</dt>
          <dd className="m-0 text-xl font-bold text-slate-900" data-testid="call-award">
            <Money amount={call.awardAmount} locale={locale} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("deadline")}</dt>
          <dd className="m-0 font-semibold text-slate-900" data-testid="call-deadline">
            <DateTime value={call.closesAt} locale={locale} withZone />
          </dd>
          <dd className="m-0 text-slate-700" data-testid="call-time-left">
            <TimeLeft deadline={call.closesAt} now={now} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("budget")}</dt>
          <dd className="m-0 text-slate-900" data-testid="call-grants-covered" data-count={call.grantsCovered}>
            {call.grantsCovered > 0 ? t("grantsCovered", { count: call.grantsCovered }) : t("budgetSpent")}
          </dd>
        </div>
      </dl>
      <p className="mt-auto flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <Link
          href={`/calls/${call.id}`}
          aria-label={t("detailsOf", { title })}
          className={buttonClasses("secondary", "w-full sm:w-auto")}
          data-testid="call-details"
        >
          {t("details")}
        </Link>
        {applyHref ? (
          <Link
            href={applyHref}
            aria-label={t("applyTo", { title })}
            className={buttonClasses("primary", "w-full sm:w-auto")}
            data-testid="call-apply"
          >
            {t("apply")}
          </Link>
        ) : null}
      </p>
    </article>
  );
}
