CREATE TABLE "scorecard_rating_cells" (
	"application_id" uuid NOT NULL,
	"competency" text NOT NULL,
	"n" integer NOT NULL,
	"total" double precision NOT NULL,
	"squares" double precision NOT NULL,
	"low" double precision NOT NULL,
	"high" double precision NOT NULL,
	CONSTRAINT "scorecard_rating_cells_application_id_competency_pk" PRIMARY KEY("application_id","competency")
);
--> statement-breakpoint
CREATE TABLE "scorecard_ratings" (
	"scorecard_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"interviewer_id" uuid NOT NULL,
	"competency" text NOT NULL,
	"rating" double precision NOT NULL,
	"explicit" boolean NOT NULL,
	CONSTRAINT "scorecard_ratings_scorecard_id_competency_pk" PRIMARY KEY("scorecard_id","competency")
);
--> statement-breakpoint
ALTER TABLE "scorecard_rating_cells" ADD CONSTRAINT "scorecard_rating_cells_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scorecard_ratings_application_idx" ON "scorecard_ratings" USING btree ("application_id","competency");--> statement-breakpoint
-- Per application and competency: each rater once (the mean of their current cards), summed.
CREATE FUNCTION "refresh_scorecard_rating_cells"(application_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM scorecard_rating_cells WHERE application_id = ANY (application_ids);
  INSERT INTO scorecard_rating_cells (application_id, competency, n, total, squares, low, high)
  SELECT application_id, competency, count(*), sum(rating), sum(rating * rating), min(rating),
    max(rating)
  FROM (
    SELECT application_id, competency, interviewer_id, avg(rating) AS rating
    FROM scorecard_ratings WHERE application_id = ANY (application_ids)
    GROUP BY application_id, competency, interviewer_id
  ) per_rater
  GROUP BY application_id, competency;
END $$;
--> statement-breakpoint
-- The rows of some scorecards, recomputed from the cards themselves: every explicit competency
-- rating, and for the competencies rated only through questions, the mean of those numeric
-- ratings. Only a current submitted card has rows. Set-based, so a bulk load (whose triggers are
-- off) fills the table in one call.
CREATE FUNCTION "refresh_scorecard_ratings"(card_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM scorecard_ratings WHERE scorecard_id = ANY (card_ids);
  INSERT INTO scorecard_ratings
    (scorecard_id, application_id, stage_id, interviewer_id, competency, rating, explicit)
  SELECT s.id, s.application_id, s.stage_id, s.interviewer_id, m.competency, m.rating, m.explicit
  FROM scorecards s
  CROSS JOIN LATERAL (
    SELECT coalesce(e.competency, q.competency) AS competency,
      coalesce(e.rating, q.rating) AS rating, e.rating IS NOT NULL AS explicit
    FROM (
      SELECT r.key AS competency, (r.value #>> '{}')::float8 AS rating
      FROM jsonb_each(s.competency_ratings) r
      WHERE jsonb_typeof(r.value) = 'number'
    ) e
    FULL JOIN (
      SELECT comp AS competency, avg((ans ->> 'rating')::float8) AS rating
      FROM jsonb_array_elements(s.answers) ans
      JOIN question_versions qv ON qv.id = CASE
        WHEN ans ->> 'questionVersionId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        THEN (ans ->> 'questionVersionId')::uuid END
      CROSS JOIN LATERAL jsonb_array_elements_text(qv.competencies) comp
      WHERE jsonb_typeof(ans -> 'rating') = 'number'
      GROUP BY comp
    ) q ON q.competency = e.competency
  ) m
  WHERE s.id = ANY (card_ids) AND s.status = 'submitted' AND s.superseded_at IS NULL;
  PERFORM refresh_scorecard_rating_cells(ARRAY(
    SELECT DISTINCT application_id FROM scorecards WHERE id = ANY (card_ids)));
END $$;
--> statement-breakpoint
CREATE FUNCTION "scorecard_ratings_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A card deleted with its application (a cascade) leaves nothing to recompute.
    PERFORM refresh_scorecard_rating_cells(ARRAY(
      SELECT id FROM applications WHERE id = OLD.application_id));
  ELSE
    PERFORM refresh_scorecard_ratings(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "scorecard_ratings_follow" AFTER INSERT OR DELETE OR UPDATE OF
  "status", "superseded_at", "answers", "competency_ratings", "stage_id", "interviewer_id"
  ON "scorecards" FOR EACH ROW EXECUTE FUNCTION scorecard_ratings_follow();
--> statement-breakpoint
SELECT refresh_scorecard_ratings(ARRAY(SELECT id FROM scorecards
  WHERE status = 'submitted' AND superseded_at IS NULL));
