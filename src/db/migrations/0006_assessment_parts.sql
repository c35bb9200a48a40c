CREATE TABLE "assessment_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"pack_id" text NOT NULL,
	"time_limit_minutes" integer NOT NULL,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "assessment_parts_position_check" CHECK (position between 1 and 4),
	CONSTRAINT "assessment_parts_time_limit_check" CHECK (time_limit_minutes between 10 and 1440)
);
--> statement-breakpoint
DROP INDEX "assessment_submissions_version_key";--> statement-breakpoint
ALTER TABLE "assessment_submissions" ADD COLUMN "part_id" uuid;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "timing" text DEFAULT 'shared' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_parts" ADD CONSTRAINT "assessment_parts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_parts_position_key" ON "assessment_parts" USING btree ("assessment_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_parts_pack_key" ON "assessment_parts" USING btree ("assessment_id","pack_id");--> statement-breakpoint
ALTER TABLE "assessment_submissions" ADD CONSTRAINT "assessment_submissions_part_id_assessment_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."assessment_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_submissions_part_version_key" ON "assessment_submissions" USING btree ("part_id","version");--> statement-breakpoint
-- Hand-written data step: every existing assessment becomes one part (its pack, its clock), and
-- its submissions belong to that part, before pack_id is dropped and part_id becomes required.
INSERT INTO "assessment_parts" ("assessment_id", "position", "pack_id", "time_limit_minutes", "started_at", "submitted_at")
SELECT a."id", 1, a."pack_id", a."time_limit_minutes", a."started_at",
  (SELECT min(s."submitted_at") FROM "assessment_submissions" s WHERE s."assessment_id" = a."id")
FROM "assessments" a;--> statement-breakpoint
UPDATE "assessment_submissions" s SET "part_id" = p."id" FROM "assessment_parts" p WHERE p."assessment_id" = s."assessment_id";--> statement-breakpoint
ALTER TABLE "assessment_submissions" ALTER COLUMN "part_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" DROP COLUMN "pack_id";--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_timing_check" CHECK (timing in ('shared', 'per-part'));