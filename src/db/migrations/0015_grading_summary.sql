-- What the shortlist needs of a grading report, kept beside it: the status, the integrity verdict and
-- each group's id, passed, total and weight, as they are in the report (no casts, so no report can
-- fail to be written because of this column). A stored generated column, so every writer keeps it.
CREATE FUNCTION "grading_summary"(report jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN report IS NULL THEN NULL ELSE jsonb_build_object(
    'status', report->>'status',
    'verdict', report->'integrity'->>'verdict',
    'groups', coalesce((SELECT jsonb_agg(jsonb_build_object('id', x->'id', 'passed', x->'passed',
        'total', x->'total', 'weight', x->'weight'))
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(report->'groups') = 'array'
        THEN report->'groups' ELSE '[]'::jsonb END) x), '[]'::jsonb)) END
$$;--> statement-breakpoint
ALTER TABLE "gradings" ADD COLUMN "summary" jsonb GENERATED ALWAYS AS (grading_summary(report)) STORED;
