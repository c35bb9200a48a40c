CREATE TABLE "design_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"revision" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"summary" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "design_reviews_status_check" CHECK (status in ('draft', 'submitted')),
	CONSTRAINT "design_reviews_submitted_check" CHECK ((status = 'submitted') = (submitted_at is not null))
);
--> statement-breakpoint
ALTER TABLE "design_reviews" ADD CONSTRAINT "design_reviews_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_reviews" ADD CONSTRAINT "design_reviews_part_id_assessment_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."assessment_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_reviews" ADD CONSTRAINT "design_reviews_submission_id_assessment_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."assessment_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_reviews" ADD CONSTRAINT "design_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_reviews" ADD CONSTRAINT "design_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "design_reviews_part_reviewer_key" ON "design_reviews" USING btree ("part_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "design_reviews_assessment_idx" ON "design_reviews" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "design_reviews_application_idx" ON "design_reviews" USING btree ("application_id","status");