import { z } from "zod";
import { ageOn, parseIin } from "@/lib/domain/iin";
import {
  checkboxField,
  districtField,
  emailField,
  iinField,
  languageField,
  nameField,
  optionalNameField,
  passwordField,
  phoneField,
} from "./fields";

/** Youngest age at which a person may register (the youngest programme starts at 14). */
export const MIN_REGISTRATION_AGE = 14;
/** Below this age a legal representative's data and consent are required. */
export const ADULT_AGE = 18;

export const GUARDIAN_RELATIONS = ["mother", "father", "guardian", "other"] as const;

/** The version of the personal-data consent text shown with the form (lib/i18n: Consent.*). */
export const CONSENT_TEXT_VERSION = "2026-11-pd-v1";

/** Age from an IIN on a date, or null when the IIN is not valid. */
export function ageFromIin(iin: string, at: Date): number | null {
  const p = parseIin(iin);
  return p.ok ? ageOn(p.birthDate, at) : null;
}

/**
 * Registration of an applicant. A factory, because the age rules need "now": the browser passes its
 * clock (a courtesy), the server passes lib/clock's.
 */
export function registrationSchema(now: Date) {
  return z
    .object({
      email: emailField,
      password: passwordField,
      passwordConfirm: z.string(),
      surname: nameField("surnameRequired"),
      givenName: nameField("givenNameRequired"),
      patronymic: optionalNameField,
      iin: iinField,
      phone: phoneField,
      district: districtField,
      language: languageField,
      consent: checkboxField.refine((v) => v, "consentRequired"),
      guardianName: z.string().trim().max(200, "nameTooLong").optional().default(""),
      guardianIin: z.string().trim().optional().default(""),
      guardianRelation: z.string().optional().default(""),
      guardianConsent: checkboxField,
    })
    .superRefine((v, ctx) => {
      if (v.password.toLowerCase().includes(v.email) && v.email.length > 0)
        ctx.addIssue({ code: "custom", path: ["password"], message: "passwordContainsEmail" });
      if (v.password !== v.passwordConfirm) ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "passwordMismatch" });

      const age = ageFromIin(v.iin, now);
      if (age === null) return; // the IIN's own error is already reported
      if (age < MIN_REGISTRATION_AGE) {
        ctx.addIssue({ code: "custom", path: ["iin"], message: "tooYoung" });
        return;
      }
      if (age >= ADULT_AGE) return;
      // 14–17: a legal representative gives their data and consent.
      if (v.guardianName.length < 3) ctx.addIssue({ code: "custom", path: ["guardianName"], message: "guardianNameRequired" });
      const g = iinField.safeParse(v.guardianIin);
      if (!g.success) ctx.addIssue({ code: "custom", path: ["guardianIin"], message: g.error.issues[0]?.message ?? "iinFormat" });
      else if (g.data === v.iin) ctx.addIssue({ code: "custom", path: ["guardianIin"], message: "guardianIinSame" });
      else if ((ageFromIin(g.data, now) ?? 0) < ADULT_AGE) ctx.addIssue({ code: "custom", path: ["guardianIin"], message: "guardianNotAdult" });
      if (!(GUARDIAN_RELATIONS as readonly string[]).includes(v.guardianRelation))
        ctx.addIssue({ code: "custom", path: ["guardianRelation"], message: "guardianRelationRequired" });
      if (!v.guardianConsent) ctx.addIssue({ code: "custom", path: ["guardianConsent"], message: "guardianConsentRequired" });
    })
    .transform(({ passwordConfirm: _confirm, ...v }) => {
      const p = parseIin(v.iin);
      const age = ageFromIin(v.iin, now) ?? 0;
      return {
        ...v,
        birthDate: p.ok ? p.birthDate : "",
        sex: p.ok ? p.sex : ("male" as const),
        minor: age < ADULT_AGE,
      };
    });
}

export type RegistrationInput = z.input<ReturnType<typeof registrationSchema>>;
export type Registration = z.output<ReturnType<typeof registrationSchema>>;
