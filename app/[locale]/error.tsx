"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/app/_components/StatusPage";

/** An unexpected error in a page: a message in the person's language, a retry, a way home. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPage");
  const tc = useTranslations("Common");

  useEffect(() => {
    document.getElementById("main")?.focus();
  }, []);

  return (
    <StatusPage code="500" title={t("title")} body={t("body")} backHome={tc("backHome")}>
      {error.digest ? <p className="text-sm text-slate-600">{t("reference", { digest: error.digest })}</p> : null}
      <p>
        <button
          type="button"
          onClick={reset}
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          {t("retry")}
        </button>
      </p>
    </StatusPage>
  );
}
