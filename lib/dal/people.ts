import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { applications, auditLog, awards, calls, consents, programmes, users, type Localised } from "@/db/schema";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { can, type Role } from "@/lib/domain/permissions";
import type { Actor } from "./applications";
import { writeAudit } from "./audit";
import { UUID_RE } from "./guard";

/** How many of the latest reads of a person's data the page lists. */
export const READS_SHOWN = 20;

export type PersonView = {
  id: string;
  role: Role;
  active: boolean;
  email: string;
  emailVerifiedAt: Date | null;
  passwordSet: boolean;
  surname: string;
  givenName: string;
  patronymic: string | null;
  iin: string | null;
  birthDate: string | null;
  sex: "male" | "female" | null;
  phone: string | null;
  districtCode: string | null;
  language: "kk" | "ru" | "en";
  organisation: string | null;
  createdAt: Date;
  anonymisedAt: Date | null;
  consents: {
    kind: "personal_data" | "guardian";
    textVersion: string;
    language: "kk" | "ru" | "en";
    givenAt: Date;
    withdrawnAt: Date | null;
    guardianName: string | null;
    guardianIin: string | null;
    guardianRelation: string | null;
  }[];
  applications: {
    id: string;
    status: ApplicationStatus;
    callId: string;
    callTitle: Localised;
    programmeName: Localised;
    year: number;
    districtCode: string;
    submittedAt: Date | null;
    anonymisedAt: Date | null;
    awardAmount: number | null;
  }[];
  /** The latest reads of this person's data (this one included), newest first: who and when. */
  reads: { at: Date; actorName: string | null; actorRole: string | null }[];
  /** All reads of this person's data ever recorded. */
  readsTotal: number;
};

/**
 * One person's account and personal data as an admin sees it (permission `personal_data.read`: admins
 * only, thrown otherwise): profile, IIN, birth date, sex, phone, consents, applications. Every load
 * writes the audit row `user.personal_data.read` in the same transaction, so a read cannot happen
 * without its record. Null for a malformed or unknown id (nothing is logged then: nothing was read).
 */
export async function personalData(actor: Actor | null, userId: string): Promise<PersonView | null> {
  if (!actor || !can(actor.role, "personal_data.read")) throw new Error("forbidden: personal_data.read");
  if (!UUID_RE.test(userId)) return null;
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .select({
        id: users.id,
        role: users.role,
        active: users.active,
        email: users.email,
        emailVerifiedAt: users.emailVerifiedAt,
        passwordSet: sql<boolean>`${users.passwordHash} IS NOT NULL`,
        surname: users.surname,
        givenName: users.givenName,
        patronymic: users.patronymic,
        iin: users.iin,
        birthDate: users.birthDate,
        sex: users.sex,
        phone: users.phone,
        districtCode: users.districtCode,
        language: users.language,
        organisation: users.organisation,
        createdAt: users.createdAt,
        anonymisedAt: users.anonymisedAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!u) return null;

    await writeAudit(tx, {
      actor,
      action: "user.personal_data.read",
      entityType: "user",
      entityId: u.id,
      changedFields: [],
    });

    const myConsents = await tx
      .select({
        kind: consents.kind,
        textVersion: consents.textVersion,
        language: consents.language,
        givenAt: consents.givenAt,
        withdrawnAt: consents.withdrawnAt,
        guardianName: consents.guardianName,
        guardianIin: consents.guardianIin,
        guardianRelation: consents.guardianRelation,
      })
      .from(consents)
      .where(eq(consents.userId, u.id))
      .orderBy(desc(consents.givenAt));

    const apps = await tx
      .select({
        id: applications.id,
        status: applications.status,
        callId: calls.id,
        tKk: calls.titleKk,
        tRu: calls.titleRu,
        tEn: calls.titleEn,
        pKk: programmes.nameKk,
        pRu: programmes.nameRu,
        pEn: programmes.nameEn,
        year: calls.year,
        districtCode: applications.districtCode,
        submittedAt: applications.submittedAt,
        anonymisedAt: applications.anonymisedAt,
        awardAmount: awards.amount,
      })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(programmes, eq(programmes.id, calls.programmeId))
      .leftJoin(awards, and(eq(awards.applicationId, applications.id), eq(awards.status, "active")))
      .where(eq(applications.applicantId, u.id))
      .orderBy(desc(calls.year), desc(applications.createdAt));

    const reader = alias(users, "reader");
    const reads = await tx
      .select({ at: auditLog.at, actorRole: auditLog.actorRole, surname: reader.surname, givenName: reader.givenName, readerGone: reader.anonymisedAt })
      .from(auditLog)
      .leftJoin(reader, eq(reader.id, auditLog.actorId))
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, u.id), eq(auditLog.action, "user.personal_data.read")))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(READS_SHOWN);
    const [{ total }] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, u.id), eq(auditLog.action, "user.personal_data.read")));

    return {
      ...u,
      consents: myConsents,
      applications: apps.map((a) => ({
        id: a.id,
        status: a.status,
        callId: a.callId,
        callTitle: { kk: a.tKk, ru: a.tRu, en: a.tEn },
        programmeName: { kk: a.pKk, ru: a.pRu, en: a.pEn },
        year: a.year,
        districtCode: a.districtCode,
        submittedAt: a.submittedAt,
        anonymisedAt: a.anonymisedAt,
        awardAmount: a.awardAmount,
      })),
      reads: reads.map((r) => ({
        at: r.at,
        actorRole: r.actorRole,
        actorName: r.surname && !r.readerGone ? `${r.surname} ${r.givenName}` : null,
      })),
      readsTotal: total,
    };
  });
}
