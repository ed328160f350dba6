/**
 * The authorisation matrix: for every door of the portal (./inventory.ts reads them from the code) and
 * every identity, what must happen. A rule names who is let through; everyone else is refused with the
 * outcome the rule's kind implies:
 *
 * - signed out, a deactivated account and a session from before "sign out everywhere" / a password
 *   change are not signed in at all: actions answer `unauthenticated`, pages send them to sign-in,
 *   routes answer 401;
 * - a signed-in person of the wrong role: actions `forbidden`, pages and routes 403;
 * - a signed-in person of the right role asking for someone else's record: `not_found` / 404, so that
 *   nobody learns that a record they may not see exists.
 */

export const IDENTITIES = [
  "signedOut",
  "applicantA",
  "applicantB",
  "reviewerAssigned",
  "reviewerUnassigned",
  "reviewerConflicted",
  "admin",
  "deactivated",
  "staleSession",
] as const;
export type Identity = (typeof IDENTITIES)[number];

/** Identities the portal treats as signed out whatever their cookie says. */
export const NOT_SIGNED_IN: readonly Identity[] = ["signedOut", "deactivated", "staleSession"];

export type Rule = {
  /** Open to everyone, signed in or not (sign-in, registration, public pages). */
  public?: true;
  /** Who is let through ("signedIn": every signed-in identity). */
  allow?: readonly Identity[] | "signedIn";
  /** Signed-in identities of the right role that get "not found" (someone else's record). */
  notFound?: readonly Identity[];
  /** Over HTTP every refusal is a 404, signed out included: the door does not admit it exists (downloads). */
  hideAs404?: true;
};

export type Outcome = "allowed" | "unauthenticated" | "forbidden" | "not_found";

export function expectedOutcome(rule: Rule, who: Identity): Outcome {
  if (rule.public) return "allowed";
  if (NOT_SIGNED_IN.includes(who)) return "unauthenticated";
  if (rule.allow === "signedIn" || rule.allow?.includes(who)) return "allowed";
  if (rule.notFound?.includes(who)) return "not_found";
  return "forbidden";
}

const ADMIN = { allow: ["admin"] } as const satisfies Rule;
const APPLICANTS = { allow: ["applicantA", "applicantB"] } as const satisfies Rule;
/** Applicant A's own record: applicant B must not learn it exists. */
const OWN_APPLICATION = { allow: ["applicantA"], notFound: ["applicantB"] } as const satisfies Rule;
/** Reviewer's assignment: only the assigned, unconflicted reviewer. */
const OWN_ASSIGNMENT = { allow: ["reviewerAssigned"], notFound: ["reviewerUnassigned", "reviewerConflicted"] } as const satisfies Rule;
/**
 * Declaring a conflict on, or declining, an assignment of one's own stays possible with a conflict on
 * it (harmless and idempotent); an application never assigned to the reviewer is "not found".
 */
const OWN_ASSIGNMENT_EVEN_CONFLICTED = { allow: ["reviewerAssigned", "reviewerConflicted"], notFound: ["reviewerUnassigned"] } as const satisfies Rule;
const SIGNED_IN = { allow: "signedIn" } as const satisfies Rule;
const PUBLIC = { public: true } as const satisfies Rule;

const A = "app/[locale]";

/** Every server action, by file and export. */
export const ACTION_RULES: Record<string, Rule> = {
  // admin: calls
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#autoAssignAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#addAssignmentAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/assignments/actions.ts#removeAssignmentAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#confirmProposalAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#promoteAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#revokeAwardAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#publishResultsAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/awards/actions.ts#archiveCallAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/conflicts/actions.ts#resolveFlagAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/progress/actions.ts#reopenReviewAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/[id]/screening/actions.ts#screenApplicationAction`]: ADMIN,
  // admin: programmes, calls, the MRP table (the editor)
  [`${A}/(admin)/admin/calls/editor-actions.ts#createCallAction`]: ADMIN,
  [`${A}/(admin)/admin/calls/editor-actions.ts#updateCallAction`]: ADMIN,
  [`${A}/(admin)/admin/mrp/actions.ts#addMrpAction`]: ADMIN,
  [`${A}/(admin)/admin/mrp/actions.ts#updateMrpAction`]: ADMIN,
  [`${A}/(admin)/admin/programmes/actions.ts#createProgrammeAction`]: ADMIN,
  [`${A}/(admin)/admin/programmes/actions.ts#updateProgrammeAction`]: ADMIN,
  // admin: people and reference data
  [`${A}/(admin)/admin/past-winners/actions.ts#pastWinnersAction`]: ADMIN,
  [`${A}/(admin)/admin/users/actions.ts#createStaffAction`]: ADMIN,
  [`${A}/(admin)/admin/users/actions.ts#setAccountActiveAction`]: ADMIN,
  // applicants
  [`${A}/(applicant)/calls/[id]/apply/actions.ts#startApplicationAction`]: APPLICANTS,
  [`${A}/(applicant)/my/applications/[id]/actions.ts#withdrawMyApplication`]: OWN_APPLICATION,
  [`${A}/(applicant)/my/applications/[id]/actions.ts#reopenMyApplication`]: OWN_APPLICATION,
  [`${A}/(applicant)/my/applications/[id]/edit/actions.ts#submitApplicationAction`]: OWN_APPLICATION,
  [`${A}/(applicant)/my/applications/[id]/edit/actions.ts#deleteAttachmentAction`]: OWN_APPLICATION,
  [`${A}/(applicant)/my/data/actions.ts#deleteMyAccountAction`]: APPLICANTS,
  // reviewers
  [`${A}/(reviewer)/review/[assignmentId]/actions.ts#saveReviewDraftAction`]: OWN_ASSIGNMENT,
  [`${A}/(reviewer)/review/[assignmentId]/actions.ts#submitReviewAction`]: OWN_ASSIGNMENT,
  [`${A}/(reviewer)/review/actions.ts#declareConflictAction`]: OWN_ASSIGNMENT_EVEN_CONFLICTED,
  [`${A}/(reviewer)/review/actions.ts#declineAssignmentAction`]: OWN_ASSIGNMENT_EVEN_CONFLICTED,
  // anyone signed in, for their own account
  [`${A}/actions.ts#signOutEverywhereAction`]: SIGNED_IN,
  [`app/_components/language-actions.ts#saveProfileLanguage`]: SIGNED_IN,
  [`${A}/(public)/verify-email/actions.ts#resendVerificationAction`]: SIGNED_IN,
  // public
  [`${A}/actions.ts#signOutAction`]: PUBLIC,
  [`${A}/(public)/forgot-password/actions.ts#requestPasswordResetAction`]: PUBLIC,
  [`${A}/(public)/register/actions.ts#registerAction`]: PUBLIC,
  [`${A}/(public)/reset-password/actions.ts#resetPasswordAction`]: PUBLIC,
  [`${A}/(public)/reset-password/actions.ts#setFirstPasswordAction`]: PUBLIC,
  [`${A}/(public)/sign-in/actions.ts#signInAction`]: PUBLIC,
  [`${A}/(public)/verify-email/actions.ts#confirmEmailAction`]: PUBLIC,
};

const REVIEWERS = { allow: ["reviewerAssigned", "reviewerUnassigned", "reviewerConflicted"] } as const satisfies Rule;
/** A file of applicant A's application: A, the assigned reviewer and admins; others "not found". */
const APPLICATION_FILE = {
  allow: ["applicantA", "reviewerAssigned", "admin"],
  notFound: ["applicantB", "reviewerUnassigned", "reviewerConflicted"],
} as const satisfies Rule;

/**
 * Every page, by URL pattern. Over HTTP "unauthenticated" is a redirect to the sign-in page (with the
 * page to come back to), "forbidden" 403, "not_found" 404, "allowed" 200.
 */
export const PAGE_RULES: Record<string, Rule> = {
  "/": PUBLIC,
  "/[...rest]": PUBLIC,
  "/account-deleted": PUBLIC,
  "/calls/[id]": PUBLIC,
  "/forgot-password": PUBLIC,
  "/register": PUBLIC,
  "/reset-password": PUBLIC,
  "/results": PUBLIC,
  "/set-password": PUBLIC,
  "/sign-in": PUBLIC,
  "/verify-email": PUBLIC,
  "/calls/[id]/apply": APPLICANTS,
  "/my": APPLICANTS,
  "/my/data": APPLICANTS,
  "/my/applications/[id]": OWN_APPLICATION,
  "/my/applications/[id]/edit": OWN_APPLICATION,
  "/my/applications/[id]/print": OWN_APPLICATION,
  "/review": REVIEWERS,
  "/review/[assignmentId]": OWN_ASSIGNMENT,
  "/admin": ADMIN,
  "/admin/applications/[id]": ADMIN,
  "/admin/audit": ADMIN,
  "/admin/calls": ADMIN,
  "/admin/calls/[id]": ADMIN,
  "/admin/calls/[id]/assignments": ADMIN,
  "/admin/dashboard": ADMIN,
  "/admin/emails": ADMIN,
  "/admin/calls/[id]/edit": ADMIN,
  "/admin/calls/[id]/exports": ADMIN,
  "/admin/calls/new": ADMIN,
  "/admin/mrp": ADMIN,
  "/admin/programmes": ADMIN,
  "/admin/programmes/[id]": ADMIN,
  "/admin/programmes/new": ADMIN,
  "/admin/calls/[id]/awards": ADMIN,
  "/admin/calls/[id]/conflicts": ADMIN,
  "/admin/calls/[id]/progress": ADMIN,
  "/admin/calls/[id]/protocol": ADMIN,
  "/admin/calls/[id]/ranking": ADMIN,
  "/admin/calls/[id]/screening": ADMIN,
  "/admin/past-winners": ADMIN,
  "/admin/users": ADMIN,
  "/admin/users/[id]": ADMIN,
  "/admin/users/new": ADMIN,
};

/** Every route handler, by method and URL pattern: 200 (or the handler's success), 401, 403, 404. */
export const ROUTE_RULES: Record<string, Rule> = {
  "GET /api/health": PUBLIC,
  "GET /api/auth/[...nextauth]": PUBLIC,
  "POST /api/auth/[...nextauth]": PUBLIC,
  "GET /api/results.csv": PUBLIC,
  "GET /api/calls/[id]/protocol.csv": { ...ADMIN, hideAs404: true },
  "GET /api/calls/[id]/protocol.xlsx": { ...ADMIN, hideAs404: true },
  "GET /api/calls/[id]/export/[file]": { ...ADMIN, hideAs404: true },
  "GET /api/my-data": SIGNED_IN,
  "PUT /api/applications/[id]/draft": OWN_APPLICATION,
  "POST /api/files": OWN_APPLICATION,
  "GET /api/files/[id]": { ...APPLICATION_FILE, hideAs404: true },
};
