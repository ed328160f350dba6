import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { awardKindEnum } from "./enums";
import { districts } from "./reference";
import { users } from "./users";

export type Localised = { kk: string; ru: string; en: string };

/** Eligibility rules of a programme: data, evaluated by lib/domain. */
export type EligibilityRules = {
  minAge: number;
  maxAge: number;
  /** Applicants below this age need a legal representative's consent. */
  guardianConsentBelow?: number;
  excludePastWinners: boolean;
  individualsOnly?: boolean;
  requiresTrainingCertificate?: boolean;
};

export type FormField = {
  key: string;
  type: "text" | "textarea" | "number" | "integer" | "select" | "budget" | "forecast" | "monthly_plan" | "money";
  label: Localised;
  hint?: Localised;
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** For select: the programme's directions or nominations. */
  optionsFrom?: "directions";
};
export type FormSection = { key: string; title: Localised; fields: FormField[] };
export type Direction = { code: string; name: Localised };
export type TieBreakKey = "normalised_score" | "raw_score" | "jobs_created" | "submitted_at";

export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    nameKk: text("name_kk").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionKk: text("description_kk").notNull().default(""),
    descriptionRu: text("description_ru").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    eligibility: jsonb("eligibility").$type<EligibilityRules>().notNull(),
    formSections: jsonb("form_sections").$type<FormSection[]>().notNull(),
    awardKind: awardKindEnum("award_kind").notNull(),
    awardAmount: bigint("award_amount", { mode: "number" }),
    awardMrpMultiple: integer("award_mrp_multiple"),
    /** Directions (Тәуелсіздік ұрпақтары) or nominations (Заңғар). */
    directions: jsonb("directions").$type<Direction[]>().notNull().default([]),
    tieBreak: jsonb("tie_break").$type<TieBreakKey[]>().notNull(),
    /** The weighted total is expressed out of this many points (10 for Тәуелсіздік ұрпақтары). */
    scoreOutOf: integer("score_out_of").notNull().default(100),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("programmes_code_uq").on(t.code),
    check(
      "programmes_award_kind_fields",
      sql`(${t.awardKind} = 'fixed' AND ${t.awardAmount} > 0) OR (${t.awardKind} = 'mrp' AND ${t.awardMrpMultiple} > 0)`,
    ),
    check("programmes_score_out_of_positive", sql`${t.scoreOutOf} > 0`),
  ],
);

/** Criteria of a programme's rubric: a scale and a weight each. */
export const rubricCriteria = pgTable(
  "rubric_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameKk: text("name_kk").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionKk: text("description_kk").notNull().default(""),
    descriptionRu: text("description_ru").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    scaleMin: smallint("scale_min").notNull().default(0),
    scaleMax: smallint("scale_max").notNull(),
    /** Relative weight; the weighted total is normalised by the sum of weights. */
    weight: numeric("weight", { precision: 8, scale: 3, mode: "number" }).notNull(),
    sortOrder: smallint("sort_order").notNull().default(0),
  },
  (t) => [
    uniqueIndex("rubric_criteria_programme_code_uq").on(t.programmeId, t.code),
    check("rubric_criteria_scale", sql`${t.scaleMax} > ${t.scaleMin}`),
    check("rubric_criteria_weight_positive", sql`${t.weight} > 0`),
  ],
);

export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    year: integer("year").notNull(),
    titleKk: text("title_kk").notNull(),
    titleRu: text("title_ru").notNull(),
    titleEn: text("title_en").notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    reviewDeadline: timestamp("review_deadline", { withTimezone: true }).notNull(),
    budgetCap: bigint("budget_cap", { mode: "number" }).notNull(),
    awardedTotal: bigint("awarded_total", { mode: "number" }).notNull().default(0),
    awardAmount: bigint("award_amount", { mode: "number" }).notNull(),
    /** Minimum weighted score (in the programme's points) to be funded. */
    minScore: numeric("min_score", { precision: 8, scale: 3, mode: "number" }).notNull().default(0),
    reviewersPerApplication: smallint("reviewers_per_application").notNull().default(3),
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("calls_programme_idx").on(t.programmeId, t.year),
    index("calls_closes_at_idx").on(t.closesAt),
    index("calls_created_by_idx").on(t.createdBy),
    check("calls_budget_not_overspent", sql`${t.awardedTotal} >= 0 AND ${t.awardedTotal} <= ${t.budgetCap}`),
    check("calls_award_amount_positive", sql`${t.awardAmount} > 0`),
    check("calls_dates_ordered", sql`${t.opensAt} < ${t.closesAt} AND ${t.closesAt} <= ${t.reviewDeadline}`),
    check("calls_reviewers_per_application", sql`${t.reviewersPerApplication} BETWEEN 1 AND 15`),
  ],
);

/** Per call and district: an optional ceiling (at most N grants) and reserved minimum (funded first, up to N). */
export const callDistricts = pgTable(
  "call_districts",
  {
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    districtCode: text("district_code")
      .notNull()
      .references(() => districts.code),
    ceiling: integer("ceiling"),
    reservedMinimum: integer("reserved_minimum"),
    awardedCount: integer("awarded_count").notNull().default(0),
    awardedTotal: bigint("awarded_total", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.districtCode] }),
    index("call_districts_district_idx").on(t.districtCode),
    check("call_districts_ceiling_respected", sql`${t.awardedCount} >= 0 AND (${t.ceiling} IS NULL OR ${t.awardedCount} <= ${t.ceiling})`),
    check("call_districts_reserved_within_ceiling", sql`${t.reservedMinimum} IS NULL OR ${t.ceiling} IS NULL OR ${t.reservedMinimum} <= ${t.ceiling}`),
    check("call_districts_nonnegative", sql`(${t.ceiling} IS NULL OR ${t.ceiling} >= 0) AND (${t.reservedMinimum} IS NULL OR ${t.reservedMinimum} >= 0) AND ${t.awardedTotal} >= 0`),
  ],
);

/** Winners of earlier years (imported), used by eligibility where a programme excludes them. */
export const pastWinners = pgTable(
  "past_winners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    year: integer("year").notNull(),
    iin: char("iin", { length: 12 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("past_winners_programme_year_iin_uq").on(t.programmeId, t.year, t.iin),
    index("past_winners_iin_idx").on(t.iin),
  ],
);
