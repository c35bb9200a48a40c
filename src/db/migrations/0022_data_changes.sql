CREATE TABLE "data_change_base" (
	"id" integer PRIMARY KEY NOT NULL,
	"compacted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_change_base_one_row" CHECK ("data_change_base"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "data_changes" (
	"id" bigserial PRIMARY KEY NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_change_base" ("id", "compacted") VALUES (1, 0);
--> statement-breakpoint
-- One row per writing statement on a table that pages read (see src/db/schema/changes.ts). A
-- statement-level trigger fires once however many rows the statement touched, and appending
-- takes no lock another writer waits on. Left out: sessions, API tokens, the audit log, jobs, the
-- outbox and candidates' access events, which change on reads and which no cached page shows.
CREATE FUNCTION "note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes DEFAULT VALUES;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'invites', 'stored_files', 'design_reviews',
    'analytics_interviewer_clusters', 'analytics_reliability_units', 'analytics_question_items',
    'assessments', 'assessment_parts', 'assessment_submissions', 'assessment_counting_choices',
    'gradings', 'resumes', 'resume_screens', 'role_screening_settings', 'intake_batches',
    'intake_files', 'questions', 'question_versions', 'roles', 'role_team_members', 'role_stages',
    'candidates', 'applications', 'application_stage_events', 'interviews', 'scorecards',
    'scorecard_ratings', 'scorecard_rating_cells', 'decisions', 'submission_fingerprint_sets',
    'submission_fingerprints', 'similarity_matches', 'mail_templates', 'organisation_settings',
    'candidate_consents', 'application_feedback', 'self_identifications'] LOOP
    EXECUTE format('CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t);
  END LOOP;
END $$;
