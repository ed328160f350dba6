import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/app/_components/DateTime";
import { Money } from "@/app/_components/Money";
import { requireRole } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { isEmailVerified } from "@/lib/dal/accounts";
import { getMyApplication } from "@/lib/dal/applications";
import type { Locale } from "@/lib/i18n/routing";
import { Wizard } from "./wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Wizard");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The application wizard: the programme's sections as steps, attachments, review and submit. */
export default async function EditApplicationPage({ params, searchParams }: Props) {
  const viewer = await requireRole("applicant");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const app = await getMyApplication({ id: viewer.id, role: "applicant" }, id);
  if (!app) notFound();
  if (app.status !== "draft") redirect(`/my/applications/${app.id}`);
  const [t, locale, verified] = await Promise.all([getTranslations("Wizard"), getLocale() as Promise<Locale>, isEmailVerified(viewer.id)]);
  const { call } = app;
  const closed = now().getTime() >= call.closesAt.getTime();

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold text-brand-700">
          {call.programmeName[locale]} · <span data-testid="wizard-reference">{app.reference}</span>
        </p>
        <h1 className="text-2xl font-bold text-balance sm:text-3xl" data-testid="wizard-heading">
          {call.title[locale]}
        </h1>
        <p className="text-slate-700">
          {t("awardAmount")}: <Money amount={call.awardAmount} locale={locale} /> · {t("deadline")}:{" "}
          <DateTime value={call.closesAt} locale={locale} withZone />
        </p>
      </header>
      <Wizard
        applicationId={app.id}
        version={app.version}
        updatedAt={app.updatedAt.toISOString()}
        data={app.data}
        sections={call.sections}
        directions={call.directions.map((d) => ({ code: d.code, name: d.name[locale] }))}
        awardAmount={call.awardAmount}
        locale={locale}
        attachments={app.attachments.map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes }))}
        emailVerified={verified}
        closed={closed}
        initialStep={typeof query.step === "string" ? query.step : undefined}
      />
    </div>
  );
}
