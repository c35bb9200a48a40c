CREATE TABLE "analytics_interviewer_clusters" (
	"application_id" uuid NOT NULL,
	"interviewer_id" uuid NOT NULL,
	"cards" integer NOT NULL,
	"strong_no" integer NOT NULL,
	"no" integer NOT NULL,
	"yes" integer NOT NULL,
	"strong_yes" integer NOT NULL,
	"comparisons" integer NOT NULL,
	"deviation_sum" double precision NOT NULL,
	CONSTRAINT "analytics_interviewer_clusters_pk" PRIMARY KEY("application_id","interviewer_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_question_items" (
	"application_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"question_version_id" text NOT NULL,
	"score" double precision NOT NULL,
	"rest" double precision,
	CONSTRAINT "analytics_question_items_pk" PRIMARY KEY("application_id","stage_id","question_version_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_reliability_units" (
	"application_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"level" text NOT NULL,
	"key" text NOT NULL,
	"v1" integer NOT NULL,
	"v2" integer NOT NULL,
	"v3" integer NOT NULL,
	"v4" integer NOT NULL,
	CONSTRAINT "analytics_reliability_units_pk" PRIMARY KEY("application_id","stage_id","level","key")
);
--> statement-breakpoint
ALTER TABLE "analytics_interviewer_clusters" ADD CONSTRAINT "analytics_interviewer_clusters_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_question_items" ADD CONSTRAINT "analytics_question_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_reliability_units" ADD CONSTRAINT "analytics_reliability_units_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The rollups of some applications, recomputed from their current submitted cards with the same
-- arithmetic the reports used to run over every card per request. Set-based, so a bulk load
-- (whose triggers are off) fills the tables in one call. The applications are locked first, so
-- two cards of one application submitted at once recompute one after the other, and the second
-- sees the first.
CREATE FUNCTION "refresh_analytics_rollups"(application_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_interviewer_clusters WHERE application_id = ANY (application_ids);
  DELETE FROM analytics_reliability_units WHERE application_id = ANY (application_ids);
  DELETE FROM analytics_question_items WHERE application_id = ANY (application_ids);
  -- A card deleted with its application (a cascade) leaves nothing to recompute.
  application_ids := ARRAY(SELECT id FROM applications WHERE id = ANY (application_ids)
    ORDER BY id FOR NO KEY UPDATE);

  -- Per interviewer and application: cards, recommendations, and the comparisons of each explicit
  -- competency rating with the other raters' mean (same stage and competency, panels of 2+).
  INSERT INTO analytics_interviewer_clusters (application_id, interviewer_id, cards, strong_no,
    no, yes, strong_yes, comparisons, deviation_sum)
  WITH cards AS (
    SELECT s.application_id, s.stage_id, s.interviewer_id, s.competency_ratings, s.recommendation
    FROM scorecards s
    WHERE s.application_id = ANY (application_ids)
      AND s.status = 'submitted' AND s.superseded_at IS NULL
  ),
  ratings AS (
    SELECT c.application_id, c.stage_id, c.interviewer_id, r.key AS competency,
      (r.value #>> '{}')::float8 AS rating
    FROM cards c CROSS JOIN LATERAL jsonb_each(c.competency_ratings) r
    WHERE jsonb_typeof(r.value) = 'number'
  ),
  panel AS (
    SELECT application_id, stage_id, competency, sum(rating) AS total, count(*) AS raters
    FROM ratings GROUP BY application_id, stage_id, competency HAVING count(*) > 1
  ),
  clusters AS (
    SELECT r.application_id, r.interviewer_id, count(*) AS n_g,
      sum(r.rating - (p.total - r.rating) / (p.raters - 1)) AS s_g
    FROM ratings r JOIN panel p USING (application_id, stage_id, competency)
    GROUP BY r.application_id, r.interviewer_id
  ),
  recs AS (
    SELECT application_id, interviewer_id, count(*) AS cards,
      count(*) FILTER (WHERE recommendation = 'strong_no') AS strong_no,
      count(*) FILTER (WHERE recommendation = 'no') AS no,
      count(*) FILTER (WHERE recommendation = 'yes') AS yes,
      count(*) FILTER (WHERE recommendation = 'strong_yes') AS strong_yes
    FROM cards GROUP BY application_id, interviewer_id
  )
  SELECT recs.application_id, recs.interviewer_id, recs.cards, recs.strong_no, recs.no, recs.yes,
    recs.strong_yes, coalesce(cl.n_g, 0), coalesce(cl.s_g, 0)
  FROM recs LEFT JOIN clusters cl USING (application_id, interviewer_id);

  -- Reliability units with at least two values 1-4 (the others are not pairable): a candidate's
  -- explicit ratings at one stage on one competency, or their ratings on one question.
  INSERT INTO analytics_reliability_units (application_id, stage_id, level, key, v1, v2, v3, v4)
  SELECT application_id, stage_id, level, key,
    count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
    count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4)
  FROM (
    SELECT s.application_id, s.stage_id, 'competency' AS level, r.key,
      (r.value #>> '{}')::float8 AS rating
    FROM scorecards s CROSS JOIN LATERAL jsonb_each(s.competency_ratings) r
    WHERE s.application_id = ANY (application_ids)
      AND s.status = 'submitted' AND s.superseded_at IS NULL AND jsonb_typeof(r.value) = 'number'
    UNION ALL
    SELECT s.application_id, s.stage_id, 'question', q.value ->> 'questionId',
      (q.value ->> 'rating')::float8
    FROM scorecards s CROSS JOIN LATERAL jsonb_array_elements(s.answers) q
    WHERE s.application_id = ANY (application_ids)
      AND s.status = 'submitted' AND s.superseded_at IS NULL
      AND jsonb_typeof(q.value -> 'rating') = 'number' AND q.value ->> 'questionId' IS NOT NULL
  ) ratings
  GROUP BY application_id, stage_id, level, key
  HAVING count(*) FILTER (WHERE rating IN (1, 2, 3, 4)) >= 2;

  -- Per question version asked at a stage: its mean rating and the mean of the candidate's other
  -- question ratings at that stage (every numeric answer counts toward the rest).
  INSERT INTO analytics_question_items (application_id, stage_id, question_version_id, score, rest)
  WITH answers AS (
    SELECT s.application_id, s.stage_id, q.value ->> 'questionVersionId' AS version_id,
      (q.value ->> 'rating')::float8 AS rating
    FROM scorecards s CROSS JOIN LATERAL jsonb_array_elements(s.answers) q
    WHERE s.application_id = ANY (application_ids)
      AND s.status = 'submitted' AND s.superseded_at IS NULL
      AND jsonb_typeof(q.value -> 'rating') = 'number'
  ),
  items AS (
    SELECT application_id, stage_id, version_id, avg(rating) AS score, sum(rating) AS sr,
      count(*) AS nr
    FROM answers GROUP BY application_id, stage_id, version_id
  ),
  stage_totals AS (
    SELECT application_id, stage_id, sum(sr) AS st, sum(nr) AS nt
    FROM items GROUP BY application_id, stage_id
  )
  SELECT i.application_id, i.stage_id, i.version_id, i.score,
    (t.st - i.sr) / nullif(t.nt - i.nr, 0)
  FROM items i JOIN stage_totals t USING (application_id, stage_id)
  WHERE i.version_id IS NOT NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "analytics_rollups_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counts_now boolean := TG_OP <> 'DELETE' AND NEW.status = 'submitted';
  counted_before boolean := TG_OP <> 'INSERT' AND OLD.status = 'submitted';
BEGIN
  -- Drafts count nowhere: a draft saved, or deleted, as a draft changes no rollup.
  IF NOT coalesce(counts_now, false) AND NOT coalesce(counted_before, false) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_analytics_rollups(ARRAY[NEW.application_id]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_analytics_rollups(ARRAY[OLD.application_id]);
  ELSE
    PERFORM refresh_analytics_rollups(ARRAY[OLD.application_id, NEW.application_id]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "analytics_rollups_follow" AFTER INSERT OR DELETE OR UPDATE OF
  "status", "superseded_at", "answers", "competency_ratings", "recommendation", "stage_id",
  "interviewer_id", "application_id"
  ON "scorecards" FOR EACH ROW EXECUTE FUNCTION analytics_rollups_follow();
--> statement-breakpoint
SELECT refresh_analytics_rollups(ARRAY(SELECT id FROM applications));
