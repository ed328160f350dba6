/**
 * Small builders for integration tests: an applicant, a call of a seeded programme, an application.
 * They write through the given handle (the app role's pool or a transaction) and return ids.
 */
import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { applications, callDistricts, calls, programmes, users } from "@/db/schema";
import { DISTRICT_CODES, type DistrictCode } from "@/lib/domain/districts";
import { makeIin } from "@/lib/domain/iin";
import { shiftDate } from "./util";

// A random start: processes on one database (benchmark runs, one after another) mostly draw different IINs.
let counter = randomInt(0, 597_000);

/**
 * An applicant with a valid, unique IIN (serials 8000+ stay clear of demo and benchmark data). The IINs
 * follow a counter, so another process (an earlier benchmark run on the same database) may have taken
 * one already: such an IIN is skipped (ON CONFLICT DO NOTHING, which also works inside a transaction).
 */
export async function makeApplicant(db: DbOrTx, opts: { district?: DistrictCode; birthDate?: string } = {}): Promise<string> {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const n = ++counter;
    const id = randomUUID();
    const birthDate = opts.birthDate ?? shiftDate("2001-01-01", n % 3_000);
    const inserted = await db
      .insert(users)
      .values({
        id,
        email: `fixture-${id}@test.jasgrant.demo`,
        role: "applicant",
        surname: "Тестов",
        givenName: "Тест",
        iin: makeIin(birthDate, n % 2 ? "male" : "female", 8_000 + (n % 199) * 10),
        birthDate,
        districtCode: opts.district ?? "ili",
        language: "kk",
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (inserted.length) return id;
  }
  throw new Error("makeApplicant: no free IIN after 1,000 tries");
}

export async function makeUser(db: DbOrTx, role: "admin" | "reviewer"): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({ id, email: `fixture-${id}@test.jasgrant.demo`, role, surname: "Тестов", givenName: role });
  return id;
}

export type CallFixture = {
  programmeCode?: string;
  opensAt?: Date;
  closesAt?: Date;
  reviewDeadline?: Date;
  budgetCap?: number;
  awardAmount?: number;
  /** Per district: ceiling / reserved minimum (other districts get a row with neither). */
  districts?: Partial<Record<DistrictCode, { ceiling?: number | null; reservedMinimum?: number | null }>>;
};

/** A call (default: Бизнес бастау, open from 10 days ago to 30 days ahead, 10 grants of 1.5 M ₸). */
export async function makeCall(db: DbOrTx, o: CallFixture = {}): Promise<string> {
  const [p] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.code, o.programmeCode ?? "biznes_bastau"));
  if (!p) throw new Error("makeCall needs the reference data (seed({ demo: false }) first)");
  const id = randomUUID();
  const t = Date.now();
  const opensAt = o.opensAt ?? new Date(t - 10 * 86_400_000);
  const closesAt = o.closesAt ?? new Date(t + 30 * 86_400_000);
  const awardAmount = o.awardAmount ?? 1_500_000;
  await db.insert(calls).values({
    id,
    programmeId: p.id,
    year: closesAt.getUTCFullYear(),
    titleKk: "Сынақ конкурсы",
    titleRu: "Тестовый конкурс",
    titleEn: "Test call",
    opensAt,
    closesAt,
    reviewDeadline: o.reviewDeadline ?? new Date(closesAt.getTime() + 30 * 86_400_000),
    budgetCap: o.budgetCap ?? 10 * awardAmount,
    awardAmount,
  });
  await db.insert(callDistricts).values(
    DISTRICT_CODES.map((districtCode) => ({
      callId: id,
      districtCode,
      ceiling: o.districts?.[districtCode]?.ceiling ?? null,
      reservedMinimum: o.districts?.[districtCode]?.reservedMinimum ?? null,
    })),
  );
  return id;
}

export async function makeApplication(
  db: DbOrTx,
  o: { callId: string; applicantId: string; status?: (typeof applications.$inferInsert)["status"]; districtCode?: DistrictCode },
): Promise<string> {
  const id = randomUUID();
  await db.insert(applications).values({
    id,
    callId: o.callId,
    applicantId: o.applicantId,
    status: o.status ?? "draft",
    districtCode: o.districtCode ?? "ili",
    title: "Сынақ өтінімі",
    data: { idea: { idea: "Сынақ" } },
  });
  return id;
}
