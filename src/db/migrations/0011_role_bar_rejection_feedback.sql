CREATE TABLE "application_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_feedback_status_check" CHECK (status in ('draft', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "bar" double precision DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "application_feedback" ADD CONSTRAINT "application_feedback_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_feedback" ADD CONSTRAINT "application_feedback_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_feedback" ADD CONSTRAINT "application_feedback_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_feedback_application_key" ON "application_feedback" USING btree ("application_id");--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_bar_check" CHECK (bar between 1 and 4);