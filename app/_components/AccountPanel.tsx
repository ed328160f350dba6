import { getTranslations } from "next-intl/server";
import { signOutAction, signOutEverywhereAction } from "@/app/[locale]/actions";
import { SubmitButton } from "./Button";

/** On each area's home: sign out, and sign out everywhere with what it does. Works without JavaScript. */
export async function AccountPanel() {
  const [t, tc] = await Promise.all([getTranslations("Account"), getTranslations("Common")]);
  return (
    <section aria-labelledby="account-title" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="account-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("signOutEverywhereHint")}</p>
      <div className="flex flex-wrap gap-3">
        <form action={signOutEverywhereAction}>
          <SubmitButton variant="danger" pendingLabel={t("signingOut")} data-testid="sign-out-everywhere">
            {tc("signOutEverywhere")}
          </SubmitButton>
        </form>
        <form action={signOutAction}>
          <SubmitButton variant="secondary" pendingLabel={t("signingOut")}>
            {tc("signOut")}
          </SubmitButton>
        </form>
      </div>
    </section>
  );
}
