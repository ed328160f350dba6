/**
 * The message catalogues: one folder per part of the portal (core, accounts, calls, ...), each with
 * kk.json, ru.json and en.json. A part may add keys to a namespace another part started (one level
 * deep: namespaces are merged, keys are not overwritten). Adding a part: import its three files here.
 */
import coreKk from "./messages/core/kk.json" with { type: "json" };
import coreRu from "./messages/core/ru.json" with { type: "json" };
import coreEn from "./messages/core/en.json" with { type: "json" };
import accountsKk from "./messages/accounts/kk.json" with { type: "json" };
import accountsRu from "./messages/accounts/ru.json" with { type: "json" };
import accountsEn from "./messages/accounts/en.json" with { type: "json" };
import callsKk from "./messages/calls/kk.json" with { type: "json" };
import callsRu from "./messages/calls/ru.json" with { type: "json" };
import callsEn from "./messages/calls/en.json" with { type: "json" };
import applicationsKk from "./messages/applications/kk.json" with { type: "json" };
import applicationsRu from "./messages/applications/ru.json" with { type: "json" };
import applicationsEn from "./messages/applications/en.json" with { type: "json" };
import applicantKk from "./messages/applicant/kk.json" with { type: "json" };
import applicantRu from "./messages/applicant/ru.json" with { type: "json" };
import applicantEn from "./messages/applicant/en.json" with { type: "json" };
import wizardKk from "./messages/wizard/kk.json" with { type: "json" };
import wizardRu from "./messages/wizard/ru.json" with { type: "json" };
import wizardEn from "./messages/wizard/en.json" with { type: "json" };
import assignmentsKk from "./messages/assignments/kk.json" with { type: "json" };
import assignmentsRu from "./messages/assignments/ru.json" with { type: "json" };
import assignmentsEn from "./messages/assignments/en.json" with { type: "json" };
import reviewAdminKk from "./messages/review-admin/kk.json" with { type: "json" };
import reviewAdminRu from "./messages/review-admin/ru.json" with { type: "json" };
import reviewAdminEn from "./messages/review-admin/en.json" with { type: "json" };
import rankingKk from "./messages/ranking/kk.json" with { type: "json" };
import rankingRu from "./messages/ranking/ru.json" with { type: "json" };
import rankingEn from "./messages/ranking/en.json" with { type: "json" };
import reviewerKk from "./messages/reviewer/kk.json" with { type: "json" };
import reviewerRu from "./messages/reviewer/ru.json" with { type: "json" };
import reviewerEn from "./messages/reviewer/en.json" with { type: "json" };
import scoringKk from "./messages/scoring/kk.json" with { type: "json" };
import scoringRu from "./messages/scoring/ru.json" with { type: "json" };
import scoringEn from "./messages/scoring/en.json" with { type: "json" };
import reviewProgressKk from "./messages/review-progress/kk.json" with { type: "json" };
import reviewProgressRu from "./messages/review-progress/ru.json" with { type: "json" };
import reviewProgressEn from "./messages/review-progress/en.json" with { type: "json" };
import awardsKk from "./messages/awards/kk.json" with { type: "json" };
import awardsRu from "./messages/awards/ru.json" with { type: "json" };
import awardsEn from "./messages/awards/en.json" with { type: "json" };
import protocolKk from "./messages/protocol/kk.json" with { type: "json" };
import protocolRu from "./messages/protocol/ru.json" with { type: "json" };
import protocolEn from "./messages/protocol/en.json" with { type: "json" };
import auditKk from "./messages/audit/kk.json" with { type: "json" };
import auditRu from "./messages/audit/ru.json" with { type: "json" };
import auditEn from "./messages/audit/en.json" with { type: "json" };
import pastWinnersKk from "./messages/past-winners/kk.json" with { type: "json" };
import pastWinnersRu from "./messages/past-winners/ru.json" with { type: "json" };
import pastWinnersEn from "./messages/past-winners/en.json" with { type: "json" };
import peopleKk from "./messages/people/kk.json" with { type: "json" };
import peopleRu from "./messages/people/ru.json" with { type: "json" };
import peopleEn from "./messages/people/en.json" with { type: "json" };
import publicResultsKk from "./messages/public-results/kk.json" with { type: "json" };
import publicResultsRu from "./messages/public-results/ru.json" with { type: "json" };
import publicResultsEn from "./messages/public-results/en.json" with { type: "json" };
import editorKk from "./messages/editor/kk.json" with { type: "json" };
import editorRu from "./messages/editor/ru.json" with { type: "json" };
import editorEn from "./messages/editor/en.json" with { type: "json" };
import dashboardKk from "./messages/dashboard/kk.json" with { type: "json" };
import dashboardRu from "./messages/dashboard/ru.json" with { type: "json" };
import dashboardEn from "./messages/dashboard/en.json" with { type: "json" };
import exportsKk from "./messages/exports/kk.json" with { type: "json" };
import exportsRu from "./messages/exports/ru.json" with { type: "json" };
import exportsEn from "./messages/exports/en.json" with { type: "json" };
import emailsKk from "./messages/emails/kk.json" with { type: "json" };
import emailsRu from "./messages/emails/ru.json" with { type: "json" };
import emailsEn from "./messages/emails/en.json" with { type: "json" };
import type { Locale } from "./routing";

type Catalogue = Record<string, Record<string, unknown>>;

export const PARTS = {
  core: { kk: coreKk, ru: coreRu, en: coreEn },
  accounts: { kk: accountsKk, ru: accountsRu, en: accountsEn },
  calls: { kk: callsKk, ru: callsRu, en: callsEn },
  applications: { kk: applicationsKk, ru: applicationsRu, en: applicationsEn },
  applicant: { kk: applicantKk, ru: applicantRu, en: applicantEn },
  wizard: { kk: wizardKk, ru: wizardRu, en: wizardEn },
  assignments: { kk: assignmentsKk, ru: assignmentsRu, en: assignmentsEn },
  reviewAdmin: { kk: reviewAdminKk, ru: reviewAdminRu, en: reviewAdminEn },
  ranking: { kk: rankingKk, ru: rankingRu, en: rankingEn },
  reviewer: { kk: reviewerKk, ru: reviewerRu, en: reviewerEn },
  scoring: { kk: scoringKk, ru: scoringRu, en: scoringEn },
  reviewProgress: { kk: reviewProgressKk, ru: reviewProgressRu, en: reviewProgressEn },
  awards: { kk: awardsKk, ru: awardsRu, en: awardsEn },
  protocol: { kk: protocolKk, ru: protocolRu, en: protocolEn },
  audit: { kk: auditKk, ru: auditRu, en: auditEn },
  pastWinners: { kk: pastWinnersKk, ru: pastWinnersRu, en: pastWinnersEn },
  people: { kk: peopleKk, ru: peopleRu, en: peopleEn },
  publicResults: { kk: publicResultsKk, ru: publicResultsRu, en: publicResultsEn },
  editor: { kk: editorKk, ru: editorRu, en: editorEn },
  dashboard: { kk: dashboardKk, ru: dashboardRu, en: dashboardEn },
  exports: { kk: exportsKk, ru: exportsRu, en: exportsEn },
  emails: { kk: emailsKk, ru: emailsRu, en: emailsEn },
} as const;

/** The Kazakh catalogue's shape is the type of every catalogue (typed keys in next-intl). */
export type Messages = typeof coreKk &
  typeof accountsKk &
  typeof callsKk &
  typeof applicationsKk &
  typeof applicantKk &
  typeof wizardKk &
  typeof assignmentsKk &
  typeof reviewAdminKk &
  typeof rankingKk &
  typeof reviewerKk &
  typeof scoringKk &
  typeof reviewProgressKk &
  typeof awardsKk &
  typeof protocolKk &
  typeof auditKk &
  typeof pastWinnersKk &
  typeof peopleKk &
  typeof publicResultsKk &
  typeof editorKk &
  typeof dashboardKk &
  typeof exportsKk &
  typeof emailsKk;

function merge(parts: Catalogue[], where: string): Catalogue {
  const out: Catalogue = {};
  for (const part of parts) {
    for (const [ns, keys] of Object.entries(part)) {
      const target = (out[ns] ??= {});
      for (const [k, v] of Object.entries(keys)) {
        if (k in target) throw new Error(`message ${where} ${ns}.${k} is defined twice`);
        target[k] = v;
      }
    }
  }
  return out;
}

const cache = new Map<Locale, Messages>();

export function catalogue(locale: Locale): Messages {
  let m = cache.get(locale);
  if (!m) {
    m = merge(
      Object.values(PARTS).map((p) => p[locale] as Catalogue),
      locale,
    ) as Messages;
    cache.set(locale, m);
  }
  return m;
}
