CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "mail_templates" DROP CONSTRAINT "mail_templates_kind_check";--> statement-breakpoint
ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_kind_check";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "duration_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "meeting_url" text;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "reminders_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "calendar_method" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "calendar_ics" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_duration_check" CHECK (duration_minutes between 5 and 480);--> statement-breakpoint
ALTER TABLE "mail_templates" ADD CONSTRAINT "mail_templates_kind_check" CHECK (kind in ('team_invite', 'assessment_link', 'interview_scheduled', 'interview_rescheduled', 'interview_cancelled', 'scorecard_reminder', 'report_ready', 'rejection_feedback', 'assessment_reminder'));--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_kind_check" CHECK (kind in ('team_invite', 'assessment_link', 'interview_scheduled', 'interview_rescheduled', 'interview_cancelled', 'scorecard_reminder', 'report_ready', 'rejection_feedback', 'assessment_reminder'));--> statement-breakpoint
-- Interviews from before this column last as long as their stage plans.
UPDATE "interviews" SET "duration_minutes" = least(greatest(s."duration_minutes", 5), 480) FROM "role_stages" s WHERE s."id" = "interviews"."stage_id";