ALTER TABLE "reviews" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "reopened_by" uuid;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviews_reopened_by_idx" ON "reviews" USING btree ("reopened_by");