CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn', 'ineligible', 'in_review', 'reviewed', 'awarded', 'waitlisted', 'not_awarded', 'award_revoked');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('assigned', 'declined', 'removed');--> statement-breakpoint
CREATE TYPE "public"."attempt_kind" AS ENUM('sign_in', 'reset', 'verify');--> statement-breakpoint
CREATE TYPE "public"."award_kind" AS ENUM('fixed', 'mrp');--> statement-breakpoint
CREATE TYPE "public"."award_status" AS ENUM('active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."conflict_kind" AS ENUM('relative', 'colleague', 'same_organisation', 'other', 'same_surname_district', 'shared_email_domain', 'applied_same_call');--> statement-breakpoint
CREATE TYPE "public"."conflict_source" AS ENUM('declared', 'flagged');--> statement-breakpoint
CREATE TYPE "public"."conflict_status" AS ENUM('pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."consent_kind" AS ENUM('personal_data', 'guardian');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('kk', 'ru', 'en');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('applicant', 'reviewer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('verify_email', 'reset_password', 'set_password');--> statement-breakpoint
CREATE TABLE "districts" (
	"code" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"rural" boolean NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mrp_rates" (
	"year" integer PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "mrp_rates_amount_positive" CHECK ("mrp_rates"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "auth_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "attempt_kind" NOT NULL,
	"key_hash" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"text_version" text NOT NULL,
	"language" "language" NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"guardian_name" text,
	"guardian_iin" char(12),
	"guardian_relation" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_guardian_fields" CHECK ("consents"."kind" <> 'guardian' OR ("consents"."guardian_name" IS NOT NULL AND "consents"."guardian_iin" IS NOT NULL AND "consents"."guardian_relation" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"role" "role" DEFAULT 'applicant' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"email_verified_at" timestamp with time zone,
	"surname" text NOT NULL,
	"given_name" text NOT NULL,
	"patronymic" text,
	"iin" char(12),
	"birth_date" date,
	"sex" "sex",
	"phone" text,
	"district_code" text,
	"language" "language" DEFAULT 'kk' NOT NULL,
	"organisation" text,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_iin_format" CHECK ("users"."iin" IS NULL OR "users"."iin" ~ '^[0-9]{12}$'),
	CONSTRAINT "users_phone_format" CHECK ("users"."phone" IS NULL OR "users"."phone" ~ '^\+7[0-9]{10}$'),
	CONSTRAINT "users_applicant_fields" CHECK ("users"."role" <> 'applicant' OR "users"."anonymised_at" IS NOT NULL OR ("users"."iin" IS NOT NULL AND "users"."birth_date" IS NOT NULL AND "users"."district_code" IS NOT NULL)),
	CONSTRAINT "users_session_version_positive" CHECK ("users"."session_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "call_districts" (
	"call_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"ceiling" integer,
	"reserved_minimum" integer,
	"awarded_count" integer DEFAULT 0 NOT NULL,
	"awarded_total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "call_districts_call_id_district_code_pk" PRIMARY KEY("call_id","district_code"),
	CONSTRAINT "call_districts_ceiling_respected" CHECK ("call_districts"."awarded_count" >= 0 AND ("call_districts"."ceiling" IS NULL OR "call_districts"."awarded_count" <= "call_districts"."ceiling")),
	CONSTRAINT "call_districts_reserved_within_ceiling" CHECK ("call_districts"."reserved_minimum" IS NULL OR "call_districts"."ceiling" IS NULL OR "call_districts"."reserved_minimum" <= "call_districts"."ceiling"),
	CONSTRAINT "call_districts_nonnegative" CHECK (("call_districts"."ceiling" IS NULL OR "call_districts"."ceiling" >= 0) AND ("call_districts"."reserved_minimum" IS NULL OR "call_districts"."reserved_minimum" >= 0) AND "call_districts"."awarded_total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title_kk" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"review_deadline" timestamp with time zone NOT NULL,
	"budget_cap" bigint NOT NULL,
	"awarded_total" bigint DEFAULT 0 NOT NULL,
	"award_amount" bigint NOT NULL,
	"min_score" numeric(8, 3) DEFAULT 0 NOT NULL,
	"reviewers_per_application" smallint DEFAULT 3 NOT NULL,
	"results_published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_budget_not_overspent" CHECK ("calls"."awarded_total" >= 0 AND "calls"."awarded_total" <= "calls"."budget_cap"),
	CONSTRAINT "calls_award_amount_positive" CHECK ("calls"."award_amount" > 0),
	CONSTRAINT "calls_dates_ordered" CHECK ("calls"."opens_at" < "calls"."closes_at" AND "calls"."closes_at" <= "calls"."review_deadline"),
	CONSTRAINT "calls_reviewers_per_application" CHECK ("calls"."reviewers_per_application" BETWEEN 1 AND 15)
);
--> statement-breakpoint
CREATE TABLE "past_winners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"iin" char(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"description_kk" text DEFAULT '' NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"eligibility" jsonb NOT NULL,
	"form_sections" jsonb NOT NULL,
	"award_kind" "award_kind" NOT NULL,
	"award_amount" bigint,
	"award_mrp_multiple" integer,
	"directions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tie_break" jsonb NOT NULL,
	"score_out_of" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_award_kind_fields" CHECK (("programmes"."award_kind" = 'fixed' AND "programmes"."award_amount" > 0) OR ("programmes"."award_kind" = 'mrp' AND "programmes"."award_mrp_multiple" > 0)),
	CONSTRAINT "programmes_score_out_of_positive" CHECK ("programmes"."score_out_of" > 0)
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"description_kk" text DEFAULT '' NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"scale_min" smallint DEFAULT 0 NOT NULL,
	"scale_max" smallint NOT NULL,
	"weight" numeric(8, 3) NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "rubric_criteria_scale" CHECK ("rubric_criteria"."scale_max" > "rubric_criteria"."scale_min"),
	CONSTRAINT "rubric_criteria_weight_positive" CHECK ("rubric_criteria"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "application_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"data" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"district_code" text NOT NULL,
	"direction" text,
	"title" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"jobs_created" integer,
	"requested_amount" bigint,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"screening_reason" text,
	"screened_at" timestamp with time zone,
	"screened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_version_positive" CHECK ("applications"."version" >= 1),
	CONSTRAINT "applications_jobs_nonnegative" CHECK ("applications"."jobs_created" IS NULL OR "applications"."jobs_created" >= 0)
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size_positive" CHECK ("attachments"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"key" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revision_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"revision_id" uuid NOT NULL,
	"cms" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"source" "conflict_source" NOT NULL,
	"kind" "conflict_kind" NOT NULL,
	"note" text,
	"status" "conflict_status" NOT NULL,
	"decided_by" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"status" "assignment_status" DEFAULT 'assigned' NOT NULL,
	"decline_reason" text,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "review_scores_review_id_criterion_id_pk" PRIMARY KEY("review_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"total" numeric(10, 4),
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_submitted_has_total" CHECK ("reviews"."status" <> 'submitted' OR ("reviews"."total" IS NOT NULL AND "reviews"."submitted_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" "award_status" DEFAULT 'active' NOT NULL,
	"idempotency_key" text,
	"awarded_by" uuid NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	CONSTRAINT "awards_amount_positive" CHECK ("awards"."amount" > 0),
	CONSTRAINT "awards_revocation_fields" CHECK ("awards"."status" = 'active' OR ("awards"."revoked_at" IS NOT NULL AND "awards"."revoke_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"changed_fields" text[] DEFAULT '{}' NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"to_email" text NOT NULL,
	"language" "language" NOT NULL,
	"template" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_districts" ADD CONSTRAINT "call_districts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_districts" ADD CONSTRAINT "call_districts_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_winners" ADD CONSTRAINT "past_winners_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_revisions" ADD CONSTRAINT "application_revisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_storage_key_file_blobs_key_fk" FOREIGN KEY ("storage_key") REFERENCES "public"."file_blobs"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_signatures" ADD CONSTRAINT "revision_signatures_revision_id_application_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."application_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_rubric_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rubric_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_awarded_by_users_id_fk" FOREIGN KEY ("awarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_attempts_key_idx" ON "auth_attempts" USING btree ("kind","key_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_tokens_hash_uq" ON "auth_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_iin_uq" ON "users" USING btree ("iin");--> statement-breakpoint
CREATE INDEX "users_role_active_idx" ON "users" USING btree ("role","active");--> statement-breakpoint
CREATE INDEX "users_district_idx" ON "users" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "users_surname_idx" ON "users" USING btree (lower("surname"));--> statement-breakpoint
CREATE INDEX "call_districts_district_idx" ON "call_districts" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "calls_programme_idx" ON "calls" USING btree ("programme_id","year");--> statement-breakpoint
CREATE INDEX "calls_closes_at_idx" ON "calls" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "calls_created_by_idx" ON "calls" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "past_winners_programme_year_iin_uq" ON "past_winners" USING btree ("programme_id","year","iin");--> statement-breakpoint
CREATE INDEX "past_winners_iin_idx" ON "past_winners" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_uq" ON "programmes" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_criteria_programme_code_uq" ON "rubric_criteria" USING btree ("programme_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "application_revisions_app_rev_uq" ON "application_revisions" USING btree ("application_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_call_applicant_uq" ON "applications" USING btree ("call_id","applicant_id");--> statement-breakpoint
CREATE INDEX "applications_call_status_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "applications_district_idx" ON "applications" USING btree ("call_id","district_code");--> statement-breakpoint
CREATE INDEX "applications_submitted_at_idx" ON "applications" USING btree ("call_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_screened_by_idx" ON "applications" USING btree ("screened_by");--> statement-breakpoint
CREATE INDEX "applications_district_code_idx" ON "applications" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "attachments_application_idx" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "attachments_storage_key_idx" ON "attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "attachments_uploaded_by_idx" ON "attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "revision_signatures_revision_idx" ON "revision_signatures" USING btree ("revision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conflicts_app_reviewer_source_kind_uq" ON "conflicts" USING btree ("application_id","reviewer_id","source","kind");--> statement-breakpoint
CREATE INDEX "conflicts_reviewer_idx" ON "conflicts" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "conflicts_call_idx" ON "conflicts" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "conflicts_decided_by_idx" ON "conflicts" USING btree ("decided_by");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_app_reviewer_uq" ON "review_assignments" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_call_idx" ON "review_assignments" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_assigned_by_idx" ON "review_assignments" USING btree ("assigned_by");--> statement-breakpoint
CREATE INDEX "review_scores_criterion_idx" ON "review_scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_assignment_uq" ON "reviews" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "reviews_application_idx" ON "reviews" USING btree ("application_id","status");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_one_active_per_application" ON "awards" USING btree ("application_id") WHERE "awards"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "awards_idempotency_key_uq" ON "awards" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "awards_call_idx" ON "awards" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "awards_district_idx" ON "awards" USING btree ("call_id","district_code");--> statement-breakpoint
CREATE INDEX "awards_district_code_idx" ON "awards" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "awards_awarded_by_idx" ON "awards" USING btree ("awarded_by");--> statement-breakpoint
CREATE INDEX "awards_revoked_by_idx" ON "awards" USING btree ("revoked_by");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_delivery_key_idx" ON "outbox" USING btree ("delivery_key");--> statement-breakpoint
CREATE INDEX "outbox_user_idx" ON "outbox" USING btree ("user_id");