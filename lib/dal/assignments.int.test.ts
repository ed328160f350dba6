import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, conflicts, outbox, reviewAssignments, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { resetClock, setClock } from "@/lib/clock";
import type { Actor } from "./applications";
import { addAssignment, assignmentOverview, autoAssign, declineAssignment, removeAssignment } from "./assignments";
import { sendReviewReminders } from "./review-reminders";

const DAY = 86_400_000;
let admin: Actor;
let applicant: Actor;
/** Five reviewers on a public mail service with distinct surnames: no conflict flag is raised for them. */
const R: Actor[] = [];
const SURNAMES = ["Әбілов", "Бекова", "Жұмабаев", "Оспанова", "Сейітов"];

async function reviewer(i: number): Promise<Actor> {
  const [u] = await getDb()
    .insert(users)
    .values({ role: "reviewer", email: `assign.reviewer${i}@gmail.com`, surname: SURNAMES[i], givenName: `Сарапшы${i}`, language: (["kk", "ru", "en"] as const)[i % 3] })
    .returning({ id: users.id });
  return { id: u.id, role: "reviewer" };
}

async function callWithApps(n: number, o: Parameters<typeof makeCall>[1] = {}, status: "in_review" | "submitted" = "in_review"): Promise<{ callId: string; apps: string[] }> {
  const callId = await makeCall(getDb(), o);
  const apps: string[] = [];
  for (let i = 0; i < n; i++) apps.push(await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status }));
  return { callId, apps };
}

async function declare(callId: string, applicationId: string, reviewerId: string) {
  await getDb().insert(conflicts).values({ callId, applicationId, reviewerId, source: "declared", kind: "relative", status: "confirmed" });
}

async function rows(callId: string) {
  return getDb()
    .select({ id: reviewAssignments.id, applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status, declineReason: reviewAssignments.declineReason })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.callId, callId));
}

const assignedOf = (all: Awaited<ReturnType<typeof rows>>, appId: string) => all.filter((r) => r.applicationId === appId && r.status === "assigned");

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  applicant = { id: await makeApplicant(getDb()), role: "applicant" };
  for (let i = 0; i < 5; i++) R.push(await reviewer(i));
});

afterEach(() => resetClock());

describe("autoAssign", () => {
  it("fills k per application with balanced load, never a conflicted pair, and a re-run adds nothing", async () => {
    const { callId, apps } = await callWithApps(10);
    // A submitted (not yet screened) application of the same call gets nobody.
    const waiting = await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "submitted" });
    await declare(callId, apps[0], R[0].id);
    await declare(callId, apps[1], R[0].id);

    const r = await autoAssign(admin, callId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.added).toBe(30);
    expect(r.unfilled).toEqual([]);
    const all = await rows(callId);
    for (const a of apps) expect(assignedOf(all, a)).toHaveLength(3);
    expect(all.filter((x) => x.applicationId === waiting)).toEqual([]);
    // Balanced: 30 places over 5 reviewers, each takes 6 (never above ceil(n·k/r) + 1).
    const loads = R.map((v) => all.filter((x) => x.reviewerId === v.id).length);
    expect(loads).toEqual([6, 6, 6, 6, 6]);
    expect(Object.values(r.load).every((l) => l <= Math.ceil(30 / 5) + 1)).toBe(true);
    // The declared pairs were never added.
    expect(all.some((x) => x.reviewerId === R[0].id && (x.applicationId === apps[0] || x.applicationId === apps[1]))).toBe(false);
    // One summary audit row on the call.
    const audit = await getDb().select({ changes: auditLog.changes, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.action, "assignment.auto"), eq(auditLog.entityId, callId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, changes: { added: 30, removed: 0 } });

    const again = await autoAssign(admin, callId);
    expect(again).toMatchObject({ ok: true, added: 0, removed: 0, unfilled: [] });
    expect(await rows(callId)).toHaveLength(30);
  });

  it("a conflict declared after assignment: the next run removes that row and replaces it, never re-adding the pair", async () => {
    const { callId, apps } = await callWithApps(5);
    await autoAssign(admin, callId);
    const before = await rows(callId);
    const victim = assignedOf(before, apps[2])[0];
    await declare(callId, apps[2], victim.reviewerId);
    const r = await autoAssign(admin, callId);
    expect(r).toMatchObject({ ok: true, added: 1, removed: 1 });
    const after = await rows(callId);
    expect(after.find((x) => x.id === victim.id)?.status).toBe("removed");
    expect(assignedOf(after, apps[2])).toHaveLength(3);
    expect(assignedOf(after, apps[2]).some((x) => x.reviewerId === victim.reviewerId)).toBe(false);
  });

  it("reports an application no conflict-free reviewer is left for", async () => {
    const { callId, apps } = await callWithApps(1);
    for (const v of R.slice(0, 3)) await declare(callId, apps[0], v.id);
    const r = await autoAssign(admin, callId);
    expect(r).toMatchObject({ ok: true, added: 2, unfilled: [{ applicationId: apps[0], assigned: 2, missing: 1 }] });
  });

  it("a race: two runs at once on the same call add each pair once (the row locks serialise them)", async () => {
    const { callId, apps } = await callWithApps(6);
    // Each run waits (up to 1 s) after reading for the other to have read too: without the lock both read
    // the same empty state; with it the second cannot read before the first commits.
    const gate = () => {
      let arrived = 0;
      let open!: () => void;
      const opened = new Promise<void>((res) => (open = res));
      return async () => {
        if (++arrived >= 2) open();
        await Promise.race([opened, new Promise((res) => setTimeout(res, 1000))]);
      };
    };
    const afterRead = gate();
    const results = await Promise.all([autoAssign(admin, callId, { afterRead }), autoAssign(admin, callId, { afterRead })]);
    const added = results.map((r) => (r.ok ? r.added : -1)).sort();
    expect(added).toEqual([0, 18]);
    const all = await rows(callId);
    expect(all).toHaveLength(18);
    for (const a of apps) expect(assignedOf(all, a)).toHaveLength(3);
  });

  it("the same race WITHOUT the lock fails: both plan the same pairs and the second insert hits the unique index", async () => {
    const { callId } = await callWithApps(6);
    const afterRead = (() => {
      let arrived = 0;
      let open!: () => void;
      const opened = new Promise<void>((res) => (open = res));
      return async () => {
        if (++arrived >= 2) open();
        await Promise.race([opened, new Promise((res) => setTimeout(res, 1000))]);
      };
    })();
    const settled = await Promise.allSettled([
      autoAssign(admin, callId, { afterRead, skipLock: true }),
      autoAssign(admin, callId, { afterRead, skipLock: true }),
    ]);
    const rejected = settled.filter((s) => s.status === "rejected") as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    const err = rejected[0].reason as { code?: string; cause?: { code?: string } };
    expect(err.cause?.code ?? err.code).toBe("23505"); // unique_violation on (application, reviewer)
    expect(await rows(callId)).toHaveLength(18);
  });

  it("reviewers and applicants cannot call the admin functions", async () => {
    const { callId, apps } = await callWithApps(1);
    for (const who of [R[0], applicant]) {
      await expect(autoAssign(who, callId)).rejects.toThrow(/forbidden/);
      await expect(addAssignment(who, apps[0], R[1].id)).rejects.toThrow(/forbidden/);
      await expect(removeAssignment(who, apps[0], "причина")).rejects.toThrow(/forbidden/);
      await expect(assignmentOverview(who, callId)).rejects.toThrow(/forbidden/);
    }
    await expect(declineAssignment(admin, apps[0], "причина")).rejects.toThrow(/forbidden/);
    await expect(declineAssignment(applicant, apps[0], "причина")).rejects.toThrow(/forbidden/);
    expect(await rows(callId)).toEqual([]);
    // Allowed next to forbidden: the admin's overview answers.
    expect((await assignmentOverview(admin, callId))?.applications).toHaveLength(1);
  });
});

describe("manual add and remove", () => {
  it("refuses a conflicted pair, a duplicate and an application not in review; re-adds a removed pair", async () => {
    const { callId, apps } = await callWithApps(1);
    const { apps: submitted } = await callWithApps(1, {}, "submitted");
    await declare(callId, apps[0], R[0].id);
    expect(await addAssignment(admin, apps[0], R[0].id)).toEqual({ ok: false, code: "conflicted" });
    expect(await addAssignment(admin, submitted[0], R[1].id)).toEqual({ ok: false, code: "not_in_review" });
    expect(await addAssignment(admin, apps[0], admin.id)).toEqual({ ok: false, code: "not_found" });
    const added = await addAssignment(admin, apps[0], R[1].id);
    expect(added.ok).toBe(true);
    expect(await addAssignment(admin, apps[0], R[1].id)).toEqual({ ok: false, code: "duplicate" });
    if (!added.ok) return;

    expect(await removeAssignment(admin, added.assignmentId, " ")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: "assignmentReasonRequired" } });
    expect(await removeAssignment(admin, added.assignmentId, "Жүктемесі көп")).toEqual({ ok: true });
    expect(await removeAssignment(admin, added.assignmentId, "Жүктемесі көп")).toEqual({ ok: false, code: "not_assigned" });
    const [audit] = await getDb().select({ changes: auditLog.changes }).from(auditLog).where(and(eq(auditLog.action, "assignment.remove"), eq(auditLog.entityId, added.assignmentId)));
    expect(audit.changes).toMatchObject({ reason: "Жүктемесі көп", cause: "admin" });
    // Removed, then added back: the same row is assigned again.
    expect(await addAssignment(admin, apps[0], R[1].id)).toEqual({ ok: true, assignmentId: added.assignmentId });
    expect(assignedOf(await rows(callId), apps[0])).toHaveLength(1);
    expect(await rows(callId)).toHaveLength(1);
  });
});

describe("declineAssignment", () => {
  it("only the assigned reviewer declines, with a reason the admin sees as 'whom to replace'", async () => {
    const { callId, apps } = await callWithApps(1);
    const a = await addAssignment(admin, apps[0], R[2].id);
    if (!a.ok) throw new Error("setup");
    // Another reviewer: refused, nothing changed.
    expect(await declineAssignment(R[3], a.assignmentId, "Уақытым жоқ")).toEqual({ ok: false, code: "not_found" });
    expect((await rows(callId))[0].status).toBe("assigned");
    // The assigned reviewer: allowed.
    expect(await declineAssignment(R[2], a.assignmentId, "Уақытым жоқ")).toEqual({ ok: true });
    const [row] = await rows(callId);
    expect(row).toMatchObject({ status: "declined", declineReason: "Уақытым жоқ" });
    const audit = await getDb().select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.action, "assignment.decline"), eq(auditLog.entityId, a.assignmentId)));
    expect(audit).toEqual([{ actorId: R[2].id }]);

    const o = await assignmentOverview(admin, callId);
    expect(o?.declined).toMatchObject([{ assignmentId: a.assignmentId, reviewerId: R[2].id, reason: "Уақытым жоқ" }]);
    expect(o?.applications[0]).toMatchObject({ missing: 3, reviewers: [] });
    // The declined reviewer is not offered again; the admin cannot re-add the pair either.
    expect(o?.applications[0].addable.map((v) => v.id)).not.toContain(R[2].id);
    expect(await addAssignment(admin, apps[0], R[2].id)).toEqual({ ok: false, code: "declined" });
    // Auto-assign fills the place with others.
    expect(await autoAssign(admin, callId)).toMatchObject({ ok: true, added: 3 });
  });

  it("the overview leaves conflicted reviewers out of those the admin may add", async () => {
    const { callId, apps } = await callWithApps(1);
    await declare(callId, apps[0], R[4].id);
    const o = await assignmentOverview(admin, callId);
    expect(o?.applications[0].addable.map((v) => v.id)).not.toContain(R[4].id);
    expect(o?.applications[0].addable.map((v) => v.id)).toContain(R[0].id);
    expect(o?.call.perApplication).toBe(3);
  });
});

describe("sendReviewReminders", () => {
  it("e-mails each reviewer with unfinished assignments 3 days and 1 day before the review deadline, once each", async () => {
    const t = Date.now();
    const deadline = new Date(t + 2.5 * DAY);
    const { callId } = await callWithApps(2, { opensAt: new Date(t - 30 * DAY), closesAt: new Date(t - 5 * DAY), reviewDeadline: deadline });
    await autoAssign(admin, callId);
    const reviewersOfCall = [...new Set((await rows(callId)).map((r) => r.reviewerId))];
    expect(reviewersOfCall.length).toBeGreaterThanOrEqual(3);
    const mails = async () =>
      getDb()
        .select({ userId: outbox.userId, payload: outbox.payload })
        .from(outbox)
        .where(and(eq(outbox.template, "review_reminder"), inArray(outbox.userId, reviewersOfCall)));

    setClock(new Date(t));
    expect((await sendReviewReminders()).sent).toBe(reviewersOfCall.length);
    expect((await sendReviewReminders()).sent).toBe(0);
    const first = await mails();
    expect(first).toHaveLength(reviewersOfCall.length);
    expect(first[0].payload).toMatchObject({ days: 3 });

    setClock(new Date(deadline.getTime() - 0.5 * DAY));
    expect((await sendReviewReminders()).sent).toBe(reviewersOfCall.length);
    expect((await sendReviewReminders()).sent).toBe(0);
    const all = await mails();
    expect(all).toHaveLength(2 * reviewersOfCall.length);
    expect(all.filter((m) => (m.payload as { days: number }).days === 1)).toHaveLength(reviewersOfCall.length);

    // After the deadline nothing more is sent.
    setClock(new Date(deadline.getTime() + 1000));
    expect((await sendReviewReminders()).sent).toBe(0);
  });
});
