CREATE TABLE "self_identifications" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"sex" text,
	"race_ethnicity" text,
	"veteran_status" text,
	"disability" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_identifications_sex_check" CHECK (sex in ('female', 'male', 'another', 'prefer_not_to_say')),
	CONSTRAINT "self_identifications_race_check" CHECK (race_ethnicity in ('hispanic_or_latino', 'white', 'black_or_african_american', 'asian', 'native_hawaiian_or_pacific_islander', 'american_indian_or_alaska_native', 'two_or_more', 'prefer_not_to_say')),
	CONSTRAINT "self_identifications_veteran_check" CHECK (veteran_status in ('protected_veteran', 'not_protected_veteran', 'prefer_not_to_say')),
	CONSTRAINT "self_identifications_disability_check" CHECK (disability in ('yes', 'no', 'prefer_not_to_say'))
);
--> statement-breakpoint
ALTER TABLE "self_identifications" ADD CONSTRAINT "self_identifications_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;