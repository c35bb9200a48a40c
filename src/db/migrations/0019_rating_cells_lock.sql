-- Two cards of one application saved at the same moment both recomputed the application's rating
-- cells: each deleted the cells it could see and inserted new ones, and the second insert hit the
-- first one's uncommitted rows (a duplicate-key error, 23505, on the second save). The cells are
-- now recomputed with the application row locked first, so the second waits for the first and
-- its statements then see what the first committed (READ COMMITTED takes a snapshot per statement).
CREATE OR REPLACE FUNCTION "refresh_scorecard_rating_cells"(application_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- A card deleted with its application (a cascade) leaves nothing to recompute.
  application_ids := ARRAY(SELECT id FROM applications WHERE id = ANY (application_ids)
    ORDER BY id FOR NO KEY UPDATE);
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
-- Drafts have no ratings: saving, creating or deleting a draft that was never submitted changes
-- nothing, so it no longer recomputes (and locks) anything. The kit autosaves drafts often.
CREATE OR REPLACE FUNCTION "scorecard_ratings_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT coalesce(TG_OP <> 'DELETE' AND NEW.status = 'submitted', false)
    AND NOT coalesce(TG_OP <> 'INSERT' AND OLD.status = 'submitted', false) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM refresh_scorecard_rating_cells(ARRAY[OLD.application_id]);
  ELSE
    PERFORM refresh_scorecard_ratings(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;
