CREATE TABLE "similarity_matches" (
	"submission_id" uuid NOT NULL,
	"matched_submission_id" uuid NOT NULL,
	"matched_assessment_id" uuid NOT NULL,
	"shared_count" integer NOT NULL,
	"similarity" double precision NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "similarity_matches_submission_id_matched_submission_id_pk" PRIMARY KEY("submission_id","matched_submission_id"),
	CONSTRAINT "similarity_matches_similarity_check" CHECK (similarity between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "submission_fingerprint_sets" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"fingerprint_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_fingerprints" (
	"submission_id" uuid NOT NULL,
	"pack_id" text NOT NULL,
	"hash" bigint NOT NULL,
	"path" text NOT NULL,
	"start_line" integer NOT NULL,
	"end_line" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "similarity_matches" ADD CONSTRAINT "similarity_matches_submission_id_submission_fingerprint_sets_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission_fingerprint_sets"("submission_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_matches" ADD CONSTRAINT "similarity_matches_matched_submission_id_submission_fingerprint_sets_submission_id_fk" FOREIGN KEY ("matched_submission_id") REFERENCES "public"."submission_fingerprint_sets"("submission_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_fingerprint_sets" ADD CONSTRAINT "submission_fingerprint_sets_submission_id_assessment_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."assessment_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_fingerprint_sets" ADD CONSTRAINT "submission_fingerprint_sets_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_fingerprint_sets" ADD CONSTRAINT "submission_fingerprint_sets_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_fingerprints" ADD CONSTRAINT "submission_fingerprints_submission_id_submission_fingerprint_sets_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission_fingerprint_sets"("submission_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "similarity_matches_matched_idx" ON "similarity_matches" USING btree ("matched_submission_id");--> statement-breakpoint
CREATE INDEX "submission_fingerprint_sets_pack_idx" ON "submission_fingerprint_sets" USING btree ("pack_id","algorithm");--> statement-breakpoint
CREATE INDEX "submission_fingerprints_pack_hash_idx" ON "submission_fingerprints" USING btree ("pack_id","hash");--> statement-breakpoint
CREATE INDEX "submission_fingerprints_submission_idx" ON "submission_fingerprints" USING btree ("submission_id");