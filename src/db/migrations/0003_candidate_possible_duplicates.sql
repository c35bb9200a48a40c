DROP INDEX "candidates_email_key";--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "possible_duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_possible_duplicate_of_candidates_id_fk" FOREIGN KEY ("possible_duplicate_of") REFERENCES "public"."candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidates_possible_duplicate_idx" ON "candidates" USING btree ("possible_duplicate_of");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_email_key" ON "candidates" USING btree ("email") WHERE possible_duplicate_of is null;