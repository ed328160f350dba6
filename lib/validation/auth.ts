import { z } from "zod";

/**
 * Sign-in form. Messages are keys of the `Validation` namespace (lib/i18n/messages), translated
 * where they are shown, so the same schema serves the client resolver and the server action.
 */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "emailRequired")
    .max(254, "emailTooLong")
    .pipe(z.email("emailInvalid"))
    .transform((v) => v.toLowerCase()),
  // Not trimmed: a password may begin or end with a space.
  password: z.string().min(1, "passwordRequired").max(256, "passwordTooLong"),
  /** Where to go after signing in; checked again by safeNextPath on the server. */
  next: z.string().max(2048).optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
