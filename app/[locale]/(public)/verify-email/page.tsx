import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { getViewer } from "@/lib/auth/viewer";
import { checkLink, isEmailVerified } from "@/lib/dal/accounts";
import { homeFor } from "@/lib/domain/permissions";
import { ProblemNotice } from "../register/form-controls";
import { ConfirmEmailForm, ResendVerificationForm } from "./forms";
import { linkToken } from "./token";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("VerifyEmail");
  return { title: t("metaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The page of a verification link. Opening it changes nothing (mail scanners prefetch links): it
 * checks the link and shows a "Confirm my e-mail" button, or says why the link cannot be used and
 * what to do instead (send a new one when signed in, else sign in first).
 */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = linkToken(params.token);
  const [t, status, viewer] = await Promise.all([
    getTranslations("VerifyEmail"),
    token ? checkLink(token, ["verify_email"]) : Promise.resolve("invalid" as const),
    getViewer(),
  ]);

  if (status === "ok" && token) {
    return (
      <div className="mx-auto max-w-xl space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <ConfirmEmailForm token={token} />
      </div>
    );
  }

  const verified = viewer ? await isEmailVerified(viewer.id) : false;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <ProblemNotice testId="link-problem">{t(status === "ok" ? "invalid" : status)}</ProblemNotice>
      {viewer && !verified ? (
        <div className="space-y-3">
          <p>{t("resendHint")}</p>
          <ResendVerificationForm />
        </div>
      ) : null}
      {viewer ? (
        <p>
          <Link href={homeFor(viewer.role)} className={buttonClasses("secondary")}>
            {t("goToMyPage")}
          </Link>
        </p>
      ) : (
        <div className="space-y-3">
          <p>{t("signInHint")}</p>
          <Link href="/sign-in?next=%2Fmy" className={buttonClasses("primary")}>
            {t("signIn")}
          </Link>
        </div>
      )}
    </div>
  );
}
