CREATE TABLE "mail_templates" (
	"kind" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_templates_kind_check" CHECK (kind in ('team_invite', 'assessment_link', 'interview_scheduled', 'interview_rescheduled', 'interview_cancelled', 'scorecard_reminder', 'report_ready', 'rejection_feedback'))
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_status_check" CHECK (status in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "outbox_messages_kind_check" CHECK (kind in ('team_invite', 'assessment_link', 'interview_scheduled', 'interview_rescheduled', 'interview_cancelled', 'scorecard_reminder', 'report_ready', 'rejection_feedback'))
);
--> statement-breakpoint
CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages" USING btree ("created_at","id");