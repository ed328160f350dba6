import type { EligibilityReason } from "@/lib/domain/eligibility";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One eligibility reason in the viewer's language (catalogue namespace `Eligibility`); statuses come
 * from `ApplicationStatus`. Translators are passed in, so server pages and actions share it.
 */
export function eligibilityReasonText(t: Translate, status: Translate, r: EligibilityReason): string {
  switch (r.code) {
    case "age_below":
      return t("age_below", { age: r.age, minAge: r.minAge });
    case "age_above":
      return t("age_above", { age: r.age, maxAge: r.maxAge });
    case "already_applied":
      return t("already_applied", { status: status(r.status) });
    case "past_winner":
      return t("past_winner", { years: r.years.join(", ") });
    default:
      return t(r.code);
  }
}
