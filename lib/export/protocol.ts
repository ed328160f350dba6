/**
 * The commission's protocol as export sheets (CSV: the ranking sheet; XLSX: ranking, call, commission),
 * in one language: headings, decisions, district names and the method note translated; numbers, money
 * and dates typed so that a spreadsheet can add them up. Pure apart from reading the catalogue.
 */
import { createTranslator } from "next-intl";
import type { CallProtocol, ProtocolDecision } from "@/lib/dal/protocol";
import { calendarDateIn } from "@/lib/domain/datetime";
import { districtName } from "@/lib/domain/districts";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/routing";
import type { Column, Row } from "./cells";
import type { Sheet } from "./sheet";

export function protocolTranslators(locale: Locale) {
  const messages = catalogue(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "Protocol" }),
    tRanking: createTranslator({ locale, messages, namespace: "AdminRanking" }),
  };
}

type Translators = ReturnType<typeof protocolTranslators>;

/** The decision's label (without amount or reason). */
export function decisionLabel(decision: ProtocolDecision, t: Translators["t"]): string {
  return t(`decision.${decision.kind}`);
}

/** The method note: which rank orders the rows, the tie-break order and the disagreement threshold. */
export function methodNote(protocol: CallProtocol, { t, tRanking }: Translators, locale: Locale): string {
  // As lib/domain/scoring ranks: the primary score, the rest of the programme's order, earlier submission.
  const primary = protocol.sort === "raw" ? "raw_score" : "normalised_score";
  const ties = protocol.order.filter((k) => k !== primary);
  if (!ties.includes("submitted_at")) ties.push("submitted_at");
  const order = ties.map((k) => tRanking(`orderKeys.${k}`)).join(", ");
  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 2 });
  return t("method", {
    rank: tRanking(`orderKeys.${primary}`),
    order,
    threshold: nf.format(protocol.threshold),
    outOf: protocol.call.scoreOutOf,
  });
}

export function rankingColumns(t: Translators["t"]): Column[] {
  return [
    { header: t("colNormRank"), kind: "integer", width: 12 },
    { header: t("colRawRank"), kind: "integer", width: 12 },
    { header: t("colReference"), kind: "text", width: 14 },
    { header: t("colTitle"), kind: "text", width: 40 },
    { header: t("colGrantee"), kind: "text", width: 30 },
    { header: t("colDistrict"), kind: "text", width: 24 },
    { header: t("colReviews"), kind: "integer", width: 10 },
    { header: t("colMean"), kind: "decimal", decimals: 2, width: 12 },
    { header: t("colNormalised"), kind: "decimal", decimals: 2, width: 14 },
    { header: t("colDisagreement"), kind: "text", width: 12 },
    { header: t("colDecision"), kind: "text", width: 26 },
    { header: t("colAmount"), kind: "money", width: 14 },
    { header: t("colNote"), kind: "text", width: 40 },
  ];
}

function* rankingRows(protocol: CallProtocol, t: Translators["t"], locale: Locale): Generator<Row> {
  for (const r of protocol.rows) {
    const d = r.decision;
    yield [
      r.normalisedRank,
      r.rawRank,
      r.reference,
      r.title,
      r.grantee,
      districtName(r.districtCode, locale),
      r.reviews,
      r.mean,
      r.normalised,
      r.disagreement ? t("yes") : t("no"),
      decisionLabel(d, t),
      d.kind === "awarded" || d.kind === "award_revoked" ? d.amount : null,
      d.kind === "award_revoked" && d.reason ? d.reason : null,
    ];
  }
}

/** The ranking with the decisions: the CSV's only table and the XLSX's first sheet. */
export function protocolRankingSheet(protocol: CallProtocol, locale: Locale, tr: Translators = protocolTranslators(locale)): Sheet {
  return { name: tr.t("sheetRanking"), columns: rankingColumns(tr.t), rows: rankingRows(protocol, tr.t, locale) };
}

/** The call's facts and totals ("label: value", typed cells), then the method and personal-data notes. */
export function protocolCallSheet(protocol: CallProtocol, locale: Locale, tr: Translators = protocolTranslators(locale)): Sheet {
  const { t } = tr;
  const { call, totals } = protocol;
  const nf = new Intl.NumberFormat(`${locale}-KZ`, { maximumFractionDigits: 3 });
  const rows: Row[] = [
    [t("programme"), call.programmeName[locale]],
    [t("call"), call.title[locale]],
    [t("opensAt"), { kind: "datetime", value: call.opensAt }],
    [t("closesAt"), { kind: "datetime", value: call.closesAt }],
    [t("reviewDeadline"), { kind: "datetime", value: call.reviewDeadline }],
    [t("budgetCap"), { kind: "money", value: call.budgetCap }],
    [t("awardAmount"), { kind: "money", value: call.awardAmount }],
    [t("awardedTotal"), { kind: "money", value: call.awardedTotal }],
    [t("remaining"), { kind: "money", value: totals.remaining }],
    [t("minScore"), t("minScoreValue", { score: nf.format(call.minScore), outOf: call.scoreOutOf })],
    [t("resultsPublished"), call.resultsPublishedAt ? { kind: "datetime", value: call.resultsPublishedAt } : t("notPublished")],
    [t("totalApplications"), { kind: "integer", value: totals.applications }],
    [t("totalAwarded"), { kind: "integer", value: totals.awarded }],
    [t("totalAwardedAmount"), { kind: "money", value: totals.awardedAmount }],
    [t("totalWaitlisted"), { kind: "integer", value: totals.waitlisted }],
    [t("totalNotAwarded"), { kind: "integer", value: totals.notAwarded }],
    [t("totalRevoked"), { kind: "integer", value: totals.revoked }],
    [t("totalInReview"), { kind: "integer", value: totals.inReview }],
    [t("totalReviewed"), { kind: "integer", value: totals.reviewed }],
    [t("rankingTitle"), methodNote(protocol, tr, locale)],
    [t("membersTitle"), { kind: "integer", value: protocol.members.length }],
    [t("drawnUp"), { kind: "datetime", value: protocol.generatedAt }],
    ["", t("personalData")],
  ];
  return {
    name: t("sheetCall"),
    columns: [
      { header: t("colItem"), kind: "text", width: 34 },
      { header: t("colValue"), kind: "text", width: 80 },
    ],
    rows,
  };
}

/** The commission's members with an empty signature column. */
export function protocolMembersSheet(protocol: CallProtocol, locale: Locale, tr: Translators = protocolTranslators(locale)): Sheet {
  const { t } = tr;
  return {
    name: t("sheetMembers"),
    columns: [
      { header: t("colMember"), kind: "text", width: 40 },
      { header: t("colOrganisation"), kind: "text", width: 50 },
      { header: t("colAssignments"), kind: "integer", width: 14 },
      { header: t("colSignature"), kind: "text", width: 24 },
    ],
    rows: protocol.members.map((m) => [m.fullName, m.organisation, m.assignments, null]),
  };
}

/** The reviewers' overall comments, one row each, in the ranking's order (without reviewers' names). */
export function protocolCommentsSheet(protocol: CallProtocol, locale: Locale, tr: Translators = protocolTranslators(locale)): Sheet {
  const { t } = tr;
  const rank = (r: CallProtocol["rows"][number]) => (protocol.sort === "raw" ? r.rawRank : r.normalisedRank);
  return {
    name: t("sheetComments"),
    columns: [
      { header: t(protocol.sort === "raw" ? "colRawRank" : "colNormRank"), kind: "integer", width: 12 },
      { header: t("colReference"), kind: "text", width: 14 },
      { header: t("colTitle"), kind: "text", width: 40 },
      { header: t("colComment"), kind: "text", width: 100 },
    ],
    rows: protocol.rows.flatMap((r) => r.comments.map((c) => [rank(r), r.reference, r.title, c])),
  };
}

/** The XLSX's sheets: ranking and decisions, the call, the commission, the reviewers' conclusions. */
export function protocolSheets(protocol: CallProtocol, locale: Locale): Sheet[] {
  const tr = protocolTranslators(locale);
  return [
    protocolRankingSheet(protocol, locale, tr),
    protocolCallSheet(protocol, locale, tr),
    protocolMembersSheet(protocol, locale, tr),
    protocolCommentsSheet(protocol, locale, tr),
  ];
}

/** "Commission protocol — <call title> — 2026-12-02.csv" and its ASCII fallback. */
export function protocolFileName(protocol: CallProtocol, locale: Locale, extension: "csv" | "xlsx"): { name: string; ascii: string } {
  const { t } = protocolTranslators(locale);
  const date = calendarDateIn(protocol.generatedAt);
  return {
    name: `${t("fileName")} — ${protocol.call.title[locale]} — ${date}.${extension}`,
    ascii: `jas-grant-protocol-${protocol.call.programmeCode}-${protocol.call.year}-${date}.${extension}`,
  };
}
