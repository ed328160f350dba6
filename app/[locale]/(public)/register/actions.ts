"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { logServerError } from "@/lib/auth/log";
import { failWithFieldKeys, publicFormAction, type FormResult, type FormState } from "@/lib/auth/public-action";
import { now } from "@/lib/clock";
import { registerApplicant } from "@/lib/dal/accounts";
import { registrationSchema } from "@/lib/validation/registration";

const register = publicFormAction(
  // The age rules (14+, a legal representative for 14–17) are decided again here, on the server's clock.
  () => registrationSchema(now()),
  async (registration): Promise<void> => {
    const result = await registerApplicant(registration);
    // A taken e-mail or IIN: a field error; nothing was written.
    if (!result.ok) return failWithFieldKeys(result.fieldErrors);

    // The account exists: sign the person in, then to their page with its "confirm your e-mail" notice.
    try {
      await signIn("credentials", { email: registration.email, password: registration.password, redirect: false });
    } catch (err) {
      if (!(err instanceof AuthError)) logServerError("register sign-in", err);
      redirect("/sign-in");
    }
    redirect("/my");
  },
  { name: "register" },
);

/** Register an applicant (the form of /register). */
export async function registerAction(prev: FormState, formData: FormData): Promise<FormResult> {
  return register(prev, formData);
}
