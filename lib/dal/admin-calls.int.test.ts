import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { calls } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import type { Actor } from "./applications";
import { adminCallExists, getAdminCall, listAdminCalls } from "./admin-calls";

const DAY = 86_400_000;
let admin: Actor;
let reviewer: Actor;
let applicant: Actor;
let openCall: string;
let closedCall: string;
let upcomingCall: string;

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  admin = { id: await makeUser(getDb(), "admin"), role: "admin" };
  reviewer = { id: await makeUser(getDb(), "reviewer"), role: "reviewer" };
  applicant = { id: await makeApplicant(getDb()), role: "applicant" };
  const t = Date.now();
  openCall = await makeCall(getDb());
  closedCall = await makeCall(getDb(), { opensAt: new Date(t - 60 * DAY), closesAt: new Date(t - 5 * DAY) });
  upcomingCall = await makeCall(getDb(), { programmeCode: "zangar", opensAt: new Date(t + 5 * DAY), closesAt: new Date(t + 40 * DAY) });
  const statuses = ["draft", "submitted", "submitted", "ineligible", "in_review", "withdrawn"] as const;
  for (const status of statuses) await makeApplication(getDb(), { callId: closedCall, applicantId: await makeApplicant(getDb()), status });
  await makeApplication(getDb(), { callId: openCall, applicantId: await makeApplicant(getDb()), status: "submitted" });
});

describe("listAdminCalls", () => {
  it("lists every programme's calls with their phase and counts", async () => {
    const rows = await listAdminCalls(admin);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const closed = byId.get(closedCall)!;
    expect(closed.phase).toBe("in_review");
    expect(closed).toMatchObject({ submittedCount: 4, awaitingScreening: 2, ineligibleCount: 1, inReviewCount: 1, draftCount: 1 });
    expect(closed.title).toEqual({ kk: "Сынақ конкурсы", ru: "Тестовый конкурс", en: "Test call" });
    expect(byId.get(openCall)).toMatchObject({ phase: "open", submittedCount: 1, awaitingScreening: 1 });
    expect(byId.get(upcomingCall)).toMatchObject({ phase: "upcoming", programmeCode: "zangar", submittedCount: 0, awaitingScreening: 0 });
    // Latest deadline first.
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(upcomingCall)).toBeLessThan(ids.indexOf(openCall));
    expect(ids.indexOf(openCall)).toBeLessThan(ids.indexOf(closedCall));
  });

  it("shows an archived call as archived", async () => {
    const id = await makeCall(getDb());
    await getDb().update(calls).set({ archivedAt: new Date() }).where(eq(calls.id, id));
    expect((await listAdminCalls(admin)).find((r) => r.id === id)?.phase).toBe("archived");
  });

  it("is refused to a reviewer and an applicant", async () => {
    await expect(listAdminCalls(reviewer)).rejects.toThrow(/forbidden/);
    await expect(listAdminCalls(applicant)).rejects.toThrow(/forbidden/);
  });
});

describe("getAdminCall", () => {
  it("returns one call's figures, null for an unknown or malformed id", async () => {
    expect(await getAdminCall(admin, closedCall)).toMatchObject({ id: closedCall, awaitingScreening: 2 });
    expect(await getAdminCall(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getAdminCall(admin, "not-a-uuid")).toBeNull();
  });

  it("is refused to a reviewer and an applicant", async () => {
    await expect(getAdminCall(reviewer, closedCall)).rejects.toThrow(/forbidden/);
    await expect(getAdminCall(applicant, closedCall)).rejects.toThrow(/forbidden/);
  });
});

describe("adminCallExists", () => {
  it("is true for a call, false for an unknown or malformed id", async () => {
    expect(await adminCallExists(admin, closedCall)).toBe(true);
    expect(await adminCallExists(admin, "00000000-0000-4000-8000-000000000000")).toBe(false);
    expect(await adminCallExists(admin, "not-a-uuid")).toBe(false);
  });

  it("is refused to a reviewer and an applicant", async () => {
    await expect(adminCallExists(reviewer, closedCall)).rejects.toThrow(/forbidden/);
    await expect(adminCallExists(applicant, closedCall)).rejects.toThrow(/forbidden/);
  });
});
