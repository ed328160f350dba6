import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/app/_components/Notice";
import { requireRole } from "@/lib/auth/guard";
import { parsePreviewQuery, previewQueryString } from "@/lib/mail/preview-query";
import { MAIL_LANGUAGES, MAIL_PREVIEWS, previewId, renderSample, type MailPreview } from "@/lib/mail/samples";
import type { MailLanguage } from "@/lib/mail/templates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminEmails");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const same = (a: MailPreview, b: MailPreview) => a.template === b.template && a.variant === b.variant;

/**
 * Every e-mail the portal sends (lib/mail/templates.ts), with a plain-language description, and one of
 * them previewed in a chosen language (independent of the page's language): its subject, its plain text
 * and its HTML. The samples are fictional (lib/mail/samples.ts): no database is read. The HTML is shown in
 * an iframe with `sandbox=""` (no scripts, no forms, an opaque origin) from `srcDoc`, so nothing in an
 * e-mail can act on the portal; the user-written parts are escaped by the templates anyway.
 */
export default async function AdminEmailsPage({ searchParams }: Props) {
  await requireRole("admin");
  const uiLocale = (await getLocale()) as MailLanguage;
  const { preview, lang, unknown } = parsePreviewQuery(await searchParams, uiLocale);
  const [t, tl] = await Promise.all([getTranslations("AdminEmails"), getTranslations("Languages")]);
  // Keys of the nested names/descriptions ("decision.awarded"): the ids are a closed list (MAIL_PREVIEWS).
  const name = (p: MailPreview) => t(`names.${previewId(p)}` as "names.verify_email");
  const description = (p: MailPreview) => t(`descriptions.${previewId(p)}` as "descriptions.verify_email");
  const mail = renderSample(preview, lang);
  const current = name(preview);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href="/admin" className="inline-block py-2 font-medium" data-testid="back-to-admin">
          ← {t("back")}
        </Link>
        <h1 className="text-3xl font-bold" data-testid="page-heading">
          {t("title")}
        </h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      </header>

      {unknown ? (
        <div data-testid="unknown-template">
          <Notice>{t("unknown")}</Notice>
        </div>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <nav aria-labelledby="emails-list-title" className="min-w-0">
          <h2 id="emails-list-title" className="mb-3 text-xl font-semibold">
            {t("listTitle")}
          </h2>
          <ul className="m-0 list-none space-y-2 p-0" data-testid="email-list">
            {MAIL_PREVIEWS.map((p) => {
              const active = same(p, preview);
              return (
                <li key={previewId(p)}>
                  <Link
                    href={`/admin/emails${previewQueryString(p, lang)}`}
                    aria-current={active ? "page" : undefined}
                    aria-describedby={`email-desc-${previewId(p).replace(".", "-")}`}
                    className={`block rounded-md border px-3 py-2 font-semibold break-words ${active ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
                    data-testid={`email-${previewId(p)}`}
                  >
                    {name(p)}
                  </Link>
                  <p id={`email-desc-${previewId(p).replace(".", "-")}`} className="mt-1 px-1 text-sm text-slate-700">
                    {description(p)}
                  </p>
                </li>
              );
            })}
          </ul>
        </nav>

        <section aria-labelledby="preview-title" className="min-w-0 space-y-5" data-testid="email-preview" data-template={previewId(preview)} data-lang={lang}>
          <h2 id="preview-title" className="text-2xl font-semibold break-words">
            {t("previewTitle", { name: current })}
          </h2>
          <nav aria-labelledby="preview-lang-title">
            <h3 id="preview-lang-title" className="mb-2 text-lg font-semibold">
              {t("languageTitle")}
            </h3>
            <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
              {MAIL_LANGUAGES.map((l) => (
                <li key={l}>
                  <Link
                    href={`/admin/emails${previewQueryString(preview, l)}`}
                    aria-current={l === lang ? "page" : undefined}
                    className={`inline-block rounded-md border px-3 py-2 font-medium ${l === lang ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
                    data-testid={`email-lang-${l}`}
                  >
                    {tl(l)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <div>
            <h3 className="text-lg font-semibold">{t("subject")}</h3>
            <p lang={lang} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 break-words" data-testid="email-subject">
              {mail.subject}
            </p>
          </div>

          <div>
            <h3 className="text-lg font-semibold">{t("text")}</h3>
            <pre
              lang={lang}
              className="mt-1 max-w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-sm break-words whitespace-pre-wrap"
              data-testid="email-text"
            >
              {mail.text}
            </pre>
          </div>

          <div>
            <h3 className="text-lg font-semibold">{t("html")}</h3>
            <iframe
              sandbox=""
              srcDoc={mail.html}
              title={t("frameTitle", { name: current, language: tl(lang) })}
              className="mt-1 block h-[40rem] w-full rounded-md border border-slate-300 bg-white"
              data-testid="email-html"
            />
          </div>
        </section>
      </div>
    </div>
  );
}
