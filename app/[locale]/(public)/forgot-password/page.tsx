import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ForgotPassword");
  return { title: t("metaTitle") };
}

/** "Forgot your password?": a reset link by e-mail (valid 1 h, once). */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/sign-in" className="inline-flex min-h-11 items-center">{t("backToSignIn")}</Link>
      </p>
    </div>
  );
}
