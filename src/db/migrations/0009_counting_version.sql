CREATE TABLE "assessment_counting_choices" (
	"part_id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"chosen_by" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_counting_choices" ADD CONSTRAINT "assessment_counting_choices_part_id_assessment_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."assessment_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_counting_choices" ADD CONSTRAINT "assessment_counting_choices_submission_id_assessment_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."assessment_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_counting_choices" ADD CONSTRAINT "assessment_counting_choices_chosen_by_users_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;