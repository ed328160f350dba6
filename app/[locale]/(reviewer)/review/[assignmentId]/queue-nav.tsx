"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/app/_components/button-styles";
import { flushReview } from "./review-session";

/** Previous / next application in the reviewer's queue; the open form is saved first. */
export function QueueNav({ previous, next, position, count, id }: { previous: string | null; next: string | null; position: number; count: number; id: string }) {
  const t = useTranslations("Scoring");
  const router = useRouter();
  const go = (href: string) => async (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    await flushReview();
    router.push(href);
  };
  return (
    <nav aria-label={t("queueNav")} className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between" data-testid={id}>
      <p className="text-slate-700">{t("position", { position, count })}</p>
      <div className="flex gap-2">
        {previous ? (
          <Link href={`/review/${previous}`} onClick={go(`/review/${previous}`)} className={buttonClasses("secondary", "flex-1 sm:flex-none")} rel="prev" data-testid="previous-application">
            ← {t("previous")}
          </Link>
        ) : null}
        {next ? (
          <Link href={`/review/${next}`} onClick={go(`/review/${next}`)} className={buttonClasses("secondary", "flex-1 sm:flex-none")} rel="next" data-testid="next-application">
            {t("next")} →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
