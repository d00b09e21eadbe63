-- The peak number of persons a unit holds on any day from p_from on (capacity checks). Definer's
-- rights: a unit's occupancy counts every placement in it, including persons the actor may not see;
-- the function returns a number, never who.
CREATE OR REPLACE FUNCTION app_unit_peak_occupancy(p_unit uuid, p_from date) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(max(n), 0)::integer FROM (
    SELECT d.day, count(DISTINCT p.person_id) AS n
    FROM (SELECT p_from AS day
          UNION SELECT valid_from FROM placements WHERE unit_id = p_unit AND valid_from > p_from) d
    JOIN placements p ON p.unit_id = p_unit AND p.valid_from <= d.day AND (p.valid_to IS NULL OR p.valid_to > d.day)
    GROUP BY d.day) peaks
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_unit_peak_occupancy(uuid, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_unit_peak_occupancy(uuid, date) TO continuum_app;
--> statement-breakpoint
-- Writes the case summary projection (computed by the API from the history, see
-- person-summary.ts). Definer's rights: a change may take a case out of the actor's sight (a
-- transfer to another prison), and the projection must still follow it.
CREATE OR REPLACE FUNCTION app_upsert_case_summaries(p_rows jsonb) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO person_case_summaries AS s (
    person_id, detention_status, current_episode_id, admitted_on, establishment_id, unit_id, category, labels,
    category_since, last_screened_on, next_screening_due_on, released_on, release_judicial_district,
    release_municipality, last_category, closed_on, enrolled_with, updated_at)
  SELECT r.person_id, r.detention_status, r.current_episode_id, r.admitted_on, r.establishment_id, r.unit_id,
         r.category, coalesce(r.labels, '{}'), r.category_since, r.last_screened_on, r.next_screening_due_on,
         r.released_on, r.release_judicial_district, r.release_municipality, r.last_category, r.closed_on,
         coalesce(r.enrolled_with, '{}'), now()
  FROM jsonb_populate_recordset(NULL::person_case_summaries, p_rows) r
  ON CONFLICT (person_id) DO UPDATE SET
    detention_status = excluded.detention_status, current_episode_id = excluded.current_episode_id,
    admitted_on = excluded.admitted_on, establishment_id = excluded.establishment_id, unit_id = excluded.unit_id,
    category = excluded.category, labels = excluded.labels, category_since = excluded.category_since,
    last_screened_on = excluded.last_screened_on, next_screening_due_on = excluded.next_screening_due_on,
    released_on = excluded.released_on, release_judicial_district = excluded.release_judicial_district,
    release_municipality = excluded.release_municipality, last_category = excluded.last_category,
    closed_on = coalesce(excluded.closed_on, s.closed_on), enrolled_with = excluded.enrolled_with, updated_at = now()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_upsert_case_summaries(jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_upsert_case_summaries(jsonb) TO continuum_app;
--> statement-breakpoint
-- The projection is written only through the function above.
REVOKE INSERT, UPDATE ON person_case_summaries FROM continuum_app;
--> statement-breakpoint
DROP POLICY person_case_summaries_insert ON person_case_summaries;
--> statement-breakpoint
DROP POLICY person_case_summaries_update ON person_case_summaries;
