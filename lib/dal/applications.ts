import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  applicationRevisions,
  applications,
  attachments,
  auditLog,
  calls,
  consents,
  pastWinners,
  programmes,
  rubricCriteria,
  users,
  type ApplicationData,
  type Direction,
  type EligibilityRules,
  type FormSection,
  type Localised,
} from "@/db/schema";
import { now } from "@/lib/clock";
import { formatDateTime } from "@/lib/domain/datetime";
import { checkEligibility, type EligibilityReason } from "@/lib/domain/eligibility";
import type { ApplicationStatus } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { applicationDataSchema } from "@/lib/validation/application";
import { writeAudit } from "./audit";
import { enqueueMail } from "./outbox";
import { revisionContentHash } from "./revision";
import { applyTransition } from "./workflow";
import { UUID_RE } from "./guard";

/** Who acts: the signed-in person from the session (never an id sent by the client). */
export type Actor = { id: string; role: "applicant" | "reviewer" | "admin" };

const isUuid = (s: string) => UUID_RE.test(s);

/** A short reference for letters and phone calls: JG- and the first 8 hex digits of the id. */
export function applicationReference(id: string): string {
  return `JG-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`;
}

export type CallForApplicant = {
  id: string;
  year: number;
  programmeId: string;
  programmeCode: string;
  programmeName: Localised;
  title: Localised;
  opensAt: Date;
  closesAt: Date;
  archived: boolean;
  /** Whether the call's results are published (on /results). */
  resultsPublished: boolean;
  awardAmount: number;
  budgetCap: number;
  awardedTotal: number;
  rules: EligibilityRules;
  sections: FormSection[];
  directions: Direction[];
};

async function loadCall(db: Tx | ReturnType<typeof getDb>, callId: string): Promise<CallForApplicant | null> {
  if (!isUuid(callId)) return null;
  const [r] = await db
    .select({
      id: calls.id,
      year: calls.year,
      programmeId: programmes.id,
      programmeCode: programmes.code,
      pKk: programmes.nameKk,
      pRu: programmes.nameRu,
      pEn: programmes.nameEn,
      tKk: calls.titleKk,
      tRu: calls.titleRu,
      tEn: calls.titleEn,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      archivedAt: calls.archivedAt,
      resultsPublishedAt: calls.resultsPublishedAt,
      awardAmount: calls.awardAmount,
      budgetCap: calls.budgetCap,
      awardedTotal: calls.awardedTotal,
      rules: programmes.eligibility,
      sections: programmes.formSections,
      directions: programmes.directions,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, callId));
  if (!r) return null;
  return {
    id: r.id,
    year: r.year,
    programmeId: r.programmeId,
    programmeCode: r.programmeCode,
    programmeName: { kk: r.pKk, ru: r.pRu, en: r.pEn },
    title: { kk: r.tKk, ru: r.tRu, en: r.tEn },
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    archived: r.archivedAt !== null,
    resultsPublished: r.resultsPublishedAt !== null,
    awardAmount: r.awardAmount,
    budgetCap: r.budgetCap,
    awardedTotal: r.awardedTotal,
    rules: r.rules,
    sections: r.sections,
    directions: r.directions,
  };
}

/** A call's public page: the call, its programme's rules and rubric. Null for an unknown id. */
export async function getCallPage(callId: string) {
  const call = await loadCall(getDb(), callId);
  if (!call) return null;
  const criteria = await getDb()
    .select({
      code: rubricCriteria.code,
      kk: rubricCriteria.nameKk,
      ru: rubricCriteria.nameRu,
      en: rubricCriteria.nameEn,
      dKk: rubricCriteria.descriptionKk,
      dRu: rubricCriteria.descriptionRu,
      dEn: rubricCriteria.descriptionEn,
      scaleMin: rubricCriteria.scaleMin,
      scaleMax: rubricCriteria.scaleMax,
      weight: rubricCriteria.weight,
    })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, call.programmeId))
    .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.code));
  const [p] = await getDb()
    .select({ kk: programmes.descriptionKk, ru: programmes.descriptionRu, en: programmes.descriptionEn, scoreOutOf: programmes.scoreOutOf })
    .from(programmes)
    .where(eq(programmes.id, call.programmeId));
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  return {
    call,
    description: { kk: p.kk, ru: p.ru, en: p.en } as Localised,
    scoreOutOf: p.scoreOutOf,
    criteria: criteria.map((c) => ({
      code: c.code,
      name: { kk: c.kk, ru: c.ru, en: c.en } as Localised,
      description: { kk: c.dKk, ru: c.dRu, en: c.dEn } as Localised,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      weight: c.weight,
      /** The criterion's share of the total, in percent (rounded to one decimal). */
      share: totalWeight > 0 ? Math.round((c.weight / totalWeight) * 1000) / 10 : 0,
    })),
  };
}

function requireApplicant(actor: Actor | null): asserts actor is Actor & { role: "applicant" } {
  if (!actor || actor.role !== "applicant") throw new Error("forbidden: applicants only");
}

type Existing = { id: string; status: ApplicationStatus; version: number } | null;

async function existingFor(db: Tx | ReturnType<typeof getDb>, callId: string, applicantId: string): Promise<Existing> {
  const [e] = await db
    .select({ id: applications.id, status: applications.status, version: applications.version })
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.applicantId, applicantId)));
  return e ?? null;
}

/** Everything eligibility needs about the viewer and the call, and the verdict. */
async function evaluate(db: Tx | ReturnType<typeof getDb>, actor: Actor, call: CallForApplicant, facts: { trainingCertificate?: string | null }) {
  const [u] = await db
    .select({ role: users.role, birthDate: users.birthDate, districtCode: users.districtCode, iin: users.iin })
    .from(users)
    .where(eq(users.id, actor.id));
  const guardian = await db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, actor.id), eq(consents.kind, "guardian"), isNull(consents.withdrawnAt)))
    .limit(1);
  const winners = u?.iin
    ? await db
        .select({ year: pastWinners.year })
        .from(pastWinners)
        .where(and(eq(pastWinners.programmeId, call.programmeId), eq(pastWinners.iin, u.iin)))
    : [];
  const existing = await existingFor(db, call.id, actor.id);
  const verdict = checkEligibility({
    rules: call.rules,
    call: { opensAt: call.opensAt, closesAt: call.closesAt, archived: call.archived },
    now: now(),
    applicant: { role: u?.role ?? "unknown", birthDate: u?.birthDate ?? null, districtCode: u?.districtCode ?? null, hasGuardianConsent: guardian.length > 0 },
    existing: existing ? { status: existing.status } : null,
    pastWinnerYears: winners.map((w) => w.year),
    facts,
  });
  return { verdict, existing, districtCode: u?.districtCode ?? null };
}

export type ApplyPage = {
  call: CallForApplicant;
  eligible: boolean;
  reasons: EligibilityReason[];
  age: number | null;
  existing: Existing;
};

/** The "can I apply?" page: the verdict on what the portal already knows (facts not yet given count as missing). */
export async function getApplyPage(actor: Actor, callId: string, facts: { trainingCertificate?: string | null } = {}): Promise<ApplyPage | null> {
  requireApplicant(actor);
  const call = await loadCall(getDb(), callId);
  if (!call) return null;
  const { verdict, existing } = await evaluate(getDb(), actor, call, facts);
  return { call, eligible: verdict.eligible, reasons: verdict.reasons, age: verdict.age, existing };
}

export type StartResult =
  | { ok: true; applicationId: string; created: boolean }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "ineligible"; reasons: EligibilityReason[] };

/**
 * Start (or continue) the viewer's application to a call, after the eligibility check with the
 * programme's own facts. One application per applicant per call: an existing draft is continued; a
 * concurrent second start meets the unique index and gets the same draft.
 */
export async function startApplication(actor: Actor, callId: string, facts: { trainingCertificate?: string | null }): Promise<StartResult> {
  requireApplicant(actor);
  return getDb().transaction(async (tx) => {
    const call = await loadCall(tx, callId);
    if (!call) return { ok: false as const, code: "not_found" as const };
    const { verdict, existing, districtCode } = await evaluate(tx, actor, call, facts);
    if (existing && existing.status === "draft") return { ok: true as const, applicationId: existing.id, created: false };
    if (!verdict.eligible || !districtCode) return { ok: false as const, code: "ineligible" as const, reasons: verdict.reasons };
    if (existing) return { ok: true as const, applicationId: existing.id, created: false };
    const data: ApplicationData = {};
    if (call.rules.requiresTrainingCertificate && facts.trainingCertificate)
      data.training = { certificateNumber: facts.trainingCertificate.trim() };
    const at = now();
    const inserted = await tx
      .insert(applications)
      .values({ callId, applicantId: actor.id, districtCode, data, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning({ id: applications.id });
    if (!inserted.length) {
      const again = await existingFor(tx, callId, actor.id);
      return { ok: true as const, applicationId: again!.id, created: false };
    }
    await writeAudit(tx, {
      actor,
      action: "application.create",
      entityType: "application",
      entityId: inserted[0].id,
      changes: { callId, status: "draft" },
    });
    return { ok: true as const, applicationId: inserted[0].id, created: true };
  });
}

export type MyApplication = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  version: number;
  data: ApplicationData;
  updatedAt: Date;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  screeningReason: string | null;
  call: CallForApplicant;
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number; createdAt: Date }[];
};

/**
 * The viewer's own application. Anyone else's id answers null (the page shows 404: ids cannot be
 * probed), whatever the viewer's role.
 */
export async function getMyApplication(actor: Actor, applicationId: string): Promise<MyApplication | null> {
  if (!actor || actor.role !== "applicant" || !isUuid(applicationId)) return null;
  const [a] = await getDb()
    .select({
      id: applications.id,
      callId: applications.callId,
      status: applications.status,
      version: applications.version,
      data: applications.data,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      withdrawnAt: applications.withdrawnAt,
      screeningReason: applications.screeningReason,
    })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)));
  if (!a) return null;
  const call = await loadCall(getDb(), a.callId);
  const files = await getDb()
    .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.applicationId, a.id))
    .orderBy(asc(attachments.createdAt));
  const { callId: _c, ...rest } = a;
  return { ...rest, reference: applicationReference(a.id), call: call!, attachments: files };
}

export type SaveResult =
  | { ok: true; version: number; savedAt: Date }
  | { ok: false; code: "not_found" | "conflict" | "deadline_passed" | "invalid_transition"; version?: number };

/**
 * Autosave of a draft, guarded by its version: the UPDATE matches only the version the client last
 * saw, so a stale tab's save changes nothing and gets `conflict` (with the current version) instead
 * of overwriting. `data` holds whole sections (already parsed with the programme's draft schema); they
 * replace the stored sections of the same name and leave the others as they were.
 */
export async function saveDraft(actor: Actor, applicationId: string, expectedVersion: number, data: ApplicationData): Promise<SaveResult> {
  requireApplicant(actor);
  if (!isUuid(applicationId)) return { ok: false, code: "not_found" };
  const at = now();
  const updated = await getDb()
    .update(applications)
    .set({ data: sql`${applications.data} || ${JSON.stringify(data)}::jsonb`, version: sql`${applications.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(applications.id, applicationId),
        eq(applications.applicantId, actor.id),
        eq(applications.version, expectedVersion),
        eq(applications.status, "draft"),
        sql`${at} < (SELECT ${calls.closesAt} FROM ${calls} WHERE ${calls.id} = ${applications.callId})`,
      ),
    )
    .returning({ version: applications.version });
  if (updated.length) return { ok: true, version: updated[0].version, savedAt: at };
  // Tell why, from a second look (nothing was written).
  const [cur] = await getDb()
    .select({ version: applications.version, status: applications.status, closesAt: calls.closesAt })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)));
  if (!cur) return { ok: false, code: "not_found" };
  if (cur.status !== "draft") return { ok: false, code: "invalid_transition", version: cur.version };
  if (at.getTime() >= cur.closesAt.getTime()) return { ok: false, code: "deadline_passed" };
  return { ok: false, code: "conflict", version: cur.version };
}

export type SubmitResult =
  | { ok: true; alreadySubmitted: boolean; revision: number }
  | { ok: false; code: "not_found" | "deadline_passed" | "email_unverified" | "invalid_transition" }
  | { ok: false; code: "ineligible"; reasons: EligibilityReason[] }
  | { ok: false; code: "incomplete"; issues: { path: string; message: string }[] };

/**
 * Submit: in one transaction, lock the application, re-check everything on the server (e-mail
 * verified, eligibility, the programme's submit schema including the budget rule, the deadline by
 * lib/clock), freeze a revision with its content hash, move draft → submitted with its audit row, and
 * write the confirmation e-mail. A second submit (double click, retry) finds it submitted and answers
 * ok without a second revision.
 */
export async function submitApplication(actor: Actor, applicationId: string): Promise<SubmitResult> {
  requireApplicant(actor);
  if (!isUuid(applicationId)) return { ok: false, code: "not_found" };
  return getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({ id: applications.id, callId: applications.callId, status: applications.status, data: applications.data, submittedAt: applications.submittedAt })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)))
      .for("update");
    if (!a) return { ok: false as const, code: "not_found" as const };
    const revisionCount = async () =>
      (await tx.select({ n: sql<number>`count(*)::int` }).from(applicationRevisions).where(eq(applicationRevisions.applicationId, a.id)))[0].n;
    if (a.status === "submitted") return { ok: true as const, alreadySubmitted: true, revision: await revisionCount() };
    if (a.status !== "draft") return { ok: false as const, code: "invalid_transition" as const };

    const call = (await loadCall(tx, a.callId))!;
    const at = now();
    if (at.getTime() >= call.closesAt.getTime()) return { ok: false as const, code: "deadline_passed" as const };

    const [u] = await tx
      .select({ verified: users.emailVerifiedAt, email: users.email, givenName: users.givenName, language: users.language, districtCode: users.districtCode })
      .from(users)
      .where(eq(users.id, actor.id));
    if (!u.verified) return { ok: false as const, code: "email_unverified" as const };

    const certificate = (a.data.training as { certificateNumber?: string } | undefined)?.certificateNumber ?? null;
    const { verdict } = await evaluate(tx, actor, call, { trainingCertificate: certificate });
    // The draft itself is "existing" in the draft status, which eligibility accepts.
    if (!verdict.eligible) return { ok: false as const, code: "ineligible" as const, reasons: verdict.reasons };

    const schema = applicationDataSchema(call.sections, { awardAmount: call.awardAmount, directions: call.directions.map((d) => d.code) }, "submit");
    const parsed = schema.safeParse(a.data);
    if (!parsed.success) {
      return {
        ok: false as const,
        code: "incomplete" as const,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: String(i.message) })),
      };
    }
    const data = parsed.data as ApplicationData;
    const files = await tx.select({ sha256: attachments.sha256 }).from(attachments).where(eq(attachments.applicationId, a.id));
    const revision = (await revisionCount()) + 1;
    await tx.insert(applicationRevisions).values({
      applicationId: a.id,
      revision,
      data,
      contentHash: revisionContentHash(data, files.map((f) => f.sha256)),
      submittedAt: at,
    });
    const t = await applyTransition(tx, { applicationId: a.id, transition: "submit", actor });
    if (!t.ok) {
      // Cannot happen after the checks above under the row lock; refuse rather than half-write.
      tx.rollback();
    }
    const jobs = (data.jobs as { jobsCreated?: number } | undefined)?.jobsCreated;
    const title = String((data.idea as { idea?: string } | undefined)?.idea ?? (data.project as { summary?: string } | undefined)?.summary ?? "").slice(0, 200);
    await tx
      .update(applications)
      .set({ data, districtCode: u.districtCode ?? undefined, jobsCreated: typeof jobs === "number" ? jobs : null, title })
      .where(eq(applications.id, a.id));
    const when = { kk: formatDateTime(at, "kk"), ru: formatDateTime(at, "ru"), en: formatDateTime(at, "en") };
    await enqueueMail(tx, {
      userId: actor.id,
      to: u.email,
      language: u.language,
      template: "application_submitted",
      payload: { name: u.givenName, url: `${env().APP_URL.replace(/\/$/, "")}/my/applications/${a.id}`, callTitle: call.title, when, reference: applicationReference(a.id) },
    });
    return { ok: true as const, alreadySubmitted: false, revision };
  });
}

export type SimpleResult = { ok: true } | { ok: false; code: "not_found" | "invalid_transition" | "deadline_passed" | "forbidden" | "conflict" };

/** Withdraw before the deadline (from submitted or draft). */
export async function withdrawApplication(actor: Actor, applicationId: string): Promise<SimpleResult> {
  requireApplicant(actor);
  return getDb().transaction(async (tx) => {
    const t = await applyTransition(tx, { applicationId, transition: "withdraw", actor });
    return t.ok ? { ok: true as const } : { ok: false as const, code: t.code };
  });
}

/** Reopen a withdrawn application as a draft, before the deadline. */
export async function reopenApplication(actor: Actor, applicationId: string): Promise<SimpleResult> {
  requireApplicant(actor);
  return getDb().transaction(async (tx) => {
    const t = await applyTransition(tx, { applicationId, transition: "reopen", actor });
    return t.ok ? { ok: true as const } : { ok: false as const, code: t.code };
  });
}

export type MyApplicationRow = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  updatedAt: Date;
  submittedAt: Date | null;
  callId: string;
  callTitle: Localised;
  closesAt: Date;
  programmeCode: string;
};

export type TimelineEntry = { at: Date; action: string; status: ApplicationStatus | null };

/** The status timeline of the viewer's own application, from its audit rows. */
export async function applicationTimeline(actor: Actor, applicationId: string): Promise<TimelineEntry[] | null> {
  if (!actor || actor.role !== "applicant" || !isUuid(applicationId)) return null;
  const [mine] = await getDb()
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.id)));
  if (!mine) return null;
  const rows = await getDb()
    .select({ at: auditLog.at, action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "application"),
        eq(auditLog.entityId, applicationId),
        inArray(auditLog.action, [
          "application.create",
          "application.submit",
          "application.withdraw",
          "application.reopen",
          "application.screen_pass",
          "application.screen_refuse",
          "application.complete_review",
          "application.award",
          "application.publish_waitlist",
          "application.publish_not_awarded",
          "application.revoke",
        ]),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => {
    const s = (r.changes as { status?: { to?: ApplicationStatus } | ApplicationStatus }).status;
    const status = typeof s === "string" ? s : (s?.to ?? null);
    return { at: r.at, action: r.action, status };
  });
}
