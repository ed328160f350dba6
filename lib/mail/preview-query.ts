/**
 * The query string of the admin's e-mail previews (/admin/emails?template=decision&outcome=awarded&lang=ru),
 * read with zod. Pure. Anything unknown falls back instead of failing: an unknown template (or a variant
 * that does not belong to it) shows the first e-mail with `unknown: true`, so the page can say so; an
 * unknown or missing language is the page's own language.
 */
import { z } from "zod";
import { DECISION_OUTCOMES, MAIL_LANGUAGES, MAIL_PREVIEWS, SET_PASSWORD_ROLES, type MailPreview } from "./samples";
import { MAIL_TEMPLATES, type MailLanguage } from "./templates";

type Params = Record<string, string | string[] | undefined>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const given = (v: unknown) => {
  const s = first(v);
  return typeof s === "string" && s !== "";
};

const schema = z.object({
  template: z.preprocess(first, z.enum(MAIL_TEMPLATES as [string, ...string[]]).optional().catch(undefined)),
  outcome: z.preprocess(first, z.enum(DECISION_OUTCOMES).optional().catch(undefined)),
  role: z.preprocess(first, z.enum(SET_PASSWORD_ROLES).optional().catch(undefined)),
  lang: z.preprocess(first, z.enum(MAIL_LANGUAGES).optional().catch(undefined)),
});

export type PreviewQuery = { preview: MailPreview; lang: MailLanguage; unknown: boolean };

export function parsePreviewQuery(params: Params, uiLanguage: MailLanguage): PreviewQuery {
  const q = schema.parse(params);
  const lang = q.lang ?? uiLanguage;
  const fallback = { preview: MAIL_PREVIEWS[0]!, lang, unknown: given(params.template) };
  if (!q.template) return fallback;
  if (q.template === "decision") {
    return { preview: { template: "decision", variant: q.outcome ?? DECISION_OUTCOMES[0] }, lang, unknown: given(params.outcome) && !q.outcome };
  }
  if (q.template === "set_password") {
    return { preview: { template: "set_password", variant: q.role ?? SET_PASSWORD_ROLES[0] }, lang, unknown: given(params.role) && !q.role };
  }
  const preview = MAIL_PREVIEWS.find((p) => p.template === q.template);
  return preview ? { preview, lang, unknown: false } : fallback;
}

/** The page's query string for a preview in a language (the inverse of parsePreviewQuery). */
export function previewQueryString(p: MailPreview, lang: MailLanguage): string {
  const q = new URLSearchParams({ template: p.template });
  if (p.template === "decision") q.set("outcome", p.variant);
  if (p.template === "set_password") q.set("role", p.variant);
  q.set("lang", lang);
  return `?${q.toString()}`;
}
