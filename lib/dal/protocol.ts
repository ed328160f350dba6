import "server-only";
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, awards, calls, programmes, reviewAssignments, reviews, users, type Localised } from "@/db/schema";
import { now } from "@/lib/clock";
import type { DistrictCode } from "@/lib/domain/districts";
import type { RankKey } from "@/lib/domain/scoring";
import type { Actor } from "./applications";
import { writeAudit } from "./audit";
import { callRanking, type RankingEntry, type RankingSort } from "./ranking";
import { requireAdmin, UUID_RE } from "./guard";

/*
 * The protocol of the commission (issue 6): one call's ranking with the decision on every application,
 * the call's facts and totals, and the commission members who sign it. Read by the printable page and
 * the CSV / XLSX downloads. Personal data (docs/decisions/0011-commission-protocol.md): never an IIN,
 * a birth date, a phone or an e-mail; the full name of a grantee (an application with an active award)
 * only, every other application by its reference; the members' full names and organisations.
 */

/** The decision on one application, from its status and its award rows. */
export type ProtocolDecision =
  /** amount null only when the award was revoked between the ranking's read and the awards' (a race). */
  | { kind: "awarded"; amount: number | null }
  | { kind: "waitlisted" }
  | { kind: "not_awarded" }
  | { kind: "award_revoked"; amount: number | null; reason: string | null }
  | { kind: "in_review" }
  | { kind: "reviewed" };

export type ProtocolRow = {
  applicationId: string;
  normalisedRank: number;
  rawRank: number;
  /** JG-XXXXXXXX */
  reference: string;
  title: string;
  districtCode: DistrictCode;
  /** "Surname Given-name Patronymic" of a grantee (active award); null for everyone else. */
  grantee: string | null;
  reviews: number;
  /** Mean of the counted reviews' totals (raw score); null without reviews. */
  mean: number | null;
  normalised: number | null;
  disagreement: boolean;
  decision: ProtocolDecision;
  /**
   * The overall comments of the submitted reviews that count (active assignments), earliest first, without
   * the reviewers' names: the scoring form tells reviewers their comment goes into the protocol, and the
   * applicant sees it the same way.
   */
  comments: string[];
};

export type CommissionMember = {
  id: string;
  /** "Surname Given-name Patronymic", as a protocol names its signatories. */
  fullName: string;
  organisation: string | null;
  /** Active assignments in this call. */
  assignments: number;
};

export type ProtocolTotals = {
  applications: number;
  awarded: number;
  /** Sum of the active awards of the listed applications. */
  awardedAmount: number;
  waitlisted: number;
  notAwarded: number;
  revoked: number;
  inReview: number;
  reviewed: number;
  /** The call's budget cap minus its awarded total. */
  remaining: number;
};

export type CallProtocol = {
  call: {
    id: string;
    title: Localised;
    programmeCode: string;
    programmeName: Localised;
    year: number;
    opensAt: Date;
    closesAt: Date;
    reviewDeadline: Date;
    budgetCap: number;
    awardedTotal: number;
    awardAmount: number;
    minScore: number;
    scoreOutOf: number;
    resultsPublishedAt: Date | null;
    archivedAt: Date | null;
  };
  sort: RankingSort;
  /** The ranking's tie-break order and its disagreement threshold (points), for the method note. */
  order: readonly RankKey[];
  threshold: number;
  rows: ProtocolRow[];
  totals: ProtocolTotals;
  members: CommissionMember[];
  generatedAt: Date;
};

/** Why the protocol is read: the audit row says which (`protocol.view` or `protocol.download`). */
export type ProtocolUse = { kind: "view" } | { kind: "download"; format: "csv" | "xlsx"; language: "kk" | "ru" | "en" };

export type ProtocolRequest = { sort?: RankingSort };

function fullName(p: { surname: string; givenName: string; patronymic: string | null }): string {
  return [p.surname, p.givenName, p.patronymic].filter((s) => s && s.trim()).join(" ");
}

const collator = new Intl.Collator("kk", { sensitivity: "base" });

/**
 * The protocol of one call (admin only, thrown otherwise; null for an unknown call). The ranking is the
 * ranking page's (`callRanking`, every row): the same scores, ranks and ties. Each read is audited
 * (`protocol.view` for the page, `protocol.download` with the format for a file), since the protocol
 * names grantees.
 */
export async function callProtocol(actor: Actor, callId: string, use: ProtocolUse, request: ProtocolRequest = {}): Promise<CallProtocol | null> {
  requireAdmin(actor);
  if (!UUID_RE.test(callId)) return null;
  const db = getDb();
  const [call] = await db
    .select({
      id: calls.id,
      titleKk: calls.titleKk,
      titleRu: calls.titleRu,
      titleEn: calls.titleEn,
      year: calls.year,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      reviewDeadline: calls.reviewDeadline,
      budgetCap: calls.budgetCap,
      awardedTotal: calls.awardedTotal,
      awardAmount: calls.awardAmount,
      minScore: calls.minScore,
      resultsPublishedAt: calls.resultsPublishedAt,
      archivedAt: calls.archivedAt,
      programmeCode: programmes.code,
      programmeNameKk: programmes.nameKk,
      programmeNameRu: programmes.nameRu,
      programmeNameEn: programmes.nameEn,
      scoreOutOf: programmes.scoreOutOf,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  if (!call) return null;

  const sort: RankingSort = request.sort === "raw" ? "raw" : "normalised";
  // The ranking first, the awards after it: an application seen `awarded` had its award committed in the
  // same transaction as its status, so the later read finds it (statuses only move forward).
  const ranking = await callRanking(actor, callId, { all: true, sort });
  if (!ranking) return null;
  const [awardRows, grantees, memberRows, commentRows] = await Promise.all([
    db
      .select({ applicationId: awards.applicationId, amount: awards.amount, status: awards.status, revokeReason: awards.revokeReason, revokedAt: awards.revokedAt })
      .from(awards)
      .where(eq(awards.callId, callId))
      .orderBy(desc(awards.awardedAt)),
    // Names of grantees only: the applicant behind an application with an active award.
    db
      .select({ applicationId: applications.id, surname: users.surname, givenName: users.givenName, patronymic: users.patronymic, anonymisedAt: users.anonymisedAt })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.applicantId))
      .innerJoin(awards, and(eq(awards.applicationId, applications.id), eq(awards.status, "active")))
      .where(and(eq(applications.callId, callId), eq(applications.status, "awarded"))),
    db
      .select({
        id: users.id,
        surname: users.surname,
        givenName: users.givenName,
        patronymic: users.patronymic,
        organisation: users.organisation,
        assignments: count(reviewAssignments.id),
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
      .where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.status, "assigned")))
      .groupBy(users.id)
      .orderBy(asc(users.surname), asc(users.givenName)),
    db
      .select({ applicationId: reviews.applicationId, comment: reviews.comment })
      .from(reviews)
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
      .where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.status, "assigned"), eq(reviews.status, "submitted"), ne(reviews.comment, "")))
      .orderBy(asc(reviews.submittedAt), asc(reviews.id)),
  ]);

  const activeAward = new Map<string, number>();
  const lastRevoked = new Map<string, { amount: number; reason: string | null }>();
  for (const a of awardRows) {
    if (a.status === "active") activeAward.set(a.applicationId, a.amount);
    else if (!lastRevoked.has(a.applicationId)) lastRevoked.set(a.applicationId, { amount: a.amount, reason: a.revokeReason });
  }
  const comments = new Map<string, string[]>();
  for (const c of commentRows) {
    const text = c.comment.trim();
    if (!text) continue;
    const list = comments.get(c.applicationId);
    if (list) list.push(text);
    else comments.set(c.applicationId, [text]);
  }
  const granteeName = new Map(grantees.filter((g) => !g.anonymisedAt).map((g) => [g.applicationId, fullName(g)]));

  const decisionOf = (r: RankingEntry): ProtocolDecision => {
    switch (r.status) {
      case "awarded":
        // `awarded` means an active award exists (DOMAIN.md); absent only if revoked since the ranking's read.
        return { kind: "awarded", amount: activeAward.get(r.id) ?? null };
      case "award_revoked": {
        const revoked = lastRevoked.get(r.id);
        return { kind: "award_revoked", amount: revoked?.amount ?? null, reason: revoked?.reason ?? null };
      }
      case "waitlisted":
      case "not_awarded":
      case "in_review":
      case "reviewed":
        return { kind: r.status };
    }
  };

  const rows: ProtocolRow[] = ranking.rows.map((r) => {
    const decision = decisionOf(r);
    return {
      applicationId: r.id,
      normalisedRank: r.normalisedRank,
      rawRank: r.rawRank,
      reference: r.reference,
      title: r.title,
      districtCode: r.districtCode,
      grantee: decision.kind === "awarded" ? (granteeName.get(r.id) ?? null) : null,
      reviews: r.reviews,
      mean: r.mean,
      normalised: r.normalised,
      disagreement: r.disagreement,
      decision,
      comments: comments.get(r.id) ?? [],
    };
  });

  const totals: ProtocolTotals = {
    applications: rows.length,
    awarded: 0,
    awardedAmount: 0,
    waitlisted: 0,
    notAwarded: 0,
    revoked: 0,
    inReview: 0,
    reviewed: 0,
    remaining: call.budgetCap - call.awardedTotal,
  };
  for (const r of rows) {
    const d = r.decision;
    if (d.kind === "awarded") {
      totals.awarded++;
      totals.awardedAmount += d.amount ?? 0;
    } else if (d.kind === "waitlisted") totals.waitlisted++;
    else if (d.kind === "not_awarded") totals.notAwarded++;
    else if (d.kind === "award_revoked") totals.revoked++;
    else if (d.kind === "in_review") totals.inReview++;
    else totals.reviewed++;
  }

  const members: CommissionMember[] = memberRows
    .map((m) => ({ id: m.id, fullName: fullName(m), organisation: m.organisation?.trim() || null, assignments: Number(m.assignments) }))
    .sort((a, b) => collator.compare(a.fullName, b.fullName));

  await writeAudit(db, {
    actor,
    action: use.kind === "download" ? "protocol.download" : "protocol.view",
    entityType: "call",
    entityId: callId,
    changes: use.kind === "download" ? { format: use.format, language: use.language, sort, rows: rows.length } : { sort, rows: rows.length },
  });

  return {
    call: {
      id: call.id,
      title: { kk: call.titleKk, ru: call.titleRu, en: call.titleEn },
      programmeCode: call.programmeCode,
      programmeName: { kk: call.programmeNameKk, ru: call.programmeNameRu, en: call.programmeNameEn },
      year: call.year,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      reviewDeadline: call.reviewDeadline,
      budgetCap: call.budgetCap,
      awardedTotal: call.awardedTotal,
      awardAmount: call.awardAmount,
      minScore: call.minScore,
      scoreOutOf: call.scoreOutOf,
      resultsPublishedAt: call.resultsPublishedAt,
      archivedAt: call.archivedAt,
    },
    sort,
    order: ranking.call.order,
    threshold: ranking.threshold,
    rows,
    totals,
    members,
    generatedAt: now(),
  };
}
