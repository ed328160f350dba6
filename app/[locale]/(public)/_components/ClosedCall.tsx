import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/EmptyState";
import { formatDateTime } from "@/lib/domain/datetime";
import type { Locale } from "@/lib/i18n/routing";

/**
 * A call past its deadline (the public call page and the apply page): that it closed and when, then the
 * way on: the calls open now and, once published, this call's results.
 */
export async function ClosedCall({
  call,
  headingLevel = 2,
}: {
  call: { id: string; closesAt: Date; resultsPublished: boolean };
  headingLevel?: 2 | 3;
}) {
  const [t, locale] = await Promise.all([getTranslations("CallPage"), getLocale() as Promise<Locale>]);
  const closed = t("closedText", { date: formatDateTime(call.closesAt, locale) });
  return (
    <EmptyState
      title={t("closedTitle")}
      text={`${closed} ${call.resultsPublished ? t("closedResultsPublished") : t("closedResultsPending")}`}
      action={{ href: "/#open-calls-title", label: t("closedOpenCalls"), "data-testid": "call-closed-open-calls" }}
      secondaryAction={
        call.resultsPublished
          ? { href: `/results#results-${call.id}-title`, label: t("closedResults"), "data-testid": "call-closed-results" }
          : undefined
      }
      headingLevel={headingLevel}
      data-testid="call-closed"
    />
  );
}
