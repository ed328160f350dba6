import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/app/_components/Notice";
import { landingAfterSignIn, safeNextPath } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/viewer";
import { homeFor } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : undefined);
  const viewer = await getViewer();
  if (viewer) redirect(landingAfterSignIn(next, viewer.role, homeFor(viewer.role)));

  const t = await getTranslations("SignIn");
  const signedOut = params.signedOut;
  const isDemo = env().isDemo;

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {signedOut === "everywhere" ? <Notice tone="success">{t("signedOutEverywhere")}</Notice> : null}
      {signedOut === "1" ? <Notice tone="success">{t("signedOut")}</Notice> : null}
      {params.verified === "1" ? <Notice tone="success">{t("verifiedNotice")}</Notice> : null}
      {params.reset === "1" ? <Notice tone="success">{t("resetNotice")}</Notice> : null}
      {params.passwordSet === "1" ? <Notice tone="success">{t("passwordSetNotice")}</Notice> : null}
      <p className="text-slate-700">{t("intro")}</p>
      <SignInForm next={next} />
      <p>
        <Link href="/forgot-password" className="inline-flex min-h-11 items-center" data-testid="forgot-password-link">
          {t("forgotPassword")}
        </Link>
      </p>
      <p className="border-t border-slate-200 pt-4">
        {t("noAccount")}{" "}
        <Link href="/register" data-testid="register-link">
          {t("registerLink")}
        </Link>
      </p>
      {isDemo ? (
        <aside aria-labelledby="demo-title" className="space-y-2 rounded-lg border border-sun-400 bg-white p-4 text-sm">
          <h2 id="demo-title" className="text-base font-semibold">
            {t("demoTitle")}
          </h2>
          <p>{t("demoBody", { password: DEMO_PASSWORD })}</p>
          <ul className="m-0 list-none space-y-1 p-0 font-mono">
            <li>admin@jasgrant.demo — {t("demoAdmin")}</li>
            <li>reviewer1@jasgrant.demo — {t("demoReviewer")}</li>
            <li>applicant1@jasgrant.demo — {t("demoApplicant")}</li>
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
