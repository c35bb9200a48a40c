ALTER TABLE "roles" ADD COLUMN "bar" double precision DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_bar_check" CHECK (bar between 1 and 4);