/**
 * Demo data (local demo, or SEED_DEMO=1): accounts, open calls of the three programmes, a closed Бизнес
 * бастау call of the previous year with reviews and awards, past winners. Inserted once, in one
 * transaction: skipped when the demo admin exists. Times are relative to lib/clock's now().
 */
import { CONSENT_TEXT_VERSION } from "@/lib/validation/registration";
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  applicationRevisions,
  applications,
  auditLog,
  awards,
  callDistricts,
  calls,
  consents,
  pastWinners,
  programmes,
  reviewAssignments,
  reviewScores,
  reviews,
  rubricCriteria,
  users,
  type ApplicationData,
} from "@/db/schema";
import { now } from "@/lib/clock";
import { DISTRICT_CODES, type DistrictCode } from "@/lib/domain/districts";
import { ageOn, makeIin } from "@/lib/domain/iin";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { DEMO_CALL_TITLES, titleColumns } from "./call-titles";
import { makePerson, phoneFor } from "./people";
import { businessPlan, tuProject, zangarEntry, type Plan } from "./plans";
import { SEED_LOCK } from "./reference";
import { addDays, addMs, almatyDate, almatyInstant, revisionContentHash, Rng, shiftDate, weightedTotal } from "./util";

export const DEMO_ADMIN_EMAIL = "admin@jasgrant.demo";
/** Version of the personal-data consent text the demo accounts agreed to. */
export const DEMO_CONSENT_VERSION = CONSENT_TEXT_VERSION;

type Lang = "kk" | "ru" | "en";
type Sex = "male" | "female";
type ProgrammeCode = "biznes_bastau" | "tauelsizdik_urpaqtary" | "zangar";
type UserRow = typeof users.$inferInsert;
type AppStatus = (typeof applications.$inferInsert)["status"] & string;

type ApplicantSpec = {
  email: string;
  age: number;
  sex: Sex;
  district: DistrictCode;
  language: Lang;
  surname: string;
  givenName: string;
  patronymic: string;
};

/** The six sign-in applicants: ages relative to the open calls' closing date (DOMAIN.md). */
const APPLICANTS: ApplicantSpec[] = [
  { email: "applicant1@jasgrant.demo", age: 16, sex: "female", district: "ili", language: "kk", surname: "Оспанова", givenName: "Аружан", patronymic: "Нұрланқызы" },
  { email: "applicant2@jasgrant.demo", age: 19, sex: "male", district: "talgar", language: "ru", surname: "Исаев", givenName: "Дамир", patronymic: "Маратұлы" },
  { email: "applicant3@jasgrant.demo", age: 22, sex: "female", district: "karasai", language: "kk", surname: "Серікбаева", givenName: "Айгерім", patronymic: "Болатқызы" },
  { email: "applicant4@jasgrant.demo", age: 25, sex: "male", district: "zhambyl", language: "ru", surname: "Жұмабеков", givenName: "Ерлан", patronymic: "Қайратұлы" },
  { email: "applicant5@jasgrant.demo", age: 29, sex: "male", district: "konaev", language: "kk", surname: "Бекболатов", givenName: "Асқар", patronymic: "Талғатұлы" },
  { email: "applicant6@jasgrant.demo", age: 33, sex: "female", district: "ili", language: "en", surname: "Омарова", givenName: "Мадина", patronymic: "Ғалымқызы" },
];

const REVIEWERS = [
  { email: "reviewer1@jasgrant.demo", surname: "Тұрсынов", givenName: "Бақытжан", patronymic: "Ерланұлы", language: "kk" as Lang, organisation: "«Атамекен» ҰКП Алматы облыстық палатасы" },
  { email: "reviewer2@jasgrant.demo", surname: "Ким", givenName: "Елена", patronymic: "Викторовна", language: "ru" as Lang, organisation: "Қазақ ұлттық аграрлық зерттеу университеті" },
  { email: "reviewer3@jasgrant.demo", surname: "Сәрсенова", givenName: "Динара", patronymic: "Асқарқызы", language: "en" as Lang, organisation: "«Даму» кәсіпкерлікті дамыту қоры" },
];

/** Extra people who applied to last year's closed call (they cannot sign in: no password). */
const PAST_APPLICANTS: { district: DistrictCode; sex: Sex; age: number; language: Lang; status: AppStatus }[] = [
  { district: "ili", sex: "male", age: 27, language: "kk", status: "awarded" },
  { district: "talgar", sex: "female", age: 24, language: "ru", status: "awarded" },
  { district: "konaev", sex: "male", age: 31, language: "ru", status: "awarded" },
  { district: "enbekshikazakh", sex: "female", age: 21, language: "kk", status: "reviewed" },
  { district: "balkhash", sex: "male", age: 34, language: "kk", status: "reviewed" },
  { district: "uighur", sex: "female", age: 26, language: "ru", status: "in_review" },
  { district: "kegen", sex: "male", age: 23, language: "kk", status: "submitted" },
  { district: "raiymbek", sex: "female", age: 30, language: "kk", status: "submitted" },
];

/** Statuses of the six applicants' applications in last year's closed call (applicant index → status). */
const CLOSED_CALL_DEMO_STATUS: Record<number, AppStatus> = { 2: "awarded", 3: "reviewed", 4: "awarded", 5: "in_review" };

const REVIEW_COMMENTS: Record<"kk" | "ru" | "en", string[]> = {
  kk: [
    "Нарық жақсы зерттелген, бірақ кіріс болжамы тым оптимистік.",
    "Бюджет нақты, жабдық бағалары негізделген. Жұмыс орындары шынайы.",
    "Идея өзекті, алайда бәсекелестерге талдау жеткіліксіз.",
  ],
  ru: [
    "Рынок проработан хорошо, но прогноз выручки завышен.",
    "Бюджет конкретный, цены на оборудование обоснованы. Рабочие места реалистичны.",
    "Идея актуальна, но анализ конкурентов недостаточен.",
  ],
  en: [
    "A well-researched market; the revenue forecast is optimistic.",
    "A concrete budget with justified equipment prices; realistic jobs.",
    "A relevant idea, but the competitor analysis is thin.",
  ],
};

export type DemoResult = { created: boolean; users: number; calls: number; applications: number; reviews: number; awards: number };

function birthDateForAge(onDate: string, age: number, offsetDays: number): string {
  // Born `age` years and `offsetDays` days before `onDate`: exactly `age` on that date for offsets < 1 year.
  return shiftDate(onDate, -offsetDays, -age);
}

function partial(data: ApplicationData, keep: string[]): ApplicationData {
  return Object.fromEntries(Object.entries(data).filter(([k]) => keep.includes(k)));
}

/** `passwordHash` is called only when the demo data is actually inserted (hashing costs time). */
export async function seedDemo(db: Db, passwordHash: () => Promise<string>): Promise<DemoResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const existing = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${DEMO_ADMIN_EMAIL}`);
    if (existing.length > 0) return { created: false, users: 0, calls: 0, applications: 0, reviews: 0, awards: 0 };
    return insertDemo(tx, await passwordHash());
  });
}

async function insertDemo(tx: Tx, passwordHash: string): Promise<DemoResult> {
  const rng = new Rng(20_260_101);
  const t = now();
  const today = almatyDate(t);
  const year = Number(today.slice(0, 4));
  const prevYear = year - 1;

  // --- programmes --------------------------------------------------------------------------------
  const progRows = await tx
    .select({ id: programmes.id, code: programmes.code, scoreOutOf: programmes.scoreOutOf, awardAmount: programmes.awardAmount })
    .from(programmes)
    .where(inArray(programmes.code, ["biznes_bastau", "tauelsizdik_urpaqtary", "zangar"]));
  const prog = (code: ProgrammeCode) => {
    const p = progRows.find((r) => r.code === code);
    if (!p) throw new Error(`Demo seed needs the programme ${code} (reference data first)`);
    return p;
  };
  const bb = prog("biznes_bastau");
  const bbCriteria = await tx
    .select({ id: rubricCriteria.id, scaleMin: rubricCriteria.scaleMin, scaleMax: rubricCriteria.scaleMax, weight: rubricCriteria.weight })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, bb.id))
    .orderBy(rubricCriteria.sortOrder);

  // --- times -------------------------------------------------------------------------------------
  const openCloseDate = shiftDate(today, 30);
  const opensAt = almatyInstant(shiftDate(today, -10), 9);
  const closesAt = almatyInstant(openCloseDate, 18); // 13:00Z
  const reviewDeadline = addDays(closesAt, 30);
  const past = {
    opensAt: almatyInstant(`${prevYear}-03-01`, 9),
    closesAt: almatyInstant(`${prevYear}-04-15`, 18),
    reviewDeadline: almatyInstant(`${prevYear}-05-31`, 18),
    screenedAt: almatyInstant(`${prevYear}-04-20`, 11),
    assignedAt: almatyInstant(`${prevYear}-04-22`, 10),
    awardedAt: almatyInstant(`${prevYear}-06-05`, 12),
  };
  const pastCloseDate = `${prevYear}-04-15`;

  // --- accounts ----------------------------------------------------------------------------------
  const verified = t;
  const adminId = randomUUID();
  const userRows: UserRow[] = [
    {
      id: adminId,
      email: DEMO_ADMIN_EMAIL,
      passwordHash,
      role: "admin",
      emailVerifiedAt: verified,
      surname: "Әбдіқадырова",
      givenName: "Гүлмира",
      patronymic: "Серікқызы",
      language: "kk",
      organisation: "Алматы облысының жастар саясаты мәселелері басқармасы",
    },
  ];
  const reviewerIds = REVIEWERS.map(() => randomUUID());
  REVIEWERS.forEach((r, i) =>
    userRows.push({ id: reviewerIds[i], email: r.email, passwordHash, role: "reviewer", emailVerifiedAt: verified, surname: r.surname, givenName: r.givenName, patronymic: r.patronymic, language: r.language, organisation: r.organisation }),
  );
  const applicantIds = APPLICANTS.map(() => randomUUID());
  const applicantIins: string[] = [];
  APPLICANTS.forEach((a, i) => {
    const birthDate = birthDateForAge(openCloseDate, a.age, 40 + 17 * i);
    if (ageOn(birthDate, closesAt) !== a.age) throw new Error(`demo age mismatch for ${a.email}`);
    const iin = makeIin(birthDate, a.sex, 101 + i);
    applicantIins.push(iin);
    userRows.push({
      id: applicantIds[i],
      email: a.email,
      passwordHash,
      role: "applicant",
      emailVerifiedAt: verified,
      surname: a.surname,
      givenName: a.givenName,
      patronymic: a.patronymic,
      iin,
      birthDate,
      sex: a.sex,
      phone: phoneFor(1_000_001 + i * 1_111),
      districtCode: a.district,
      language: a.language,
    });
  });
  const pastIds = PAST_APPLICANTS.map(() => randomUUID());
  PAST_APPLICANTS.forEach((p, i) => {
    const birthDate = birthDateForAge(pastCloseDate, p.age, 30 + 23 * i);
    const person = makePerson(rng, p.sex);
    userRows.push({
      id: pastIds[i],
      email: `past${i + 1}@jasgrant.demo`,
      passwordHash: null,
      role: "applicant",
      emailVerifiedAt: addDays(past.opensAt, 2),
      ...person,
      iin: makeIin(birthDate, p.sex, 301 + i),
      birthDate,
      sex: p.sex,
      phone: phoneFor(2_000_001 + i * 1_111),
      districtCode: p.district,
      language: p.language === "en" ? "ru" : p.language,
    });
  });
  // Sign-in accounts must match the list the launcher prints.
  for (const a of DEMO_ACCOUNTS) {
    if (!userRows.some((u) => u.email === a.email && u.role === a.role)) throw new Error(`demo account ${a.email} missing`);
  }
  await tx.insert(users).values(userRows);

  const consentRows: (typeof consents.$inferInsert)[] = [];
  APPLICANTS.forEach((a, i) => {
    consentRows.push({ userId: applicantIds[i], kind: "personal_data", textVersion: DEMO_CONSENT_VERSION, language: a.language, givenAt: verified });
  });
  PAST_APPLICANTS.forEach((p, i) => {
    consentRows.push({ userId: pastIds[i], kind: "personal_data", textVersion: DEMO_CONSENT_VERSION, language: p.language, givenAt: addDays(past.opensAt, 2) });
  });
  // The 16-year-old applies with her mother's consent (DOMAIN.md: applicants aged 14–17).
  consentRows.push({
    userId: applicantIds[0],
    kind: "guardian",
    textVersion: DEMO_CONSENT_VERSION,
    language: "kk",
    givenAt: verified,
    guardianName: "Оспанова Гүлнар Серікқызы",
    guardianIin: makeIin("1984-06-12", "female", 201),
    guardianRelation: "mother",
  });
  await tx.insert(consents).values(consentRows);

  // --- calls -------------------------------------------------------------------------------------
  const tu = prog("tauelsizdik_urpaqtary");
  const zg = prog("zangar");
  const callIds = { bbOpen: randomUUID(), tuOpen: randomUUID(), zgOpen: randomUUID(), bbPast: randomUUID() };
  const common = { opensAt, closesAt, reviewDeadline, year, createdBy: adminId, reviewersPerApplication: 3 };
  await tx.insert(calls).values([
    {
      id: callIds.bbOpen,
      programmeId: bb.id,
      ...common,
      ...titleColumns(DEMO_CALL_TITLES.biznes_bastau(year)),
      budgetCap: 136_500_000,
      awardAmount: 1_500_000,
      minScore: 60,
    },
    {
      id: callIds.tuOpen,
      programmeId: tu.id,
      ...common,
      ...titleColumns(DEMO_CALL_TITLES.tauelsizdik_urpaqtary(year)),
      budgetCap: 15_000_000,
      awardAmount: 1_000_000,
      minScore: 6,
    },
    {
      id: callIds.zgOpen,
      programmeId: zg.id,
      ...common,
      ...titleColumns(DEMO_CALL_TITLES.zangar(year)),
      budgetCap: 5_000_000,
      awardAmount: 500_000,
      minScore: 60,
    },
    {
      id: callIds.bbPast,
      programmeId: bb.id,
      year: prevYear,
      opensAt: past.opensAt,
      closesAt: past.closesAt,
      reviewDeadline: past.reviewDeadline,
      createdBy: adminId,
      reviewersPerApplication: 3,
      ...titleColumns(DEMO_CALL_TITLES.biznes_bastau(prevYear)),
      budgetCap: 136_500_000,
      awardAmount: 1_500_000,
      minScore: 60,
    },
  ]);
  // Every call has a row per district; Бизнес бастау reserves 5 grants each for Ili, Talgar and Karasai
  // (the region's priority districts) and caps Konaev city at 10.
  const bbDistrict = (code: DistrictCode) =>
    code === "ili" || code === "talgar" || code === "karasai"
      ? { reservedMinimum: 5, ceiling: null }
      : code === "konaev"
        ? { reservedMinimum: null, ceiling: 10 }
        : { reservedMinimum: null, ceiling: null };
  await tx.insert(callDistricts).values(
    Object.values(callIds).flatMap((callId) =>
      DISTRICT_CODES.map((districtCode) => ({
        callId,
        districtCode,
        ...(callId === callIds.bbOpen || callId === callIds.bbPast ? bbDistrict(districtCode) : { reservedMinimum: null, ceiling: null }),
      })),
    ),
  );

  // --- applications ------------------------------------------------------------------------------
  const appRows: (typeof applications.$inferInsert)[] = [];
  const revisionRows: (typeof applicationRevisions.$inferInsert)[] = [];
  const assignmentRows: (typeof reviewAssignments.$inferInsert)[] = [];
  const reviewRows: (typeof reviews.$inferInsert)[] = [];
  const scoreRows: (typeof reviewScores.$inferInsert)[] = [];
  const awardRows: (typeof awards.$inferInsert)[] = [];
  const auditRows: (typeof auditLog.$inferInsert)[] = [];

  const addApp = (o: {
    callId: string;
    applicantId: string;
    district: DistrictCode;
    plan: Plan;
    status: AppStatus;
    direction?: string;
    submittedAt?: Date;
    version?: number;
    createdAt: Date;
  }): string => {
    const id = randomUUID();
    const submitted = o.status !== "draft";
    const screened = !["draft", "submitted", "withdrawn"].includes(o.status);
    appRows.push({
      id,
      callId: o.callId,
      applicantId: o.applicantId,
      status: o.status,
      version: o.version ?? 1,
      districtCode: o.district,
      direction: o.direction ?? null,
      title: o.plan.title,
      data: o.plan.data,
      jobsCreated: o.plan.jobsCreated,
      requestedAmount: o.plan.requestedAmount,
      submittedAt: submitted ? o.submittedAt : null,
      screenedAt: screened ? past.screenedAt : null,
      screenedBy: screened ? adminId : null,
      createdAt: o.createdAt,
      updatedAt: o.submittedAt ?? o.createdAt,
    });
    if (submitted && o.submittedAt) {
      revisionRows.push({
        applicationId: id,
        revision: 1,
        data: o.plan.data,
        contentHash: revisionContentHash(o.plan.data),
        submittedAt: o.submittedAt,
      });
    }
    return id;
  };

  // Last year's closed call: submitted, in review, reviewed and awarded applications.
  const closed: { id: string; status: AppStatus; district: DistrictCode }[] = [];
  const submittedPast = (k: number) => addMs(past.opensAt, Math.floor(((k + 1) / 14) * (past.closesAt.getTime() - past.opensAt.getTime())));
  let k = 0;
  for (const [idx, status] of Object.entries(CLOSED_CALL_DEMO_STATUS)) {
    const i = Number(idx);
    const a = APPLICANTS[i];
    const birth = userRows.find((u) => u.id === applicantIds[i])!.birthDate!;
    const age = ageOn(birth, past.closesAt);
    if (age < 18 || age > 35) throw new Error(`demo applicant ${a.email} is ${age} at last year's closing`);
    const lang = a.language === "en" ? "ru" : a.language;
    const submittedAt = submittedPast(k++);
    const plan = businessPlan(rng, { lang, districtCode: a.district, awardAmount: 1_500_000, certificateYear: prevYear });
    const id = addApp({ callId: callIds.bbPast, applicantId: applicantIds[i], district: a.district, plan, status, submittedAt, createdAt: addDays(submittedAt, -3) });
    closed.push({ id, status, district: a.district });
  }
  PAST_APPLICANTS.forEach((p, i) => {
    const lang = p.language === "en" ? "ru" : p.language;
    const submittedAt = submittedPast(k++);
    const plan = businessPlan(rng, { lang, districtCode: p.district, awardAmount: 1_500_000, certificateYear: prevYear });
    const id = addApp({ callId: callIds.bbPast, applicantId: pastIds[i], district: p.district, plan, status: p.status, submittedAt, createdAt: addDays(submittedAt, -5) });
    closed.push({ id, status: p.status, district: p.district });
  });

  // Reviews: 3 reviewers on every application past screening; all submitted except for those in review.
  for (const app of closed) {
    if (app.status === "submitted") continue;
    const strong = app.status === "awarded";
    reviewerIds.forEach((reviewerId, r) => {
      const assignmentId = randomUUID();
      assignmentRows.push({ id: assignmentId, callId: callIds.bbPast, applicationId: app.id, reviewerId, status: "assigned", assignedBy: adminId, assignedAt: past.assignedAt });
      const inReview = app.status === "in_review";
      if (inReview && r === 2) return; // not started
      const isDraft = inReview && r === 1;
      const scores = bbCriteria.map((c) => (strong ? rng.int(Math.max(c.scaleMin, c.scaleMax - 2), c.scaleMax) : rng.int(c.scaleMin + 4, c.scaleMax - 1)));
      const reviewId = randomUUID();
      const submittedAt = almatyInstant(`${prevYear}-05-${String(2 + ((r * 7 + closed.indexOf(app)) % 24)).padStart(2, "0")}`, 15);
      const lang = REVIEWERS[r].language;
      reviewRows.push({
        id: reviewId,
        assignmentId,
        applicationId: app.id,
        reviewerId,
        status: isDraft ? "draft" : "submitted",
        comment: isDraft ? "" : rng.pick(REVIEW_COMMENTS[lang]),
        total: isDraft ? null : weightedTotal(scores, bbCriteria, bb.scoreOutOf),
        submittedAt: isDraft ? null : submittedAt,
        createdAt: addDays(past.assignedAt, 1),
        updatedAt: isDraft ? addDays(past.assignedAt, 2) : submittedAt,
      });
      const scored = isDraft ? bbCriteria.slice(0, 2) : bbCriteria;
      scored.forEach((c, ci) => scoreRows.push({ reviewId, criterionId: c.id, score: scores[ci] }));
    });
    if (app.status === "awarded") {
      const awardId = randomUUID();
      awardRows.push({
        id: awardId,
        applicationId: app.id,
        callId: callIds.bbPast,
        districtCode: app.district,
        amount: 1_500_000,
        status: "active",
        idempotencyKey: `seed-demo:${app.id}`,
        awardedBy: adminId,
        awardedAt: past.awardedAt,
      });
      auditRows.push(
        {
          at: past.awardedAt,
          actorId: adminId,
          actorRole: "admin",
          action: "award.create",
          entityType: "award",
          entityId: awardId,
          changedFields: ["status", "amount"],
          changes: { applicationId: app.id, callId: callIds.bbPast, districtCode: app.district, amount: 1_500_000, status: "active" },
        },
        {
          at: past.awardedAt,
          actorId: adminId,
          actorRole: "admin",
          action: "application.award",
          entityType: "application",
          entityId: app.id,
          changedFields: ["status"],
          changes: { status: { from: "reviewed", to: "awarded" } },
        },
      );
    }
  }

  // Open calls: a submitted plan and drafts.
  const a = (i: number) => APPLICANTS[i];
  const lang = (i: number): "kk" | "ru" => (a(i).language === "en" ? "ru" : (a(i).language as "kk" | "ru"));
  const submittedOpen = addDays(t, -2);
  addApp({
    callId: callIds.bbOpen,
    applicantId: applicantIds[3],
    district: a(3).district,
    plan: businessPlan(rng, { lang: lang(3), districtCode: a(3).district, awardAmount: 1_500_000, certificateYear: year, ideaKey: "furniture" }),
    status: "submitted",
    submittedAt: submittedOpen,
    version: 6,
    createdAt: addDays(t, -8),
  });
  const draftPlan = businessPlan(rng, { lang: lang(1), districtCode: a(1).district, awardAmount: 1_500_000, certificateYear: year, ideaKey: "car_service" });
  addApp({
    callId: callIds.bbOpen,
    applicantId: applicantIds[1],
    district: a(1).district,
    plan: { ...draftPlan, data: partial(draftPlan.data, ["training", "idea", "market"]) },
    status: "draft",
    version: 3,
    createdAt: addDays(t, -4),
  });
  addApp({
    callId: callIds.tuOpen,
    applicantId: applicantIds[0],
    district: a(0).district,
    plan: tuProject(1_000_000, rng),
    status: "draft",
    direction: "science",
    version: 4,
    createdAt: addDays(t, -6),
  });
  const zgPlan = zangarEntry();
  addApp({
    callId: callIds.zgOpen,
    applicantId: applicantIds[2],
    district: a(2).district,
    plan: { ...zgPlan, data: partial(zgPlan.data, ["nomination"]) },
    status: "draft",
    direction: "volunteer",
    version: 1,
    createdAt: addDays(t, -1),
  });

  await tx.insert(applications).values(appRows);
  await tx.insert(applicationRevisions).values(revisionRows);
  await tx.insert(reviewAssignments).values(assignmentRows);
  await tx.insert(reviews).values(reviewRows);
  await tx.insert(reviewScores).values(scoreRows);
  await tx.insert(awards).values(awardRows);
  if (auditRows.length) await tx.insert(auditLog).values(auditRows);

  // Totals follow from the awards themselves (the invariant the award DAL keeps).
  await syncAwardTotals(tx, Object.values(callIds));

  // Earlier winners of Тәуелсіздік ұрпақтары: applicant 6 (so she is excluded) and three others.
  await tx.insert(pastWinners).values([
    { programmeId: tu.id, year: year - 2, iin: applicantIins[5] },
    { programmeId: tu.id, year: year - 2, iin: makeIin(shiftDate(today, -200, -27), "male", 401) },
    { programmeId: tu.id, year: prevYear, iin: makeIin(shiftDate(today, -90, -24), "female", 402) },
    { programmeId: tu.id, year: prevYear, iin: makeIin(shiftDate(today, -310, -30), "male", 403) },
  ]);

  return {
    created: true,
    users: userRows.length,
    calls: 4,
    applications: appRows.length,
    reviews: reviewRows.length,
    awards: awardRows.length,
  };
}

/** Set calls.awarded_total and call_districts.awarded_count/awarded_total from the active awards. */
export async function syncAwardTotals(tx: Tx, callIds: string[]): Promise<void> {
  if (callIds.length === 0) return;
  await tx
    .update(calls)
    .set({
      awardedTotal: sql`(SELECT coalesce(sum(a.amount), 0) FROM ${awards} a WHERE a.call_id = ${calls.id} AND a.status = 'active')`,
    })
    .where(inArray(calls.id, callIds));
  await tx
    .update(callDistricts)
    .set({
      awardedCount: sql`(SELECT count(*)::int FROM ${awards} a WHERE a.call_id = ${callDistricts.callId} AND a.district_code = ${callDistricts.districtCode} AND a.status = 'active')`,
      awardedTotal: sql`(SELECT coalesce(sum(a.amount), 0) FROM ${awards} a WHERE a.call_id = ${callDistricts.callId} AND a.district_code = ${callDistricts.districtCode} AND a.status = 'active')`,
    })
    .where(inArray(callDistricts.callId, callIds));
}
