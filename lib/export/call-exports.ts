/**
 * The exports of one call — applications, reviews, awards (issue 7) — as export sheets in one language:
 * column headers, statuses, district and direction names translated; money, scores and counts as
 * numbers, dates as Asia/Almaty wall-clock times (lib/export/cells.ts). The rows are mapped one at a
 * time from the records a database cursor yields (lib/dal/exports.ts), so a sheet holds no rows of its
 * own. Pure apart from reading the message catalogue.
 */
import { createTranslator } from "next-intl";
import { calendarDateIn } from "@/lib/domain/datetime";
import { districtName } from "@/lib/domain/districts";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import type { Column, Row } from "./cells";
import type { Sheet } from "./sheet";

export const EXPORT_KINDS = ["applications", "reviews", "awards"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Localised = { kk: string; ru: string; en: string };

/** What the sheets need to know of the call. */
export type ExportCall = {
  id: string;
  title: Localised;
  programmeCode: string;
  year: number;
  /** The programme's directions or nominations, by code. */
  directions: readonly { code: string; name: Localised }[];
  /** The programme's rubric, in its order: one score column each in the reviews export. */
  criteria: readonly { id: string; code: string; name: Localised; scaleMin: number; scaleMax: number }[];
};

type Person = { surname: string | null; givenName: string | null; patronymic: string | null };

export type ApplicationRecord = Person & {
  reference: string;
  status: string;
  districtCode: string;
  direction: string | null;
  title: string;
  iin: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  submittedAt: Date | null;
  requestedAmount: number | null;
  jobsCreated: number | null;
};

export type ReviewRecord = {
  reference: string;
  reviewer: Person;
  reviewerEmail: string | null;
  /** Scores in the order of the call's criteria (null: not scored yet). */
  scores: readonly (number | null)[];
  total: number | null;
  /** The review's status (draft, submitted). */
  status: string;
  /** The assignment's status: a review of a removed or declined assignment does not count. */
  assignmentStatus: string;
  submittedAt: Date | null;
};

export type AwardRecord = Person & {
  reference: string;
  districtCode: string;
  amount: number;
  awardedAt: Date;
  /** active, revoked */
  status: string;
  revokedAt: Date | null;
  revokeReason: string | null;
};

export type ExportRecord<K extends ExportKind> = K extends "applications" ? ApplicationRecord : K extends "reviews" ? ReviewRecord : AwardRecord;

export function exportTranslators(locale: Locale) {
  const messages = catalogue(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "AdminExports" }),
    tStatus: createTranslator({ locale, messages, namespace: "ApplicationStatus" }),
  };
}
type Translators = ReturnType<typeof exportTranslators>;

/** "Surname Given-name Patronymic" (empty parts left out); null when nothing is left (anonymised). */
export function personName(p: Person): string | null {
  const name = [p.surname, p.givenName, p.patronymic].filter((s) => s && s.trim()).join(" ");
  return name || null;
}

function applicationStatusLabel(status: string, { tStatus }: Translators): string {
  return tStatus.has(status as never) ? tStatus(status as never) : status;
}

export function applicationColumns({ t }: Translators): Column[] {
  return [
    { header: t("col.reference"), kind: "text", width: 14 },
    { header: t("col.status"), kind: "text", width: 18 },
    { header: t("col.district"), kind: "text", width: 24 },
    { header: t("col.direction"), kind: "text", width: 24 },
    { header: t("col.title"), kind: "text", width: 40 },
    { header: t("col.applicant"), kind: "text", width: 32 },
    { header: t("col.iin"), kind: "text", width: 14 },
    { header: t("col.birthDate"), kind: "text", width: 12 },
    { header: t("col.phone"), kind: "text", width: 14 },
    { header: t("col.email"), kind: "text", width: 30 },
    { header: t("col.submittedAt"), kind: "datetime", width: 17 },
    { header: t("col.requestedAmount"), kind: "money", width: 16 },
    { header: t("col.jobsCreated"), kind: "integer", width: 10 },
  ];
}

export function applicationRow(r: ApplicationRecord, call: ExportCall, locale: Locale, tr: Translators): Row {
  const direction = r.direction ? (call.directions.find((d) => d.code === r.direction)?.name[locale] ?? r.direction) : null;
  return [
    r.reference,
    applicationStatusLabel(r.status, tr),
    districtName(r.districtCode as Parameters<typeof districtName>[0], locale),
    direction,
    r.title,
    personName(r),
    r.iin,
    r.birthDate,
    r.phone,
    r.email,
    r.submittedAt,
    r.requestedAmount,
    r.jobsCreated,
  ];
}

export function reviewColumns(call: ExportCall, locale: Locale, { t }: Translators): Column[] {
  return [
    { header: t("col.reference"), kind: "text", width: 14 },
    { header: t("col.reviewer"), kind: "text", width: 30 },
    { header: t("col.reviewerEmail"), kind: "text", width: 30 },
    ...call.criteria.map((c): Column => ({ header: t("col.criterion", { name: c.name[locale], min: c.scaleMin, max: c.scaleMax }), kind: "integer", width: 14 })),
    { header: t("col.total"), kind: "decimal", decimals: 2, width: 10 },
    { header: t("col.status"), kind: "text", width: 18 },
    { header: t("col.submittedAt"), kind: "datetime", width: 17 },
  ];
}

function reviewStatusLabel(r: ReviewRecord, { t }: Translators): string {
  if (r.assignmentStatus === "removed" || r.assignmentStatus === "declined") return t(`reviewStatus.${r.assignmentStatus}`);
  return r.status === "submitted" ? t("reviewStatus.submitted") : t("reviewStatus.draft");
}

export function reviewRow(r: ReviewRecord, call: ExportCall, tr: Translators): Row {
  const scores = call.criteria.map((_, i) => r.scores[i] ?? null);
  return [r.reference, personName(r.reviewer) ?? r.reviewerEmail, r.reviewerEmail, ...scores, r.total, reviewStatusLabel(r, tr), r.submittedAt];
}

export function awardColumns({ t }: Translators): Column[] {
  return [
    { header: t("col.reference"), kind: "text", width: 14 },
    { header: t("col.applicant"), kind: "text", width: 32 },
    { header: t("col.district"), kind: "text", width: 24 },
    { header: t("col.amount"), kind: "money", width: 16 },
    { header: t("col.awardedAt"), kind: "datetime", width: 17 },
    { header: t("col.status"), kind: "text", width: 16 },
    { header: t("col.revokedAt"), kind: "datetime", width: 17 },
    { header: t("col.revokeReason"), kind: "text", width: 40 },
  ];
}

export function awardRow(r: AwardRecord, locale: Locale, { t }: Translators): Row {
  return [
    r.reference,
    personName(r),
    districtName(r.districtCode as Parameters<typeof districtName>[0], locale),
    r.amount,
    r.awardedAt,
    r.status === "revoked" ? t("awardStatus.revoked") : t("awardStatus.active"),
    r.revokedAt,
    r.revokeReason,
  ];
}

async function* mapRows<T>(records: AsyncIterable<T> | Iterable<T>, map: (r: T) => Row): AsyncGenerator<Row> {
  // for await closes the records' iterator (a cursor) when this generator is closed early.
  for await (const r of records) yield map(r);
}

/**
 * Map a record iterable lazily, passing `return()` straight to the source, so that closing the sheet's
 * rows before they are read (a download cancelled at once) still releases the cursor behind them.
 */
function mappedRows<T>(records: AsyncIterable<T>, map: (r: T) => Row): AsyncIterable<Row> {
  return {
    [Symbol.asyncIterator]() {
      const source = records[Symbol.asyncIterator]();
      const gen = mapRows({ [Symbol.asyncIterator]: () => source }, map);
      return {
        next: () => gen.next(),
        async return() {
          await gen.return(undefined);
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** One export as a sheet whose rows are mapped from `records` one at a time. */
export function callExportSheet<K extends ExportKind>(kind: K, call: ExportCall, records: AsyncIterable<ExportRecord<K>>, locale: Locale): Sheet {
  const tr = exportTranslators(locale);
  const name = tr.t(`kind.${kind as ExportKind}`);
  switch (kind) {
    case "applications":
      return { name, columns: applicationColumns(tr), rows: mappedRows(records as AsyncIterable<ApplicationRecord>, (r) => applicationRow(r, call, locale, tr)) };
    case "reviews":
      return { name, columns: reviewColumns(call, locale, tr), rows: mappedRows(records as AsyncIterable<ReviewRecord>, (r) => reviewRow(r, call, tr)) };
    default:
      return { name, columns: awardColumns(tr), rows: mappedRows(records as AsyncIterable<AwardRecord>, (r) => awardRow(r, locale, tr)) };
  }
}

/** "Applications — <call title> — 2026-12-02.csv" and its ASCII fallback. */
export function callExportFileName(kind: ExportKind, call: ExportCall, locale: Locale, format: ExportFormat, at: Date): { name: string; ascii: string } {
  const { t } = exportTranslators(locale);
  const date = calendarDateIn(at);
  return {
    name: `${t(`kind.${kind}`)} — ${call.title[locale]} — ${date}.${format}`,
    ascii: `jas-grant-${kind}-${call.programmeCode}-${call.year}-${date}.${format}`,
  };
}

/** The `/api/calls/:id/export/<file>` segment: "applications.csv" → kind and format, else null. */
export function parseExportFile(file: string): { kind: ExportKind; format: ExportFormat } | null {
  const m = /^(applications|reviews|awards)\.(csv|xlsx)$/.exec(file);
  return m ? { kind: m[1] as ExportKind, format: m[2] as ExportFormat } : null;
}

/** The header that announces how many rows the file will have (the page's progress bar reads it). */
export const ROWS_HEADER = "X-Export-Rows";
