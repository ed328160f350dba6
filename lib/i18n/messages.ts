import type { Locale } from "./routing";
import { catalogue, type Messages } from "./catalogue";

export type { Messages };

export async function loadMessages(locale: Locale): Promise<Messages> {
  return catalogue(locale);
}

/**
 * The namespaces client components read, by the area whose layout sends them to the browser: every page
 * gets `everywhere` (the header, dialogs, toasts, the error page); a route group's layout adds its own
 * (app/_components/AreaMessages.tsx). A page thus carries only its area's texts, not every form's of the
 * portal. A unit test (client-namespaces.test.ts) checks that each client component's namespaces are
 * sent where it lives and where it is used.
 */
export const CLIENT_NAMESPACE_AREAS = {
  everywhere: ["Common", "Ui", "ErrorPage", "Account", "ApplicationStatus"],
  // Sign-in, registration, e-mail confirmation and password links (lib/i18n/messages/accounts).
  public: ["SignIn", "Validation", "Register", "VerifyEmail", "AccountNotices", "ForgotPassword", "PasswordLink"],
  // The application wizard (lib/i18n/messages/wizard), the forecast rules, and /my's "send the confirmation link again".
  applicant: ["Validation", "Wizard", "Forecast", "AccountNotices", "VerifyEmail"],
  // The reviewer's queue and scoring form (lib/i18n/messages/reviewer, scoring).
  reviewer: ["Validation", "Scoring", "Forecast", "ReviewQueue"],
  // Admin forms and dialogs: users, assignment, screening, conflicts, reopening, awards, past winners, the editors, exports.
  admin: [
    "Validation",
    "AdminUsers",
    "AdminAssignments",
    "AdminScreening",
    "AdminConflicts",
    "AdminReopen",
    "AdminAwardActions",
    "PastWinners",
    "AdminEditor",
    "AdminExports",
  ],
} as const satisfies Record<string, readonly (keyof Messages)[]>;

export type ClientArea = Exclude<keyof typeof CLIENT_NAMESPACE_AREAS, "everywhere">;
type ClientNamespace = (typeof CLIENT_NAMESPACE_AREAS)[keyof typeof CLIENT_NAMESPACE_AREAS][number];

/** Every namespace some client component reads. */
export const CLIENT_NAMESPACES: readonly ClientNamespace[] = [...new Set(Object.values(CLIENT_NAMESPACE_AREAS).flat())];

/** The messages a page of `area` sends to the browser (only `everywhere` without an area). */
export function pickClientMessages(messages: Messages, area?: ClientArea): Pick<Messages, ClientNamespace> {
  const picked = {} as Pick<Messages, ClientNamespace>;
  for (const ns of [...CLIENT_NAMESPACE_AREAS.everywhere, ...(area ? CLIENT_NAMESPACE_AREAS[area] : [])]) {
    (picked as Record<string, unknown>)[ns] = messages[ns];
  }
  return picked;
}
