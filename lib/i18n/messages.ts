import type { Locale } from "./routing";
import { catalogue, type Messages } from "./catalogue";

export type { Messages };

export async function loadMessages(locale: Locale): Promise<Messages> {
  return catalogue(locale);
}

/** Namespaces the client components read (the rest stays on the server). */
export const CLIENT_NAMESPACES = [
  "Common",
  "SignIn",
  "Validation",
  "ErrorPage",
  "Account",
  "Ui",
  "ApplicationStatus",
  // The account forms (lib/i18n/messages/accounts).
  "Register",
  "VerifyEmail",
  "AccountNotices",
  "ForgotPassword",
  "PasswordLink",
  "AdminUsers",
  // The application wizard (lib/i18n/messages/wizard) and the forecast rules.
  "Wizard",
  // The reviewer's scoring form (lib/i18n/messages/scoring).
  "Scoring",
  "Forecast",
  // Reviewer assignment (lib/i18n/messages/assignments).
  "AdminAssignments",
  // Admin screening and conflict decisions (lib/i18n/messages/review-admin).
  "AdminScreening",
  "AdminConflicts",
  // The reviewer's queue (lib/i18n/messages/reviewer).
  "ReviewQueue",
  // Reopening a submitted review from the review progress page (lib/i18n/messages/review-progress).
  "AdminReopen",
  // The awards page's dialogs (lib/i18n/messages/awards).
  "AdminAwardActions",
  // The past winners import form (lib/i18n/messages/past-winners).
  "PastWinners",
  // The programme, call and MRP editors (lib/i18n/messages/editor).
  "AdminEditor",
  // The exports page's download buttons with progress (lib/i18n/messages/exports).
  "AdminExports",
] as const;

export function pickClientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const picked = {} as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
  for (const ns of CLIENT_NAMESPACES) {
    (picked as Record<string, unknown>)[ns] = messages[ns];
  }
  return picked;
}
