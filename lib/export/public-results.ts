/**
 * The public results as an open-data sheet (CSV with `,` and `.`): one row per call and district, the
 * merged "other districts" row included, headings and names in one language. No total rows (a program
 * summing the file would count them twice): the rows of a call add up to its total. Pure apart from
 * reading the catalogue.
 */
import { createTranslator } from "next-intl";
import type { CallResults } from "@/lib/dal/public-results";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import type { Column, Row } from "./cells";
import type { Sheet } from "./sheet";

export function publicResultsTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogue(locale), namespace: "PublicResults" });
}

export function publicResultsColumns(locale: Locale): Column[] {
  const t = publicResultsTranslator(locale);
  return [
    { header: t("programme"), kind: "text", width: 24 },
    { header: t("call"), kind: "text", width: 40 },
    { header: t("year"), kind: "integer", width: 8 },
    { header: t("district"), kind: "text", width: 24 },
    { header: t("received"), kind: "integer", width: 12 },
    { header: t("awarded"), kind: "integer", width: 12 },
    { header: t("amountAwardedCsv"), kind: "money", width: 16 },
    { header: t("jobsPlanned"), kind: "integer", width: 12 },
  ];
}

export function* publicResultsRows(results: readonly CallResults[], locale: Locale): Generator<Row> {
  const t = publicResultsTranslator(locale);
  for (const r of results) {
    for (const row of r.rows) {
      yield [
        r.programme.name[locale],
        r.call.title[locale],
        r.call.year,
        row.district ? row.district.name[locale] : t("otherDistricts"),
        row.received,
        row.awarded,
        row.amountAwarded,
        row.jobsPlanned,
      ];
    }
  }
}

export function publicResultsSheet(results: readonly CallResults[], locale: Locale): Sheet {
  return { name: publicResultsTranslator(locale)("title"), columns: publicResultsColumns(locale), rows: publicResultsRows(results, locale) };
}

/** The download's file name in the language, and its ASCII fallback. */
export function publicResultsFileName(locale: Locale): { name: string; ascii: string } {
  return { name: `${publicResultsTranslator(locale)("fileName")}.csv`, ascii: "jas-grant-results.csv" };
}
