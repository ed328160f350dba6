/**
 * Likely conflicts of interest between a call's reviewers and its applicants. Pure: the DAL loads the
 * people, this decides which pairs to show the admin, who confirms or dismisses each flag.
 *
 * Rules (each flag carries its kind; a pair may have several):
 * - `same_surname_district`: the same family name (see `surnameFamily`) and the same district
 *   (the reviewer's district against the district the application competes in);
 * - `same_organisation`: the same organisation after `normaliseOrganisation`;
 * - `shared_email_domain`: the same e-mail domain, unless it is a public mail service or a reserved
 *   test/demo domain (`NON_IDENTIFYING_EMAIL_DOMAINS`, `isNonIdentifyingDomain`);
 * - `applied_same_call`: the reviewer is (probably) an applicant of the same call — the same e-mail
 *   address, the same phone, or the same full name (surname, given name, and patronymic when both
 *   have one). A competitor must review none of the call, so this flags the reviewer against EVERY
 *   application of the call (the detail names their own application).
 */

export type FlagKind = "same_surname_district" | "same_organisation" | "shared_email_domain" | "applied_same_call";
export const FLAG_KINDS: readonly FlagKind[] = ["same_surname_district", "same_organisation", "shared_email_domain", "applied_same_call"];

export type Person = {
  surname: string;
  givenName: string;
  patronymic?: string | null;
  email: string;
  phone?: string | null;
  districtCode?: string | null;
  organisation?: string | null;
};

export type FlagReviewer = Person & { id: string };

/** An application of the call with its applicant. `reviewable` ones are the ones flags are raised against. */
export type FlagApplication = {
  applicationId: string;
  applicantId: string;
  /** The district the application competes in. */
  districtCode: string;
  /** Submitted or later and not refused/withdrawn: could be assigned to a reviewer. */
  reviewable: boolean;
  applicant: Person;
};

export type ConflictFlag = {
  reviewerId: string;
  applicationId: string;
  kind: FlagKind;
  /** Why, for the admin: the shared family, organisation or domain, or the reviewer's own application id. */
  detail: string;
};

/**
 * Public mail services (anyone can have an address there, so sharing one says nothing) and reserved or
 * demo domains. Compared with the whole domain, lower-cased. Extend the list here; it is documented in
 * the admin's conflict page.
 */
export const NON_IDENTIFYING_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Global
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
  "yahoo.com", "ymail.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "zoho.com", "tutanota.com",
  // Mail.ru group
  "mail.ru", "inbox.ru", "list.ru", "bk.ru", "internet.ru", "mail.ua",
  // Yandex
  "yandex.ru", "yandex.kz", "yandex.com", "yandex.by", "yandex.ua", "ya.ru", "narod.ru",
  // Other Russian-language and Kazakh public services
  "rambler.ru", "lenta.ru", "mail.kz", "inbox.kz", "nursat.kz",
  // Reserved for examples and tests (RFC 2606 / 6761) and this portal's demo data
  "example.com", "example.org", "example.net", "example.kz", "jasgrant.demo",
]);

const RESERVED_TLDS = [".test", ".example", ".invalid", ".localhost", ".local", ".demo"];

/** A domain sharing which identifies nobody: a public mail service, or a reserved/demo domain. */
export function isNonIdentifyingDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, "");
  if (!d) return true;
  if (NON_IDENTIFYING_EMAIL_DOMAINS.has(d)) return true;
  return RESERVED_TLDS.some((tld) => d === tld.slice(1) || d.endsWith(tld));
}

/** The domain of an address, lower-cased; "" when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
}

/** An address for comparison: lower-cased, a `+tag` dropped, and dots dropped for Gmail. */
export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf("@");
  if (at < 0) return e;
  let local = e.slice(0, at).replace(/\+.*$/, "");
  const domain = e.slice(at + 1);
  if (domain === "gmail.com" || domain === "googlemail.com") local = local.replace(/\./g, "");
  return `${local}@${domain === "googlemail.com" ? "gmail.com" : domain}`;
}

function baseName(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\-'’ʼ`.]+/g, " ")
    .trim();
}

/**
 * The family a surname belongs to, for comparison: lower-cased, ё as е, and the feminine forms folded
 * into the masculine ones — -ова/-ов, -ева/-ев (-ёва/-ёв), -ина/-ин, -ская/-ский, -цкая/-цкий, and the
 * same in Latin (-ova/-ov, -eva/-ev, -ina/-in). So Иванова ~ Иванов, Сәрсенова ~ Сәрсенов, Ильина ~ Ильин.
 * The stem must keep at least two letters, so short names are left alone.
 */
export function surnameFamily(surname: string): string {
  const s = baseName(surname);
  if (!s) return "";
  const folded = s
    .replace(/^(.{2,})(ов|ев|ин)а$/u, "$1$2")
    .replace(/^(.{2,})(ск|цк)ая$/u, "$1$2ий")
    .replace(/^(.{2,})(ov|ev|in)a$/u, "$1$2")
    .replace(/^(.{2,})(sk|tsk)aya$/u, "$1$2iy");
  return folded;
}

const ORG_FORMS = [
  "тоо", "жшс", "ао", "ақ", "ооо", "ип", "жк", "рги", "ргп", "кгу", "кгп", "мемлекеттік мекемесі", "гу", "нао", "пк",
  "llp", "llc", "jsc", "ltd", "inc", "ngo", "оф", "қф", "чу", "мм",
];

/** An organisation for comparison: lower-cased, quotes and punctuation dropped, legal forms (ТОО, ЖШС, АО, LLP…) removed. */
export function normaliseOrganisation(org: string | null | undefined): string {
  const words = baseName(org)
    .replace(/[«»"“”„',()№:;/\\]+/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .filter((w) => !ORG_FORMS.includes(w));
  return words.join(" ");
}

function normalisePhone(phone: string | null | undefined): string {
  const d = (phone ?? "").replace(/\D/g, "");
  if (d.length === 11 && (d.startsWith("7") || d.startsWith("8"))) return d.slice(1);
  return d.length >= 10 ? d : "";
}

/** Is this reviewer probably the same person as this applicant? */
export function samePerson(a: Person, b: Person): boolean {
  if (normaliseEmail(a.email) === normaliseEmail(b.email)) return true;
  const pa = normalisePhone(a.phone);
  if (pa && pa === normalisePhone(b.phone)) return true;
  if (baseName(a.surname) !== baseName(b.surname) || !baseName(a.surname)) return false;
  if (baseName(a.givenName) !== baseName(b.givenName) || !baseName(a.givenName)) return false;
  const ap = baseName(a.patronymic);
  const bp = baseName(b.patronymic);
  return !ap || !bp || ap === bp;
}

/** Flags for every (reviewer, reviewable application) pair of a call, sorted by reviewer, application, kind. */
export function detectConflictFlags(reviewers: readonly FlagReviewer[], apps: readonly FlagApplication[]): ConflictFlag[] {
  const flags: ConflictFlag[] = [];
  // Normalise each applicant once (a call has thousands of applications and dozens of reviewers).
  const reviewable = apps
    .filter((a) => a.reviewable)
    .map((a) => ({
      id: a.applicationId,
      district: a.districtCode,
      family: surnameFamily(a.applicant.surname),
      org: normaliseOrganisation(a.applicant.organisation),
      domain: emailDomain(a.applicant.email),
    }));
  for (const r of reviewers) {
    const family = surnameFamily(r.surname);
    const org = normaliseOrganisation(r.organisation);
    const domain = emailDomain(r.email);
    const domainCounts = domain !== "" && !isNonIdentifyingDomain(domain);
    const own = apps.find((a) => samePerson(r, a.applicant));
    for (const a of reviewable) {
      if (own) flags.push({ reviewerId: r.id, applicationId: a.id, kind: "applied_same_call", detail: own.applicationId });
      if (family && r.districtCode && r.districtCode === a.district && family === a.family) {
        flags.push({ reviewerId: r.id, applicationId: a.id, kind: "same_surname_district", detail: `${family} / ${a.district}` });
      }
      if (org && org === a.org) flags.push({ reviewerId: r.id, applicationId: a.id, kind: "same_organisation", detail: org });
      if (domainCounts && domain === a.domain) flags.push({ reviewerId: r.id, applicationId: a.id, kind: "shared_email_domain", detail: domain });
    }
  }
  const order = (k: FlagKind) => FLAG_KINDS.indexOf(k);
  return flags.sort(
    (x, y) => x.reviewerId.localeCompare(y.reviewerId) || x.applicationId.localeCompare(y.applicationId) || order(x.kind) - order(y.kind),
  );
}

/** A key for a (reviewer, application) pair, for sets and maps. */
export function pairKey(reviewerId: string, applicationId: string): string {
  return `${reviewerId}:${applicationId}`;
}
