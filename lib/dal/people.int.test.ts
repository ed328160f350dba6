import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, consents, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { makeApplicant, makeApplication, makeCall, makeUser } from "@/db/seed/fixtures";
import { personalData } from "./people";

let adminId: string;
let reviewerId: string;
let applicantId: string;
let otherApplicantId: string;
let applicationId: string;

async function reads(userId: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "user.personal_data.read"), eq(auditLog.entityId, userId)));
}

beforeAll(async () => {
  await seed({ demo: false, log: () => undefined });
  adminId = await makeUser(getDb(), "admin");
  reviewerId = await makeUser(getDb(), "reviewer");
  applicantId = await makeApplicant(getDb(), { district: "talgar", birthDate: "2002-05-17" });
  otherApplicantId = await makeApplicant(getDb());
  await getDb().update(users).set({ phone: "+77011234567" }).where(eq(users.id, applicantId));
  await getDb().insert(consents).values({ userId: applicantId, kind: "personal_data", textVersion: "2026-01", language: "kk" });
  const callId = await makeCall(getDb());
  applicationId = await makeApplication(getDb(), { callId, applicantId, status: "submitted", districtCode: "talgar" });
});

describe("personalData", () => {
  it("shows an admin the person's data and records the view before returning it", async () => {
    const [u] = await getDb().select().from(users).where(eq(users.id, applicantId));
    const view = await personalData({ id: adminId, role: "admin" }, applicantId);
    expect(view).toMatchObject({ id: applicantId, iin: u.iin, birthDate: "2002-05-17", phone: "+77011234567", districtCode: "talgar", role: "applicant" });
    expect(view!.consents).toHaveLength(1);
    expect(view!.applications.map((a) => a.id)).toEqual([applicationId]);
    const logged = await reads(applicantId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorId: adminId, actorRole: "admin", entityType: "user" });
    // The audit row records that a read happened, never the values read.
    expect(JSON.stringify(logged[0])).not.toContain(u.iin!);
    // The page lists the reads, this one included.
    expect(view!.readsTotal).toBe(1);
    expect(view!.reads[0].actorName).toBe("Тестов admin");
  });

  it("records every view, one row each", async () => {
    await personalData({ id: adminId, role: "admin" }, applicantId);
    const view = await personalData({ id: adminId, role: "admin" }, applicantId);
    expect(await reads(applicantId)).toHaveLength(3);
    expect(view!.readsTotal).toBe(3);
  });

  it("refuses a reviewer and an applicant (even for their own record) and records nothing", async () => {
    await expect(personalData({ id: reviewerId, role: "reviewer" }, applicantId)).rejects.toThrow(/forbidden/);
    await expect(personalData({ id: otherApplicantId, role: "applicant" }, applicantId)).rejects.toThrow(/forbidden/);
    await expect(personalData({ id: applicantId, role: "applicant" }, applicantId)).rejects.toThrow(/forbidden/);
    await expect(personalData(null, applicantId)).rejects.toThrow(/forbidden/);
    expect(await reads(applicantId)).toHaveLength(3);
  });

  it("answers null for an unknown or malformed id without a log row", async () => {
    expect(await personalData({ id: adminId, role: "admin" }, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await personalData({ id: adminId, role: "admin" }, "not-an-id")).toBeNull();
    expect(await reads("00000000-0000-4000-8000-000000000000")).toHaveLength(0);
  });
});
