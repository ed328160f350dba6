/**
 * `--scale N`: a dedicated, closed Бизнес бастау "benchmark" call holding N realistic applications, each
 * submitted (with its revision) and reviewed by 3 of ~30 benchmark reviewers with scores on every criterion.
 *
 * Idempotent: N is the number of applications the benchmark call should hold; a second run with the same
 * N adds nothing, a larger N tops it up. Rows go in with multi-row INSERTs of up to 1,000 rows, one
 * transaction per 1,000 applications; every generated account shares ONE argon2id hash (hashed once).
 * Generation is deterministic per application index, so the data does not depend on the batching.
 */
import { CONSENT_TEXT_VERSION } from "@/lib/validation/registration";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  applicationRevisions,
  applications,
  callDistricts,
  calls,
  consents,
  programmes,
  reviewAssignments,
  reviewScores,
  reviews,
  rubricCriteria,
  users,
} from "@/db/schema";
import { now } from "@/lib/clock";
import { DISTRICT_CODES, type DistrictCode } from "@/lib/domain/districts";
import { makeIin } from "@/lib/domain/iin";
import { makePerson, phoneFor } from "./people";
import { businessPlan } from "./plans";
import { SEED_LOCK } from "./reference";
import { addDays, addMs, almatyDate, almatyInstant, chunks, revisionContentHash, Rng, shiftDate, weightedTotal } from "./util";

/** The benchmark call has a fixed id, so every run finds it. */
export const BENCHMARK_CALL_ID = "00000000-0000-4000-8000-00000000be01";
export const BENCHMARK_REVIEWERS = 30;
export const BENCHMARK_EMAIL_DOMAIN = "bench.jasgrant.demo";
const CONSENT_VERSION = CONSENT_TEXT_VERSION;
const BATCH = 1_000;
/** Batches in flight at once (each on its own connection, in its own transaction). */
const WORKERS = 2;

/** Where the region's young applicants live, roughly (the three priority districts and the cities lead). */
const DISTRICT_WEIGHTS: [DistrictCode, number][] = [
  ["ili", 15], ["karasai", 14], ["enbekshikazakh", 13], ["talgar", 12], ["alatau", 11], ["konaev", 9],
  ["zhambyl", 9], ["uighur", 6], ["balkhash", 4], ["raiymbek", 4], ["kegen", 3],
];
const WEIGHT_SUM = DISTRICT_WEIGHTS.reduce((s, [, w]) => s + w, 0);

const ORGANISATIONS = [
  "«Атамекен» ҰКП Алматы облыстық палатасы",
  "«Даму» кәсіпкерлікті дамыту қоры",
  "Қазақ ұлттық аграрлық зерттеу университеті",
  "Алматы облысының кәсіпкерлік басқармасы",
  "«Бәйтерек» холдингі",
];

const COMMENTS = {
  kk: ["Жоспар нақты, бюджет негізделген.", "Нарық талдауы әлсіз.", "Жұмыс орындары шынайы.", "Кіріс болжамы тым жоғары.", "Идея өзекті, команда дайын."],
  ru: ["План конкретный, бюджет обоснован.", "Анализ рынка слабый.", "Рабочие места реалистичны.", "Прогноз выручки завышен.", "Идея актуальна, команда готова."],
};

export type ScaleResult = {
  target: number;
  before: number;
  added: number;
  ms: number;
  rows: { users: number; consents: number; applications: number; revisions: number; assignments: number; reviews: number; scores: number };
};

type Ctx = {
  callId: string;
  opensAt: Date;
  closesAt: Date;
  reviewDeadline: Date;
  awardAmount: number;
  scoreOutOf: number;
  criteria: { id: string; scaleMin: number; scaleMax: number; weight: number }[];
  reviewerIds: string[];
  passwordHash: string;
};

function pickDistrict(rng: Rng): DistrictCode {
  let x = rng.next() * WEIGHT_SUM;
  for (const [code, w] of DISTRICT_WEIGHTS) {
    x -= w;
    if (x < 0) return code;
  }
  return "ili";
}

/** Create the benchmark call, its district rows and reviewers if missing; return what generation needs. */
async function prepare(tx: Tx, passwordHash: () => Promise<string>): Promise<Ctx> {
  const [bb] = await tx
    .select({ id: programmes.id, scoreOutOf: programmes.scoreOutOf })
    .from(programmes)
    .where(eq(programmes.code, "biznes_bastau"));
  if (!bb) throw new Error("--scale needs the Бизнес бастау programme (reference data first)");

  const t = now();
  const today = almatyDate(t);
  await tx
    .insert(calls)
    .values({
      id: BENCHMARK_CALL_ID,
      programmeId: bb.id,
      year: Number(today.slice(0, 4)),
      titleKk: "Бизнес бастау — жүктеме сынағы (генерацияланған деректер)",
      titleRu: "Бизнес бастау — нагрузочный тест (сгенерированные данные)",
      titleEn: "Biznes bastau — benchmark (generated data)",
      opensAt: almatyInstant(shiftDate(today, -120), 9),
      closesAt: almatyInstant(shiftDate(today, -60), 18),
      reviewDeadline: almatyInstant(shiftDate(today, -10), 18),
      budgetCap: 136_500_000,
      awardAmount: 1_500_000,
      minScore: 60,
      reviewersPerApplication: 3,
    })
    .onConflictDoNothing({ target: calls.id });
  await tx
    .insert(callDistricts)
    .values(
      DISTRICT_CODES.map((districtCode) => ({
        callId: BENCHMARK_CALL_ID,
        districtCode,
        reservedMinimum: ["ili", "talgar", "karasai"].includes(districtCode) ? 5 : null,
        ceiling: districtCode === "konaev" ? 10 : null,
      })),
    )
    .onConflictDoNothing();

  const reviewerEmails = Array.from({ length: BENCHMARK_REVIEWERS }, (_, i) => `reviewer${String(i + 1).padStart(2, "0")}@${BENCHMARK_EMAIL_DOMAIN}`);
  const [{ n: reviewersPresent }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(inArray(users.email, reviewerEmails));
  if (reviewersPresent < BENCHMARK_REVIEWERS) {
    const hash = await passwordHash();
    const rng = new Rng(7_777);
    await tx
      .insert(users)
      .values(
        reviewerEmails.map((email, i) => {
          const sex = i % 2 === 0 ? ("female" as const) : ("male" as const);
          return {
            email,
            passwordHash: hash,
            role: "reviewer" as const,
            emailVerifiedAt: t,
            ...makePerson(rng, sex),
            language: i % 3 === 0 ? ("ru" as const) : ("kk" as const),
            organisation: ORGANISATIONS[i % ORGANISATIONS.length],
          };
        }),
      )
      .onConflictDoNothing();
  }
  const reviewerRows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.email, reviewerEmails), eq(users.role, "reviewer")))
    .orderBy(users.email);
  if (reviewerRows.length < 3) throw new Error("benchmark reviewers missing");

  const [call] = await tx
    .select({ opensAt: calls.opensAt, closesAt: calls.closesAt, reviewDeadline: calls.reviewDeadline, awardAmount: calls.awardAmount })
    .from(calls)
    .where(eq(calls.id, BENCHMARK_CALL_ID));
  const criteria = await tx
    .select({ id: rubricCriteria.id, scaleMin: rubricCriteria.scaleMin, scaleMax: rubricCriteria.scaleMax, weight: rubricCriteria.weight })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, bb.id))
    .orderBy(rubricCriteria.sortOrder);
  if (criteria.length === 0) throw new Error("Бизнес бастау has no rubric criteria");
  return { callId: BENCHMARK_CALL_ID, ...call, scoreOutOf: bb.scoreOutOf, criteria, reviewerIds: reviewerRows.map((r) => r.id), passwordHash: "" };
}

async function countApplications(tx: Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(eq(applications.callId, BENCHMARK_CALL_ID));
  return row.n;
}

type Rows = {
  users: (typeof users.$inferInsert)[];
  consents: (typeof consents.$inferInsert)[];
  applications: (typeof applications.$inferInsert)[];
  revisions: (typeof applicationRevisions.$inferInsert)[];
  assignments: (typeof reviewAssignments.$inferInsert)[];
  reviews: (typeof reviews.$inferInsert)[];
  scores: (typeof reviewScores.$inferInsert)[];
};

/** Everything for the benchmark application number `index` (0-based), deterministic in `index`. */
function generate(ctx: Ctx, index: number, out: Rows): void {
  const rng = new Rng(0x9e3779b1 ^ Math.imul(index + 1, 2_654_435_761));
  const closeDate = almatyDate(ctx.closesAt);
  // Ages 18–35 on the closing date; (birth day, serial block) is unique per index.
  const dayOffset = 1 + (index % 6_000);
  const birthDate = shiftDate(closeDate, -dayOffset, -18);
  const serial = 5_000 + Math.floor(index / 6_000) * 10;
  if (serial > 9_989) throw new RangeError("--scale supports up to 2,994,000 applications");
  const sex = rng.chance(0.5) ? ("male" as const) : ("female" as const);
  const iin = makeIin(birthDate, sex, serial);
  const district = pickDistrict(rng);
  const lang = rng.chance(0.6) ? ("kk" as const) : ("ru" as const);
  const userId = randomUUID();
  const window = ctx.closesAt.getTime() - ctx.opensAt.getTime();
  // More submissions near the deadline, as in real calls.
  const submittedAt = addMs(ctx.opensAt, Math.floor(Math.sqrt(rng.next()) * (window - 60_000)));
  const createdAt = addMs(ctx.opensAt, Math.floor(rng.next() * (submittedAt.getTime() - ctx.opensAt.getTime())));

  out.users.push({
    id: userId,
    email: `applicant${index + 1}@${BENCHMARK_EMAIL_DOMAIN}`,
    passwordHash: ctx.passwordHash,
    role: "applicant",
    emailVerifiedAt: createdAt,
    ...makePerson(rng, sex),
    iin,
    birthDate,
    sex,
    phone: phoneFor(index + 1, "702"),
    districtCode: district,
    language: lang,
    createdAt,
    updatedAt: createdAt,
  });
  out.consents.push({ userId, kind: "personal_data", textVersion: CONSENT_VERSION, language: lang, givenAt: createdAt });

  const plan = businessPlan(rng, { lang, districtCode: district, awardAmount: ctx.awardAmount, certificateYear: Number(closeDate.slice(0, 4)) });
  const applicationId = randomUUID();
  const screenedAt = addDays(ctx.closesAt, 1);
  out.applications.push({
    id: applicationId,
    callId: ctx.callId,
    applicantId: userId,
    status: "reviewed",
    version: rng.int(3, 12),
    districtCode: district,
    title: plan.title,
    data: plan.data,
    jobsCreated: plan.jobsCreated,
    requestedAmount: plan.requestedAmount,
    submittedAt,
    screenedAt,
    createdAt,
    updatedAt: submittedAt,
  });
  out.revisions.push({ applicationId, revision: 1, data: plan.data, contentHash: revisionContentHash(plan.data), submittedAt });

  // Three distinct reviewers, spread evenly; each scores around the application's own quality.
  const n = ctx.reviewerIds.length;
  const first = (index * 7) % n;
  const picks = [first, (first + 11) % n, (first + 19) % n];
  const quality = rng.int(3, 9);
  const reviewWindow = ctx.reviewDeadline.getTime() - screenedAt.getTime();
  for (const p of picks) {
    const assignmentId = randomUUID();
    const reviewId = randomUUID();
    const scores = ctx.criteria.map((c) => Math.max(c.scaleMin, Math.min(c.scaleMax, quality + rng.int(-2, 2))));
    const reviewedAt = addMs(screenedAt, Math.floor((0.1 + 0.85 * rng.next()) * reviewWindow));
    out.assignments.push({ id: assignmentId, callId: ctx.callId, applicationId, reviewerId: ctx.reviewerIds[p], status: "assigned", assignedAt: addMs(screenedAt, 3_600_000) });
    out.reviews.push({
      id: reviewId,
      assignmentId,
      applicationId,
      reviewerId: ctx.reviewerIds[p],
      status: "submitted",
      comment: rng.pick(COMMENTS[lang]),
      total: weightedTotal(scores, ctx.criteria, ctx.scoreOutOf),
      submittedAt: reviewedAt,
      createdAt: addMs(reviewedAt, -3_600_000),
      updatedAt: reviewedAt,
    });
    ctx.criteria.forEach((c, ci) => out.scores.push({ reviewId, criterionId: c.id, score: scores[ci] }));
  }
}

/** Column name, PostgreSQL type and the row field it comes from, per generated table. */
type ColumnSpec = [column: string, pgType: string, field: string];

const COLUMNS: Record<keyof Rows, { table: string; columns: ColumnSpec[] }> = {
  users: {
    table: "users",
    columns: [
      ["id", "uuid", "id"], ["email", "text", "email"], ["password_hash", "text", "passwordHash"], ["role", "role", "role"],
      ["email_verified_at", "timestamptz", "emailVerifiedAt"], ["surname", "text", "surname"], ["given_name", "text", "givenName"],
      ["patronymic", "text", "patronymic"], ["iin", "bpchar", "iin"], ["birth_date", "date", "birthDate"], ["sex", "sex", "sex"],
      ["phone", "text", "phone"], ["district_code", "text", "districtCode"], ["language", "language", "language"],
      ["created_at", "timestamptz", "createdAt"], ["updated_at", "timestamptz", "updatedAt"],
    ],
  },
  consents: {
    table: "consents",
    columns: [["user_id", "uuid", "userId"], ["kind", "consent_kind", "kind"], ["text_version", "text", "textVersion"], ["language", "language", "language"], ["given_at", "timestamptz", "givenAt"]],
  },
  applications: {
    table: "applications",
    columns: [
      ["id", "uuid", "id"], ["call_id", "uuid", "callId"], ["applicant_id", "uuid", "applicantId"], ["status", "application_status", "status"],
      ["version", "int4", "version"], ["district_code", "text", "districtCode"], ["title", "text", "title"], ["data", "jsonb", "data"],
      ["jobs_created", "int4", "jobsCreated"], ["requested_amount", "int8", "requestedAmount"], ["submitted_at", "timestamptz", "submittedAt"],
      ["screened_at", "timestamptz", "screenedAt"], ["created_at", "timestamptz", "createdAt"], ["updated_at", "timestamptz", "updatedAt"],
    ],
  },
  revisions: {
    table: "application_revisions",
    columns: [["application_id", "uuid", "applicationId"], ["revision", "int4", "revision"], ["data", "jsonb", "data"], ["content_hash", "text", "contentHash"], ["submitted_at", "timestamptz", "submittedAt"]],
  },
  assignments: {
    table: "review_assignments",
    columns: [["id", "uuid", "id"], ["call_id", "uuid", "callId"], ["application_id", "uuid", "applicationId"], ["reviewer_id", "uuid", "reviewerId"], ["status", "assignment_status", "status"], ["assigned_at", "timestamptz", "assignedAt"]],
  },
  reviews: {
    table: "reviews",
    columns: [
      ["id", "uuid", "id"], ["assignment_id", "uuid", "assignmentId"], ["application_id", "uuid", "applicationId"], ["reviewer_id", "uuid", "reviewerId"],
      ["status", "review_status", "status"], ["comment", "text", "comment"], ["total", "numeric", "total"], ["submitted_at", "timestamptz", "submittedAt"],
      ["created_at", "timestamptz", "createdAt"], ["updated_at", "timestamptz", "updatedAt"],
    ],
  },
  scores: {
    table: "review_scores",
    columns: [["review_id", "uuid", "reviewId"], ["criterion_id", "uuid", "criterionId"], ["score", "int2", "score"]],
  },
};

/**
 * Multi-row INSERTs of up to BATCH rows: each column travels as ONE array parameter and `unnest` turns the
 * arrays back into rows (a handful of parameters per statement instead of one per value).
 */
async function insertRows(tx: Tx, kind: keyof Rows, rows: readonly Record<string, unknown>[]): Promise<void> {
  const { table, columns } = COLUMNS[kind];
  for (const part of chunks(rows, BATCH)) {
    const arrays = columns.map(([, pgType, field]) =>
      part.map((r) => {
        const v = r[field];
        if (v === undefined || v === null) return null;
        if (pgType === "jsonb") return JSON.stringify(v);
        if (v instanceof Date) return v.toISOString();
        return v;
      }),
    );
    const names = sql.raw(columns.map(([c]) => `"${c}"`).join(", "));
    const unnest = sql.join(
      columns.map(([, pgType], j) => sql`${sql.param(arrays[j])}::${sql.raw(pgType)}[]`),
      sql`, `,
    );
    await tx.execute(sql`INSERT INTO ${sql.raw(`"${table}"`)} (${names}) SELECT * FROM unnest(${unnest})`);
  }
}

/**
 * Which application indices (0-based, encoded in the applicants' e-mails) to generate so the benchmark call
 * holds `target` of them: the lowest indices not yet present. Fills gaps an interrupted run may leave.
 */
async function missingIndices(db: Db, target: number, present: number): Promise<number[]> {
  if (present >= target) return [];
  const rows = await db
    .select({ email: users.email })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.callId, BENCHMARK_CALL_ID));
  const have = new Set<number>();
  for (const { email } of rows) {
    const m = /^applicant(\d+)@/.exec(email);
    if (m) have.add(Number(m[1]) - 1);
  }
  const out: number[] = [];
  for (let i = 0; out.length < target - present; i++) if (!have.has(i)) out.push(i);
  return out;
}

export async function seedScale(db: Db, target: number, passwordHash: () => Promise<string>, log: (s: string) => void = () => undefined): Promise<ScaleResult> {
  if (!Number.isInteger(target) || target < 0) throw new RangeError(`--scale needs a whole number ≥ 0, got ${target}`);
  const started = performance.now();
  const rows = { users: 0, consents: 0, applications: 0, revisions: 0, assignments: 0, reviews: 0, scores: 0 };

  const { ctx, before } = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    return { ctx: await prepare(tx, passwordHash), before: await countApplications(tx) };
  });

  // The indices still missing below the target (an interrupted run may leave gaps between batches).
  const missing = await missingIndices(db, target, before);
  const batches = chunks(missing, BATCH);
  // The one argon2id hash shared by every generated account, computed only when there is work to do.
  if (missing.length > 0) ctx.passwordHash = await passwordHash();
  let done = before;
  let failure: unknown;
  const worker = async () => {
    for (let batch = batches.shift(); batch && failure === undefined; batch = batches.shift()) {
      const indices = batch;
      try {
        const out: Rows = { users: [], consents: [], applications: [], revisions: [], assignments: [], reviews: [], scores: [] };
        for (const i of indices) generate(ctx, i, out);
        await db.transaction(async (tx) => {
          // Shared: batches run side by side, but never during reference or demo seeding.
          await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${SEED_LOCK})`);
          for (const kind of Object.keys(COLUMNS) as (keyof Rows)[]) {
            await insertRows(tx, kind, out[kind] as Record<string, unknown>[]);
          }
        });
        for (const k of Object.keys(rows) as (keyof typeof rows)[]) rows[k] += out[k].length;
        done += indices.length;
        log(`[seed] benchmark: ${done.toLocaleString("en")} / ${target.toLocaleString("en")} applications`);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, batches.length) }, worker));
  if (failure !== undefined) throw failure;

  const ms = Math.round(performance.now() - started);
  return { target, before, added: rows.applications, ms, rows };
}
