/**
 * Who may apply to a call: the programme's eligibility rules (data) applied to an applicant. Pure, Node and
 * browser: the wizard shows the reasons before the applicant writes anything, the server checks again.
 */
import type { EligibilityRules } from '@/db/schema/programmes';
import { isDistrictCode } from './districts';
import { ageOn } from './iin';
import type { ApplicationStatus } from './workflow';

export type EligibilityReason =
  | { code: 'call_not_open' }
  | { code: 'not_applicant' }
  | { code: 'birth_date_missing' }
  | { code: 'age_below'; minAge: number; age: number }
  | { code: 'age_above'; maxAge: number; age: number }
  | { code: 'district_missing' }
  | { code: 'already_applied'; status: ApplicationStatus }
  | { code: 'past_winner'; years: number[] }
  | { code: 'certificate_missing' }
  | { code: 'certificate_invalid' }
  | { code: 'guardian_consent_missing' };

export type EligibilityReasonCode = EligibilityReason['code'];

export type EligibilityInput = {
  rules: EligibilityRules;
  call: { opensAt: Date; closesAt: Date; archived: boolean };
  now: Date;
  applicant: { role: string; birthDate: string | null; districtCode: string | null; hasGuardianConsent: boolean };
  /** The applicant's application to this call, if any (one per applicant per call). */
  existing: { status: ApplicationStatus } | null;
  /** Years in which the applicant won this programme before. */
  pastWinnerYears: number[];
  facts: { trainingCertificate?: string | null };
};

export type EligibilityResult = {
  eligible: boolean;
  /** Age on the call's closing date (Asia/Almaty calendar), null without a usable birth date. */
  age: number | null;
  /** Every failing rule, in a stable order. */
  reasons: EligibilityReason[];
};

/** 3–40 characters: letters, digits, `-`, `/`, `№` and spaces, with at least one letter or digit. */
const CERTIFICATE_RE = /^(?=.*[\p{L}\p{Nd}])[\p{L}\p{Nd}\-/№ ]{3,40}$/u;

/** A training certificate number as typed on the form (trimmed first). */
export function isCertificateNumber(value: string): boolean {
  return CERTIFICATE_RE.test(value.trim());
}

/** Statuses that do not block a new start: a draft is continued, a withdrawn application is reopened. */
const CONTINUABLE: readonly ApplicationStatus[] = ['draft', 'withdrawn'];

function safeAge(birthDate: string | null, at: Date): number | null {
  if (birthDate === null) return null;
  try {
    return ageOn(birthDate, at);
  } catch {
    return null; // not a real YYYY-MM-DD date: treated as missing
  }
}

export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const { rules, call, now, applicant, existing, facts } = input;
  const reasons: EligibilityReason[] = [];

  // A deadline is an instant: at closesAt it is already too late.
  if (call.archived || now.getTime() < call.opensAt.getTime() || now.getTime() >= call.closesAt.getTime()) {
    reasons.push({ code: 'call_not_open' });
  }
  if (applicant.role !== 'applicant') reasons.push({ code: 'not_applicant' });

  // Age on the calendar date (Asia/Almaty) of the closing instant; both bounds inclusive.
  const age = safeAge(applicant.birthDate, call.closesAt);
  if (age === null) reasons.push({ code: 'birth_date_missing' });
  else if (age < rules.minAge) reasons.push({ code: 'age_below', minAge: rules.minAge, age });
  else if (age > rules.maxAge) reasons.push({ code: 'age_above', maxAge: rules.maxAge, age });

  if (applicant.districtCode === null || !isDistrictCode(applicant.districtCode)) {
    reasons.push({ code: 'district_missing' });
  }
  if (existing && !CONTINUABLE.includes(existing.status)) {
    reasons.push({ code: 'already_applied', status: existing.status });
  }
  if (rules.excludePastWinners && input.pastWinnerYears.length > 0) {
    reasons.push({ code: 'past_winner', years: [...new Set(input.pastWinnerYears)].sort((a, b) => a - b) });
  }
  if (rules.requiresTrainingCertificate) {
    const certificate = facts.trainingCertificate?.trim() ?? '';
    if (certificate === '') reasons.push({ code: 'certificate_missing' });
    else if (!isCertificateNumber(certificate)) reasons.push({ code: 'certificate_invalid' });
  }
  // The same age as above (on the closing date) decides whether a legal representative must consent.
  if (rules.guardianConsentBelow !== undefined && age !== null && age < rules.guardianConsentBelow && !applicant.hasGuardianConsent) {
    reasons.push({ code: 'guardian_consent_missing' });
  }

  return { eligible: reasons.length === 0, age, reasons };
}
