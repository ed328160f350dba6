import { z } from "zod";
import { DISTRICT_CODES } from "@/lib/domain/districts";
import { parseIin } from "@/lib/domain/iin";

/**
 * Field schemas shared by the forms. Messages are keys of the `Validation` catalogue namespace
 * (lib/i18n/messages), translated where they are shown.
 */
export const emailField = z
  .string()
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailTooLong")
  .pipe(z.email("emailInvalid"))
  .transform((v) => v.toLowerCase());

/** Letters of Kazakh, Russian and Latin alphabets, with spaces, hyphens and apostrophes. */
const NAME_RE = /^[\p{L}][\p{L}\p{M}' ’-]*$/u;

export const nameField = (required: "surnameRequired" | "givenNameRequired") =>
  z.string().trim().min(1, required).max(100, "nameTooLong").regex(NAME_RE, "nameInvalid");

export const optionalNameField = z
  .string()
  .trim()
  .max(100, "nameTooLong")
  .refine((v) => v === "" || NAME_RE.test(v), "nameInvalid")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A 12-digit IIN with a valid date, century and check digit. */
export const iinField = z
  .string()
  .trim()
  .min(1, "iinRequired")
  .transform((v) => v.replace(/\s+/g, ""))
  .superRefine((v, ctx) => {
    const r = parseIin(v);
    if (r.ok) return;
    const message = r.reason === "length" || r.reason === "digits" ? "iinFormat" : r.reason === "checksum" ? "iinChecksum" : "iinDate";
    ctx.addIssue({ code: "custom", message });
  });

/** +7 and ten digits; spaces, dashes, brackets and a leading 8 are accepted and normalised. */
export const phoneField = z
  .string()
  .trim()
  .min(1, "phoneRequired")
  .max(30, "phoneInvalid")
  .transform((v) => v.replace(/[\s()-]/g, "").replace(/^8(?=\d{10}$)/, "+7"))
  .pipe(z.string().regex(/^\+7\d{10}$/, "phoneInvalid"));

export const districtField = z.enum(DISTRICT_CODES, { error: () => "districtRequired" });
export const languageField = z.enum(["kk", "ru", "en"], { error: () => "languageRequired" });

export const PASSWORD_MIN = 10;
export const passwordField = z.string().min(PASSWORD_MIN, "passwordTooShort").max(256, "passwordTooLong");

/** A checkbox sent by a form ("on", "true") or a boolean. */
export const checkboxField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");
