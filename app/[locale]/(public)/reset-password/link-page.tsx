import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/app/_components/button-styles";
import { checkLink } from "@/lib/dal/accounts";
import { ProblemNotice } from "../register/form-controls";
import { linkToken } from "../verify-email/token";
import { PasswordForm } from "./password-form";

/**
 * The page of a password link (reset: 1 h; first password of an admin-made account: 72 h). The link
 * is checked on render: a used, expired or unknown one is explained before anything is typed, with
 * the way to a new link.
 */
export async function PasswordLinkPage({ rawToken, purpose }: { rawToken: string | string[] | undefined; purpose: "reset" | "set" }) {
  const token = linkToken(rawToken);
  const [t, status] = await Promise.all([
    getTranslations("PasswordLink"),
    token ? checkLink(token, [purpose === "reset" ? "reset_password" : "set_password"]) : Promise.resolve("invalid" as const),
  ]);
  const title = purpose === "reset" ? t("resetTitle") : t("setTitle");

  if (status === "ok" && token) {
    return (
      <div className="mx-auto max-w-md space-y-6">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="text-slate-700">{purpose === "reset" ? t("resetIntro") : t("setIntro")}</p>
        <PasswordForm token={token} purpose={purpose} />
      </div>
    );
  }

  const problem =
    status === "expired" ? (purpose === "reset" ? t("resetExpired") : t("setExpired")) : status === "used" ? t("used") : t("invalid");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{title}</h1>
      <ProblemNotice testId="link-problem">{problem}</ProblemNotice>
      <div className="flex flex-wrap gap-3">
        <Link href="/forgot-password" className={buttonClasses("primary")}>
          {t("requestNew")}
        </Link>
        <Link href="/sign-in" className={buttonClasses("secondary")}>
          {t("signIn")}
        </Link>
      </div>
    </div>
  );
}
