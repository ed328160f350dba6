import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { Table } from "@/app/_components/Table";
import { TimeLeft } from "@/app/_components/TimeLeft";
import { signInUrl } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/viewer";
import { now } from "@/lib/clock";
import { getPublicCallPage } from "@/lib/dal/my-applications";
import { grantsCovered } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";
import { ClosedCall } from "@/app/[locale]/(public)/_components/ClosedCall";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [page, locale] = await Promise.all([getPublicCallPage(id), getLocale() as Promise<Locale>]);
  return page ? { title: page.call.title[locale], description: page.description[locale] || undefined } : {};
}

const fmtNumber = (n: number, locale: Locale) => new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 3 }).format(n);

/**
 * A call's public page: programme, who may apply (the programme's rules in words), the award, the
 * deadline in Almaty time with the time left, the grants the budget still covers, what the form asks
 * for and the rubric. After the deadline: that it closed and when, with the open calls and (once
 * published) the call's results. Unknown, not yet open or archived calls answer 404.
 */
export default async function CallPage({ params }: Props) {
  const { id } = await params;
  const [page, viewer, locale, t, tCalls] = await Promise.all([
    getPublicCallPage(id),
    getViewer(),
    getLocale() as Promise<Locale>,
    getTranslations("CallPage"),
    getTranslations("OpenCalls"),
  ]);
  if (!page) notFound();
  const { call, criteria, description, scoreOutOf } = page;
  const renderedAt = now();
  const covered = grantsCovered(call.budgetCap, call.awardedTotal, call.awardAmount);
  const title = call.title[locale];
  const applyPath = `/calls/${call.id}/apply`;
  const applyHref = !viewer ? signInUrl(applyPath) : viewer.role === "applicant" ? applyPath : null;
  const rules = call.rules;
  const isNominations = call.programmeCode === "zangar";

  if (page.state === "closed") {
    return (
      <article className="space-y-8" aria-labelledby="call-title" data-testid="call-page" data-state="closed" data-programme={call.programmeCode}>
        <header className="space-y-2">
          <p className="text-sm font-semibold text-brand-700" data-testid="call-programme">
            {call.programmeName[locale]}
          </p>
          <h1 id="call-title" className="text-3xl font-bold text-balance">
            {title}
          </h1>
        </header>
        <ClosedCall call={call} />
      </article>
    );
  }

  return (
    <article className="space-y-8" aria-labelledby="call-title" data-testid="call-page" data-programme={call.programmeCode}>
      <p>
        <Link href="/#open-calls-title" className="inline-flex min-h-11 items-center">← {t("allCalls")}</Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700" data-testid="call-programme">
          {call.programmeName[locale]}
        </p>
        <h1 id="call-title" className="text-3xl font-bold text-balance">
          {title}
        </h1>
        {description[locale] ? <p className="max-w-prose text-lg text-slate-700">{description[locale]}</p> : null}
      </header>

      <section aria-labelledby="facts-title" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="facts-title" className="sr-only">
          {t("keyFacts")}
        </h2>
        <dl className="m-0 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-600">{t("awardAmount")}</dt>
            <dd className="m-0 text-xl font-bold" data-testid="call-award">
              <Money amount={call.awardAmount} locale={locale} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("deadline")}</dt>
            <dd className="m-0 font-semibold" data-testid="call-deadline">
              <DateTime value={call.closesAt} locale={locale} withZone />
            </dd>
            <dd className="m-0 text-slate-700" data-testid="call-time-left">
              <TimeLeft deadline={call.closesAt} now={renderedAt} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("opensAt")}</dt>
            <dd className="m-0">
              <DateTime value={call.opensAt} locale={locale} withZone />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("budget")}</dt>
            <dd className="m-0" data-testid="call-grants-covered" data-count={covered}>
              {covered > 0 ? tCalls("grantsCovered", { count: covered }) : tCalls("budgetSpent")}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="apply-title" className="space-y-3 rounded-lg border-l-4 border-sun-400 bg-white p-4 shadow-xs">
        <h2 id="apply-title" className="text-xl font-semibold">
          {t("applyTitle")}
        </h2>
        {applyHref ? (
          <>
            {!viewer ? <p className="text-slate-700">{t("signInToApply")}</p> : null}
            <Link href={applyHref} aria-label={t("applyTo", { title })} className={buttonClasses("primary", "w-full sm:w-auto")} data-testid="call-page-apply">
              {t("apply")}
            </Link>
          </>
        ) : (
          <p className="text-slate-700">{t("staffCannotApply")}</p>
        )}
      </section>

      <section aria-labelledby="who-title" className="space-y-3">
        <h2 id="who-title" className="text-2xl font-semibold">
          {t("whoTitle")}
        </h2>
        <ul className="list-disc space-y-1 ps-6 text-slate-800" data-testid="call-rules">
          <li>{t("ruleAge", { minAge: rules.minAge, maxAge: rules.maxAge })}</li>
          <li>{t("ruleDistrict")}</li>
          <li>{t("ruleOnePerCall")}</li>
          {rules.guardianConsentBelow && rules.guardianConsentBelow > rules.minAge ? (
            <li>{t("ruleGuardian", { age: rules.guardianConsentBelow })}</li>
          ) : null}
          {rules.individualsOnly ? <li>{t("ruleIndividuals")}</li> : null}
          {rules.excludePastWinners ? <li>{t("rulePastWinners")}</li> : null}
          {rules.requiresTrainingCertificate ? <li>{t("ruleTraining")}</li> : null}
        </ul>
        {call.directions.length > 0 ? (
          <div className="space-y-1">
            <h3 className="text-lg font-semibold">{isNominations ? t("nominations") : t("directions")}</h3>
            <ul className="list-disc ps-6 text-slate-800">
              {call.directions.map((d) => (
                <li key={d.code}>{d.name[locale]}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {call.sections.length > 0 ? (
        <section aria-labelledby="form-title" className="space-y-3">
          <h2 id="form-title" className="text-2xl font-semibold">
            {t("formTitle")}
          </h2>
          <ol className="list-decimal space-y-1 ps-6 text-slate-800">
            {call.sections.map((s) => (
              <li key={s.key}>{s.title[locale]}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="rubric-title" className="space-y-3" data-testid="call-rubric">
        <h2 id="rubric-title" className="text-2xl font-semibold">
          {t("rubricTitle")}
        </h2>
        <p className="text-slate-700">{t("rubricIntro", { outOf: scoreOutOf })}</p>
        <Table
          id="rubric"
          caption={t("rubricCaption")}
          captionHidden
          layout="stack"
          rows={criteria}
          rowKey={(c) => c.code}
          columns={[
            {
              key: "name",
              header: t("criterion"),
              rowHeader: true,
              cell: (c) => (
                <span>
                  <span data-testid="criterion-name">{c.name[locale]}</span>
                  {c.description[locale] ? <span className="mt-1 block font-normal text-slate-700">{c.description[locale]}</span> : null}
                </span>
              ),
            },
            { key: "scale", header: t("scale"), cell: (c) => t("scaleRange", { min: c.scaleMin, max: c.scaleMax }) },
            { key: "weight", header: t("weight"), align: "end", cell: (c) => fmtNumber(c.weight, locale) },
            {
              key: "share",
              header: t("share"),
              align: "end",
              cell: (c) => <span data-testid="criterion-share">{t("sharePercent", { share: fmtNumber(c.share, locale) })}</span>,
            },
          ]}
        />
      </section>
    </article>
  );
}
