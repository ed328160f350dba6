import { z } from "zod";
import { emailField, nameField, passwordField } from "./fields";

/** "Send me a reset link" and "send the verification link again". */
export const emailOnlySchema = z.object({ email: emailField });

/** Choosing a password through a one-time link (reset, or the first password of a staff account). */
export const setPasswordSchema = z
  .object({
    token: z.string().trim().min(20, "tokenInvalid").max(200, "tokenInvalid"),
    password: passwordField,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "passwordMismatch" });

/** An admin creates a reviewer or admin account; the person sets their own password. */
export const createStaffSchema = z.object({
  email: emailField,
  surname: nameField("surnameRequired"),
  givenName: nameField("givenNameRequired"),
  role: z.enum(["reviewer", "admin"], { error: () => "roleRequired" }),
  organisation: z.string().trim().min(1, "organisationRequired").max(200, "organisationTooLong"),
  language: z.enum(["kk", "ru", "en"]).default("kk"),
});

export const userIdSchema = z.object({ userId: z.uuid("invalid") });
