import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, auditLog, calls, conflicts, programmes, reviewAssignments, reviews, reviewScores, rubricCriteria, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { ReviewInput } from "@/lib/validation/review";
import type { Actor } from "./applications";
import { addAssignment, declineAssignment, removeAssignment } from "./assignments";
import { getReviewWorkspace, saveReview } from "./reviews";

let admin: Actor;
let applicant: Actor;
const r: Actor[] = [];
let callId: string;
let criteria: { id: string; code: string; scaleMin: number; scaleMax: number }[];

async function newApp(): Promise<string> {
  const applicantId = await makeApplicant(getDb());
  return makeApplication(getDb(), { callId, applicantId, status: "in_review", districtCode: "talgar" });
}

async function assign(applicationId: string, reviewer: Actor, status: "assigned" | "declined" | "removed" = "assigned"): Promise<string> {
  const [row] = await getDb()
    .insert(reviewAssignments)
    .values({ callId, applicationId, reviewerId: reviewer.id, status, assignedBy: admin.id })
    .returning({ id: reviewAssignments.id });
  return row.id;
}

/** Every criterion scored with `score`, and a long enough overall comment. */
function full(assignmentId: string, version: number, score: number | ((i: number) => number)): ReviewInput {
  return {
    assignmentId,
    version,
    comment: "Жоспар нақты, нарық талдауы жақсы жасалған.",
    scores: Object.fromEntries(criteria.map((c, i) => [c.id, typeof score === "number" ? score : score(i)])),
    comments: { [criteria[0].id]: "Идея түсінікті" },
  };
}

async function reviewRows(assignmentId: string) {
  return getDb().select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  applicant = { id: await makeApplicant(getDb()), role: "applicant" };
  for (let i = 0; i < 4; i++) r.push({ id: await makeUser(getDb(), "reviewer"), role: "reviewer" });
  callId = await makeCall(getDb());
  const [call] = await getDb().select({ programmeId: calls.programmeId }).from(calls).where(eq(calls.id, callId));
  criteria = await getDb()
    .select({ id: rubricCriteria.id, code: rubricCriteria.code, scaleMin: rubricCriteria.scaleMin, scaleMax: rubricCriteria.scaleMax })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programmeId, call.programmeId))
    .orderBy(asc(rubricCriteria.sortOrder));
  expect(criteria.length).toBe(5);
});

describe("getReviewWorkspace", () => {
  it("gives the assigned reviewer the plan, the rubric and the district, blind, and logs the read", async () => {
    const app = await newApp();
    const [{ applicantId }] = await getDb().select({ applicantId: applications.applicantId }).from(applications).where(eq(applications.id, app));
    await getDb().update(users).set({ surname: "Жасырынова", givenName: "Құпиягүл", phone: "+77019998877" }).where(eq(users.id, applicantId));
    const asg = await assign(app, r[0]);
    const before = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "application.read"), eq(auditLog.entityId, app)));
    const w = await getReviewWorkspace(r[0], asg);
    expect(w).not.toBeNull();
    expect(w!.applicationId).toBe(app);
    expect(w!.districtCode).toBe("talgar");
    expect(w!.criteria.map((c) => c.id)).toEqual(criteria.map((c) => c.id));
    expect(w!.review.status).toBe("none");
    expect(w!.editable).toBe(true);
    expect(w!.others).toBeNull();
    // Blind: no personal field of the applicant anywhere in what the page gets.
    const [person] = await getDb()
      .select({ surname: users.surname, givenName: users.givenName, email: users.email, iin: users.iin, phone: users.phone })
      .from(users)
      .innerJoin(applications, eq(applications.applicantId, users.id))
      .where(eq(applications.id, app));
    const json = JSON.stringify(w);
    for (const v of Object.values(person)) if (v) expect(json).not.toContain(v);
    const after = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "application.read"), eq(auditLog.entityId, app)));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.actorId).toBe(r[0].id);
  });

  it("gives nothing to an unassigned, declined, removed or conflicted reviewer, nor to an admin or applicant, and logs nothing", async () => {
    const app = await newApp();
    const own = await assign(app, r[0]);
    const declined = await assign(app, r[1], "declined");
    const removed = await assign(app, r[2], "removed");
    const flagged = await assign(app, r[3]);
    await getDb().insert(conflicts).values({ callId, applicationId: app, reviewerId: r[3].id, source: "flagged", kind: "same_surname_district", status: "pending" });
    expect(await getReviewWorkspace(r[1], own)).toBeNull(); // someone else's assignment id
    expect(await getReviewWorkspace(r[1], declined)).toBeNull();
    expect(await getReviewWorkspace(r[2], removed)).toBeNull();
    expect(await getReviewWorkspace(r[3], flagged)).toBeNull();
    expect(await getReviewWorkspace(admin, own)).toBeNull();
    expect(await getReviewWorkspace(applicant, own)).toBeNull();
    expect(await getReviewWorkspace(null, own)).toBeNull();
    expect(await getReviewWorkspace(r[0], "not-a-uuid")).toBeNull();
    const reads = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "application.read"), eq(auditLog.entityId, app)));
    expect(reads).toEqual([]);
    // …and none of them can write a score by posting the action.
    for (const [who, id] of [[r[1], own], [r[1], declined], [r[2], removed], [r[3], flagged], [admin, own], [applicant, own]] as const) {
      expect(await saveReview(who, full(id, 0, 5), "submit")).toEqual({ ok: false, code: "not_found" });
    }
    expect(await getDb().select().from(reviews).where(eq(reviews.applicationId, app))).toEqual([]);
  });

  it("a conflict confirmed after the assignment shuts the reviewer out at once", async () => {
    const app = await newApp();
    const asg = await assign(app, r[1]);
    expect((await saveReview(r[1], { ...full(asg, 0, 5), scores: {} }, "draft")).ok).toBe(true);
    await getDb().insert(conflicts).values({ callId, applicationId: app, reviewerId: r[1].id, source: "declared", kind: "relative", status: "confirmed" });
    expect(await getReviewWorkspace(r[1], asg)).toBeNull();
    expect(await saveReview(r[1], full(asg, 1, 5), "submit")).toEqual({ ok: false, code: "not_found" });
    expect((await reviewRows(asg))[0].status).toBe("draft");
  });
});

describe("queue neighbours", () => {
  it("previous and next follow the queue page's order: to do, then in progress, then done", async () => {
    const me: Actor = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
    const apps = [await newApp(), await newApp(), await newApp()];
    const ids = await Promise.all(apps.map((a) => assign(a, me)));
    expect((await saveReview(me, { ...full(ids[0], 0, 5), scores: {} }, "draft")).ok).toBe(true); // in progress
    const q = await Promise.all(ids.map(async (id) => (await getReviewWorkspace(me, id))!.queue));
    // To do: ids[1], ids[2] (by application id); then ids[0] in progress.
    const todo = [ids[1], ids[2]].sort((x, y) => (apps[ids.indexOf(x)] < apps[ids.indexOf(y)] ? -1 : 1));
    const order = [...todo, ids[0]];
    for (const [i, id] of order.entries()) {
      const n = q[ids.indexOf(id)];
      expect(n).toEqual({ position: i + 1, count: 3, previous: order[i - 1] ?? null, next: order[i + 1] ?? null });
    }
  });
});

describe("saveReview", () => {
  it("autosaves a partial draft with versions, refuses a stale version and out-of-scale scores, writing nothing then", async () => {
    const app = await newApp();
    const asg = await assign(app, r[0]);
    const first = await saveReview(r[0], { assignmentId: asg, version: 0, comment: "", scores: { [criteria[0].id]: 7 }, comments: {} }, "draft");
    expect(first).toMatchObject({ ok: true, version: 1 });
    const second = await saveReview(r[0], { assignmentId: asg, version: 1, comment: "бастама", scores: { [criteria[0].id]: 8, [criteria[1].id]: null }, comments: { [criteria[0].id]: "жақсы" } }, "draft");
    expect(second).toMatchObject({ ok: true, version: 2 });
    // A second tab still on version 1.
    expect(await saveReview(r[0], { assignmentId: asg, version: 1, comment: "ескі", scores: {}, comments: {} }, "draft")).toEqual({ ok: false, code: "conflict", version: 2 });
    // Out of the criterion's scale, and a criterion of another rubric.
    const bad = await saveReview(r[0], { assignmentId: asg, version: 2, comment: "", scores: { [criteria[0].id]: criteria[0].scaleMax + 1 }, comments: {} }, "draft");
    expect(bad).toEqual({ ok: false, code: "invalid", issues: { [`scores.${criteria[0].id}`]: "reviewScoreRange" } });
    const foreign = await saveReview(r[0], { assignmentId: asg, version: 2, comment: "", scores: { "00000000-0000-4000-8000-000000000000": 3 }, comments: {} }, "draft");
    expect(foreign).toMatchObject({ ok: false, code: "invalid", issues: { form: "reviewUnknownCriterion" } });
    const [row] = await reviewRows(asg);
    expect(row).toMatchObject({ status: "draft", version: 2, comment: "бастама", total: null, submittedAt: null });
    const scores = await getDb().select().from(reviewScores).where(eq(reviewScores.reviewId, row.id));
    expect(scores.map((s) => [s.criterionId, s.score, s.comment])).toEqual([[criteria[0].id, 8, "жақсы"]]);
    const w = await getReviewWorkspace(r[0], asg);
    expect(w!.review).toMatchObject({ status: "draft", version: 2, scores: { [criteria[0].id]: 8 }, comments: { [criteria[0].id]: "жақсы" } });
  });

  it("submits only a complete review with an overall comment, computes the weighted total, then locks it", async () => {
    const app = await newApp();
    const asg = await assign(app, r[0]);
    const incomplete = await saveReview(r[0], { ...full(asg, 0, 6), scores: { [criteria[0].id]: 6 }, comment: "қысқа" }, "submit");
    expect(incomplete.ok).toBe(false);
    if (!incomplete.ok && incomplete.code === "invalid") {
      expect(incomplete.issues.comment).toBe("reviewOverallRequired");
      expect(Object.keys(incomplete.issues).filter((k) => k.startsWith("scores.")).length).toBe(criteria.length - 1);
    } else throw new Error("expected invalid");
    expect(await reviewRows(asg)).toEqual([]);

    // 8,6,7,5,9 on Бизнес бастау's 25/25/20/15/15 out of 100 gives 70 (DOMAIN.md).
    const done = await saveReview(r[0], full(asg, 0, (i) => [8, 6, 7, 5, 9][i]), "submit");
    expect(done).toMatchObject({ ok: true, version: 1, total: 70 });
    const [row] = await reviewRows(asg);
    expect(row).toMatchObject({ status: "submitted", total: 70 });
    expect(row.submittedAt).toBeInstanceOf(Date);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "review.submit"), eq(auditLog.entityId, row.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toMatchObject({ applicationId: app, total: 70 });

    expect(await saveReview(r[0], full(asg, 1, 10), "draft")).toEqual({ ok: false, code: "locked" });
    expect(await saveReview(r[0], full(asg, 1, 10), "submit")).toEqual({ ok: false, code: "locked" });
    const w = await getReviewWorkspace(r[0], asg);
    expect(w!.editable).toBe(false);
    expect(w!.review.total).toBe(70);
  });

  it("hides the other reviewers' scores until the viewer's own review is submitted, then shows them without names", async () => {
    const app = await newApp();
    const a0 = await assign(app, r[0]);
    const a1 = await assign(app, r[1]);
    expect((await saveReview(r[1], full(a1, 0, 9), "submit")).ok).toBe(true);
    const beforeOwn = await getReviewWorkspace(r[0], a0);
    expect(beforeOwn!.others).toBeNull();
    expect(JSON.stringify(beforeOwn)).not.toContain(r[1].id);
    // A draft is not enough.
    expect((await saveReview(r[0], { ...full(a0, 0, 4), scores: {} }, "draft")).ok).toBe(true);
    expect((await getReviewWorkspace(r[0], a0))!.others).toBeNull();
    expect((await saveReview(r[0], full(a0, 1, 4), "submit")).ok).toBe(true);
    const afterOwn = await getReviewWorkspace(r[0], a0);
    expect(afterOwn!.others).toEqual([{ label: 1, total: 90, scores: Object.fromEntries(criteria.map((c) => [c.id, 9])) }]);
    expect(JSON.stringify(afterOwn)).not.toContain(r[1].id);
  });

  it("the last of k submitted reviews moves the application to reviewed, not before", async () => {
    const app = await newApp();
    const ids = [await assign(app, r[0]), await assign(app, r[1]), await assign(app, r[2])];
    const status = async () => (await getDb().select({ s: applications.status }).from(applications).where(eq(applications.id, app)))[0].s;
    expect((await saveReview(r[0], full(ids[0], 0, 5), "submit")).ok).toBe(true);
    expect((await saveReview(r[1], full(ids[1], 0, 6), "submit")).ok).toBe(true);
    expect(await status()).toBe("in_review");
    expect((await saveReview(r[2], full(ids[2], 0, 7), "submit")).ok).toBe(true);
    expect(await status()).toBe("reviewed");
    const transition = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, app), eq(auditLog.action, "application.complete_review")));
    expect(transition).toHaveLength(1);
    // Still open to the reviewer reading it; no longer writable once decided (here: awarded).
    await getDb().update(applications).set({ status: "awarded" }).where(eq(applications.id, app));
    const a3 = await assign(app, r[3]);
    expect(await saveReview(r[3], full(a3, 0, 5), "draft")).toEqual({ ok: false, code: "closed" });
    expect((await getReviewWorkspace(r[3], a3))!.editable).toBe(false);
  });

  it("two tabs saving the first draft at once: one wins, the other is told (no duplicate, no 500)", async () => {
    const app = await newApp();
    const asg = await assign(app, r[0]);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => saveReview(r[0], { assignmentId: asg, version: 0, comment: `таб ${i}`, scores: { [criteria[0].id]: i }, comments: {} }, "draft")),
    );
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok && x.code === "conflict")).toHaveLength(5);
    expect(await reviewRows(asg)).toHaveLength(1);
  });

  it("a submit racing a draft save of the same version: exactly one lands", async () => {
    const app = await newApp();
    const asg = await assign(app, r[0]);
    const v = await saveReview(r[0], { assignmentId: asg, version: 0, comment: "", scores: {}, comments: {} }, "draft");
    expect(v).toMatchObject({ ok: true, version: 1 });
    const [a, b] = await Promise.all([saveReview(r[0], full(asg, 1, 3), "submit"), saveReview(r[0], { ...full(asg, 1, 8), scores: {} }, "draft")]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [row] = await reviewRows(asg);
    expect(row.version).toBe(2);
    if (a.ok) expect(row.status).toBe("submitted");
    else expect(row.status).toBe("draft");
  });
});

describe("the application's status follows its reviews", () => {
  const status = async (app: string) => (await getDb().select({ s: applications.status }).from(applications).where(eq(applications.id, app)))[0].s;

  it("adding a reviewer to a reviewed application (a disagreement) takes it back to in review; their review completes it again", async () => {
    const app = await newApp();
    for (const who of r.slice(0, 3)) expect((await saveReview(who, full(await assign(app, who), 0, 5), "submit")).ok).toBe(true);
    expect(await status(app)).toBe("reviewed");
    const added = await addAssignment(admin, app, r[3].id);
    expect(added.ok).toBe(true);
    expect(await status(app)).toBe("in_review");
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, app), eq(auditLog.action, "application.reopen_review")));
    expect(audit.map((a) => a.actorId)).toEqual([admin.id]);
    if (!added.ok) throw new Error("add failed");
    expect((await saveReview(r[3], full(added.assignmentId, 0, 9), "submit")).ok).toBe(true);
    expect(await status(app)).toBe("reviewed");
  });

  it("removing or a decline of the one unfinished reviewer completes the review when k submitted remain", async () => {
    const app = await newApp();
    const ids = await Promise.all(r.map((who) => assign(app, who)));
    for (const i of [0, 1, 2]) expect((await saveReview(r[i], full(ids[i], 0, 6), "submit")).ok).toBe(true);
    expect(await status(app)).toBe("in_review"); // r[3] has not submitted
    expect(await removeAssignment(admin, ids[3], "Сарапшы ауырып қалды, ауыстырылады")).toEqual({ ok: true });
    expect(await status(app)).toBe("reviewed");

    const other = await newApp();
    const oids = await Promise.all(r.map((who) => assign(other, who)));
    for (const i of [0, 1, 2]) expect((await saveReview(r[i], full(oids[i], 0, 6), "submit")).ok).toBe(true);
    expect(await declineAssignment(r[3], oids[3], "Іссапарда боламын, үлгермеймін")).toEqual({ ok: true });
    expect(await status(other)).toBe("reviewed");
  });

  it("with fewer than k reviewers submitted, removing the rest does not complete it", async () => {
    const app = await newApp();
    const a0 = await assign(app, r[0]);
    const a1 = await assign(app, r[1]);
    expect((await saveReview(r[0], full(a0, 0, 6), "submit")).ok).toBe(true);
    expect(await removeAssignment(admin, a1, "Сарапшы ауыстырылады, басқасы қосылады")).toEqual({ ok: true });
    expect(await status(app)).toBe("in_review");
  });
});

describe("programme scale", () => {
  it("Тәуелсіздік ұрпақтары's nine criteria give a total out of 10", async () => {
    const tuCall = await makeCall(getDb(), { programmeCode: "tauelsizdik_urpaqtary" });
    const [p] = await getDb().select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "tauelsizdik_urpaqtary"));
    const tu = await getDb().select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.programmeId, p.id));
    expect(tu).toHaveLength(9);
    const app = await makeApplication(getDb(), { callId: tuCall, applicantId: await makeApplicant(getDb()), status: "in_review" });
    const [asg] = await getDb().insert(reviewAssignments).values({ callId: tuCall, applicationId: app, reviewerId: r[0].id, assignedBy: admin.id }).returning({ id: reviewAssignments.id });
    const res = await saveReview(r[0], { assignmentId: asg.id, version: 0, comment: "Жоба жастарға пайдалы, жоспары анық.", scores: Object.fromEntries(tu.map((c) => [c.id, 6])), comments: {} }, "submit");
    expect(res).toMatchObject({ ok: true, total: 6 });
  });
});
