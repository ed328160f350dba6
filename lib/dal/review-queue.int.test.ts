import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reviewAssignments, reviews } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { Actor } from "./applications";
import { declineAssignment, removeAssignment } from "./assignments";
import { declareConflict } from "./conflicts";
import { reviewQueue } from "./review-queue";

let admin: Actor;
let me: Actor;
let other: Actor;
let callId: string;
const apps: string[] = [];
const asg: Record<string, string> = {};

async function assign(applicationId: string, reviewerId: string): Promise<string> {
  const [r] = await getDb()
    .insert(reviewAssignments)
    .values({ callId, applicationId, reviewerId, status: "assigned", assignedBy: admin.id })
    .returning({ id: reviewAssignments.id });
  return r.id;
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  me = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
  other = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
  callId = await makeCall(getDb());
  for (let i = 0; i < 6; i++) apps.push(await makeApplication(getDb(), { callId, applicantId: await makeApplicant(getDb()), status: "in_review", districtCode: "talgar" }));
  for (let i = 0; i < 6; i++) asg[i] = await assign(apps[i], me.id);
  await assign(apps[0], other.id);
  // 1: a draft review (in progress); 2: a submitted one (done).
  for (const [i, status] of [[1, "draft"], [2, "submitted"]] as const) {
    await getDb().insert(reviews).values({ assignmentId: asg[i], applicationId: apps[i], reviewerId: me.id, status, ...(status === "submitted" ? { total: 70, submittedAt: new Date() } : {}) });
  }
});

describe("reviewQueue", () => {
  it("lists only my active assignments, grouped by the review's state", async () => {
    const q = await reviewQueue(me);
    const ids = (g: keyof typeof q) => q[g].map((i) => i.applicationId).sort();
    expect(ids("in_progress")).toEqual([apps[1]]);
    expect(ids("done")).toEqual([apps[2]]);
    expect(ids("todo")).toEqual([apps[0], apps[3], apps[4], apps[5]].sort());
    const theirs = await reviewQueue(other);
    expect(theirs.todo.map((i) => i.applicationId)).toEqual([apps[0]]);
    expect(theirs.in_progress).toEqual([]);
  });

  it("carries the reference, title, programme, district, call and deadline, and no personal field", async () => {
    const q = await reviewQueue(me);
    const item = q.todo[0];
    expect(Object.keys(item).sort()).toEqual(
      ["applicationId", "assignmentId", "callTitle", "districtCode", "group", "programmeName", "reference", "reviewDeadline", "title"].sort(),
    );
    expect(item.reference).toMatch(/^JG-/);
    expect(item.districtCode).toBe("talgar");
    expect(item.reviewDeadline).toBeInstanceOf(Date);
    expect(item.callTitle.kk).toBeTruthy();
    expect(item.programmeName.en).toBeTruthy();
    expect(JSON.stringify(q)).not.toMatch(/iin|phone|email|surname|givenName|address/i);
  });

  it("a declined or removed assignment leaves the queue", async () => {
    expect(await declineAssignment(me, asg[3], "Away that week")).toEqual({ ok: true });
    expect(await removeAssignment(admin, asg[4], "Overloaded")).toEqual({ ok: true });
    const all = Object.values(await reviewQueue(me)).flat().map((i) => i.applicationId);
    expect(all).not.toContain(apps[3]);
    expect(all).not.toContain(apps[4]);
  });

  it("a conflicted pair is never listed, even if its assignment row stayed assigned", async () => {
    const r = await declareConflict(me, apps[5], { kind: "colleague", note: "" });
    expect(r.ok).toBe(true);
    // Even an assignment row left `assigned` (e.g. written before the conflict) stays hidden.
    await getDb().update(reviewAssignments).set({ status: "assigned" }).where(eq(reviewAssignments.id, asg[5]));
    const all = Object.values(await reviewQueue(me)).flat().map((i) => i.applicationId);
    expect(all).not.toContain(apps[5]);
  });

  it("an applicant, an admin or nobody gets nothing", async () => {
    const applicant: Actor = { id: await makeApplicant(getDb()), role: "applicant" };
    for (const a of [applicant, admin, null]) {
      expect(await reviewQueue(a)).toEqual({ todo: [], in_progress: [], done: [] });
    }
    // Even with my id under another role.
    expect(await reviewQueue({ id: me.id, role: "admin" })).toEqual({ todo: [], in_progress: [], done: [] });
  });
});
