/**
 * Sample payloads for the admin's e-mail previews (/admin/emails): every template of ./templates.ts, with
 * its variants (a decision per outcome, the set-password e-mail per role), filled with realistic but
 * fictional data: no real person, no real link. Pure: no database, no clock.
 */
import { formatDateTime } from "../domain/datetime";
import { formatMoney } from "../domain/money";
import { MAIL_TEMPLATES, renderMail, type MailLanguage, type MailPayloads, type MailTemplate, type RenderedMail } from "./templates";

export const MAIL_LANGUAGES = ["kk", "ru", "en"] as const satisfies readonly MailLanguage[];

export const DECISION_OUTCOMES = ["awarded", "waitlisted", "not_awarded", "award_revoked"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const SET_PASSWORD_ROLES = ["reviewer", "admin"] as const;
export type SetPasswordRole = (typeof SET_PASSWORD_ROLES)[number];

/** One previewable e-mail: a template, and for `decision` an outcome, for `set_password` a role. */
export type MailPreview =
  | { template: Exclude<MailTemplate, "decision" | "set_password">; variant: null }
  | { template: "decision"; variant: DecisionOutcome }
  | { template: "set_password"; variant: SetPasswordRole };

/** Every previewable e-mail, in the order of the templates (variants in their own order). */
export const MAIL_PREVIEWS: readonly MailPreview[] = MAIL_TEMPLATES.flatMap((template): MailPreview[] => {
  if (template === "decision") return DECISION_OUTCOMES.map((variant) => ({ template, variant }));
  if (template === "set_password") return SET_PASSWORD_ROLES.map((variant) => ({ template, variant }));
  return [{ template, variant: null }];
});

/** A stable id for a preview ("decision.awarded", "verify_email"): message keys and test ids. */
export function previewId(p: MailPreview): string {
  return p.variant ? `${p.template}.${p.variant}` : p.template;
}

const SITE = "https://jasgrant.example.kz";
/** A fixed instant (2026-12-01 18:00 in Almaty), so the samples never depend on today's date. */
const WHEN = new Date("2026-12-01T13:00:00Z");
const CALL = {
  kk: "Бизнес бастау — 2026 жылғы конкурс",
  ru: "Бизнес бастау — конкурс 2026 года",
  en: "Biznes bastau — 2026 call",
};
const REFERENCE = "JG-3F9A1C07";
const AWARD = 1_500_000;

const when = (d: Date) => ({ kk: formatDateTime(d, "kk"), ru: formatDateTime(d, "ru"), en: formatDateTime(d, "en") });
const money = (n: number) => ({ kk: formatMoney(n, "kk"), ru: formatMoney(n, "ru"), en: formatMoney(n, "en") });

/** A fictional token in the shape of the real ones (43 base64url characters). */
const TOKEN = "sAmPlE-7rQx2Vn9LkTz4HwYb1CdEf5GhJm8NpRsUvW0";

/** The sample payload of a preview: what the portal would send, with fictional people and links. */
export function samplePayload(p: MailPreview): MailPayloads[MailTemplate] {
  switch (p.template) {
    case "verify_email":
      return { name: "Айгерім", url: `${SITE}/verify-email?token=${TOKEN}` } satisfies MailPayloads["verify_email"];
    case "reset_password":
      return { name: "Айгерім", url: `${SITE}/reset-password?token=${TOKEN}` } satisfies MailPayloads["reset_password"];
    case "set_password":
      return { name: p.variant === "admin" ? "Ержан" : "Гүлнар", url: `${SITE}/set-password?token=${TOKEN}`, role: p.variant } satisfies MailPayloads["set_password"];
    case "application_submitted":
      return { name: "Айгерім", url: `${SITE}/my/applications/3f9a1c07-5b2e-4d61-9a0e-7c1d2e3f4a5b`, callTitle: CALL, when: when(WHEN), reference: REFERENCE } satisfies MailPayloads["application_submitted"];
    case "deadline_reminder":
      return { name: "Айгерім", url: `${SITE}/my/applications/3f9a1c07-5b2e-4d61-9a0e-7c1d2e3f4a5b`, callTitle: CALL, when: when(WHEN), days: 3 } satisfies MailPayloads["deadline_reminder"];
    case "screening_refused":
      return {
        name: "Айгерім",
        url: `${SITE}/my/applications/3f9a1c07-5b2e-4d61-9a0e-7c1d2e3f4a5b`,
        callTitle: CALL,
        reference: REFERENCE,
        reason: "«Бастау Бизнес» оқуының сертификаты тіркелмеген. / Не приложен сертификат об обучении «Бастау Бизнес».",
      } satisfies MailPayloads["screening_refused"];
    case "review_reminder":
      return { name: "Гүлнар", url: `${SITE}/review`, callTitle: CALL, when: when(WHEN), days: 2, count: 4 } satisfies MailPayloads["review_reminder"];
    case "review_reopened":
      return {
        name: "Гүлнар",
        url: `${SITE}/review/8d2b6e41-0c3a-4f7e-b5d9-1a2b3c4d5e6f`,
        callTitle: CALL,
        reference: REFERENCE,
        reason: "«Нарық» өлшемшартына түсініктеме жазылмаған. / Нет комментария к критерию «Рынок».",
      } satisfies MailPayloads["review_reopened"];
    case "decision":
      return {
        name: "Айгерім",
        url: `${SITE}/my/applications/3f9a1c07-5b2e-4d61-9a0e-7c1d2e3f4a5b`,
        callTitle: CALL,
        reference: REFERENCE,
        outcome: p.variant,
        amount: money(AWARD),
        ...(p.variant === "award_revoked"
          ? { reason: "Грант алушы жобаны іске асырудан бас тартты. / Грантополучатель отказался от реализации проекта." }
          : {}),
      } satisfies MailPayloads["decision"];
  }
}

/** The preview rendered in one language, exactly as the sender would render it. */
export function renderSample(p: MailPreview, lang: MailLanguage): RenderedMail {
  return renderMail(p.template, lang, samplePayload(p) as never);
}
