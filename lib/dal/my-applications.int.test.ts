import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, programmes, reviews, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { resetClock, setClock } from "@/lib/clock";
import { makeIin } from "@/lib/domain/iin";
import { reopenApplication, withdrawApplication, type Actor } from "./applications";
import { getApplicationView, getPublicCallPage, listMyApplicationsWithProgramme } from "./my-applications";

let openCallId: string;
let pastCallId: string;
let closesAt: Date;
let opensAt: Date;
let a3: Actor; // applicant3: awarded last year (results not published), a Заңғар draft
let a4: Actor; // applicant4: submitted in the open Бизнес бастау call, reviewed last year
let reviewer: Actor;

async function actorFor(email: string, role: Actor["role"]): Promise<Actor> {
  const [u] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: u.id, role };
}

async function appOf(actor: Actor, callId: string): Promise<string> {
  const [a] = await getDb()
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.applicantId, actor.id), eq(applications.callId, callId)));
  return a.id;
}

beforeAll(async () => {
  await seed({ demo: true, log: () => undefined });
  const bb = await getDb()
    .select({ id: calls.id, closesAt: calls.closesAt, opensAt: calls.opensAt })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(programmes.code, "biznes_bastau"))
    .orderBy(calls.closesAt);
  pastCallId = bb[0].id;
  openCallId = bb[1].id;
  closesAt = bb[1].closesAt;
  opensAt = bb[1].opensAt;
  a3 = await actorFor("applicant3@jasgrant.demo", "applicant");
  a4 = await actorFor("applicant4@jasgrant.demo", "applicant");
  reviewer = await actorFor("reviewer1@jasgrant.demo", "reviewer");
});
afterEach(() => resetClock());

describe("the public call page", () => {
  it("shows an open call with its rubric, a closed one as closed; a not yet open or unknown call is not public", async () => {
    const page = await getPublicCallPage(openCallId);
    expect(page!.call.id).toBe(openCallId);
    expect(page!.state).toBe("open");
    expect(page!.criteria.length).toBeGreaterThan(0);
    expect(page!.criteria.reduce((s, c) => s + c.share, 0)).toBeCloseTo(100, 0);
    const past = await getPublicCallPage(pastCallId);
    expect(past!.state).toBe("closed");
    expect(past!.call.resultsPublished).toBe(false);
    expect(await getPublicCallPage("not-a-uuid")).toBeNull();
    expect(await getPublicCallPage("00000000-0000-4000-8000-000000000000")).toBeNull();
    setClock(new Date(opensAt.getTime() - 1000));
    expect(await getPublicCallPage(openCallId)).toBeNull();
    setClock(closesAt);
    expect((await getPublicCallPage(openCallId))!.state).toBe("closed");
  });
});

describe("my applications list", () => {
  it("lists my own applications with programme names, the award hidden before publication", async () => {
    const rows = await listMyApplicationsWithProgramme(a3);
    expect(rows).toHaveLength(2);
    const past = rows.find((r) => r.callId === pastCallId)!;
    expect(past.status).toBe("reviewed"); // awarded in the database, not yet published
    expect(past.reference).toMatch(/^JG-[0-9A-F]{8}$/);
    expect(past.programmeName.kk).toBe("Бизнес бастау");
    expect(rows.some((r) => r.status === "draft")).toBe(true);
  });
  it("is empty for a reviewer (forbidden: no applications of their own)", async () => {
    expect(await listMyApplicationsWithProgramme(reviewer)).toEqual([]);
  });
});

describe("the read-only view of my application", () => {
  it("shows the frozen revision, a timeline and the withdraw action before the deadline", async () => {
    const id = await appOf(a4, openCallId);
    const view = (await getApplicationView(a4, id))!;
    expect(view.status).toBe("submitted");
    expect(view.revision!.number).toBe(1);
    expect(view.content.idea).toBeDefined();
    expect(view.timeline.map((i) => i.event)).toEqual(["created", "submitted"]);
    expect(view).toMatchObject({ canWithdraw: true, canReopen: false, deadlinePassed: false, decision: null, feedback: null });
  });

  it("forbidden: another applicant, a reviewer, an admin and a malformed id all get nothing", async () => {
    const id = await appOf(a4, openCallId);
    expect(await getApplicationView(a3, id)).toBeNull();
    expect(await getApplicationView(reviewer, id)).toBeNull();
    const admin = await actorFor("admin@jasgrant.demo", "admin");
    expect(await getApplicationView(admin, id)).toBeNull();
    expect(await getApplicationView(a4, "garbage")).toBeNull();
    expect(await getApplicationView(a4, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("withdraw then reopen shows in the timeline; after the deadline neither is offered", async () => {
    const id = await appOf(a4, openCallId);
    expect(await withdrawApplication(a4, id)).toEqual({ ok: true });
    let view = (await getApplicationView(a4, id))!;
    expect(view).toMatchObject({ status: "withdrawn", canWithdraw: false, canReopen: true });
    expect(await reopenApplication(a4, id)).toEqual({ ok: true });
    view = (await getApplicationView(a4, id))!;
    expect(view.status).toBe("draft");
    expect(view.timeline.map((i) => i.event)).toEqual(["created", "submitted", "withdrawn", "reopened"]);
    setClock(closesAt);
    view = (await getApplicationView(a4, id))!;
    expect(view).toMatchObject({ deadlinePassed: true, canWithdraw: false, canReopen: false });
    expect(await withdrawApplication(a4, id)).toEqual({ ok: false, code: "deadline_passed" });
  });

  it("shows a screening refusal with its reason at once", async () => {
    const [u] = await getDb()
      .insert(users)
      .values({
        email: "refused@example.kz",
        role: "applicant",
        surname: "Тестов",
        givenName: "Тест",
        iin: makeIin("1999-04-04", "male", 777),
        birthDate: "1999-04-04",
        sex: "male",
        phone: "+77010000000",
        districtCode: "ili",
        language: "kk",
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    const at = new Date();
    const [app] = await getDb()
      .insert(applications)
      .values({ callId: pastCallId, applicantId: u.id, districtCode: "ili", status: "ineligible", screeningReason: "Возраст вне диапазона", screenedAt: at, submittedAt: at })
      .returning({ id: applications.id });
    const view = (await getApplicationView({ id: u.id, role: "applicant" }, app.id))!;
    expect(view.decision).toEqual({ kind: "ineligible", reason: "Возраст вне диапазона" });
    expect(view.timeline.map((i) => i.event)).toContain("screened_out");
    expect(view.feedback).toBeNull();
  });

  it("keeps the award and the feedback back until the results are published, then shows them anonymously", async () => {
    const id = await appOf(a3, pastCallId);
    let view = (await getApplicationView(a3, id))!;
    expect(view.status).toBe("reviewed");
    expect(view.decision).toBeNull();
    expect(view.feedback).toBeNull();
    expect(view.timeline.map((i) => i.event)).not.toContain("awarded");

    await getDb().update(calls).set({ resultsPublishedAt: sql`now()` }).where(eq(calls.id, pastCallId));
    view = (await getApplicationView(a3, id))!;
    expect(view.status).toBe("awarded");
    expect(view.decision).toEqual({ kind: "awarded", amount: 1_500_000 });
    expect(view.timeline.map((i) => i.event)).toEqual(expect.arrayContaining(["awarded", "results_published"]));
    const f = view.feedback!;
    expect(f.reviews).toBe(3);
    expect(f.total).not.toBeNull();
    expect(f.criteria.length).toBeGreaterThan(0);
    for (const c of f.criteria) {
      expect(c.average).not.toBeNull();
      expect(c.average!).toBeGreaterThanOrEqual(c.scaleMin);
      expect(c.average!).toBeLessThanOrEqual(c.scaleMax);
    }
    expect(f.comments.length).toBe(3);
    // No reviewer's identity travels with the feedback.
    const reviewerIds = (await getDb().select({ id: reviews.reviewerId }).from(reviews).where(eq(reviews.applicationId, id))).map((r) => r.id);
    const json = JSON.stringify(f);
    for (const rid of reviewerIds) expect(json).not.toContain(rid);

    // Published: another applicant still sees nothing of it.
    expect(await getApplicationView(a4, id)).toBeNull();
  });
});

describe("the decision once results are published, with its reason", () => {
  it("waitlisted and not awarded carry the call's minimum score; before publication nothing is said", async () => {
    const app = await appOf(a4, pastCallId);
    const [before] = await getDb().select({ status: applications.status }).from(applications).where(eq(applications.id, app));
    try {
      for (const kind of ["waitlisted", "not_awarded"] as const) {
        await getDb().update(applications).set({ status: kind }).where(eq(applications.id, app));
        await getDb().update(calls).set({ resultsPublishedAt: null }).where(eq(calls.id, pastCallId));
        expect((await getApplicationView(a4, app))!.decision).toBeNull();
        await getDb().update(calls).set({ resultsPublishedAt: new Date() }).where(eq(calls.id, pastCallId));
        expect((await getApplicationView(a4, app))!.decision).toEqual({ kind, minScore: 60, scoreOutOf: 100 });
      }
    } finally {
      await getDb().update(applications).set({ status: before.status }).where(eq(applications.id, app));
      await getDb().update(calls).set({ resultsPublishedAt: null }).where(eq(calls.id, pastCallId));
    }
  });
});
