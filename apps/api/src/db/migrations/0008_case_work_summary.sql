ALTER TABLE "person_case_summaries" ADD COLUMN "screening_responsible_id" uuid;--> statement-breakpoint
ALTER TABLE "person_case_summaries" ADD COLUMN "last_assessed_on" date;--> statement-breakpoint
ALTER TABLE "person_case_summaries" ADD COLUMN "next_assessment_due_on" date;--> statement-breakpoint
CREATE INDEX "person_case_summaries_assessment_due_idx" ON "person_case_summaries" USING btree ("next_assessment_due_on");--> statement-breakpoint
-- The summary's sources gain the screening assignment and the latest risk assessment.
DROP FUNCTION app_summary_sources(uuid[]);
--> statement-breakpoint
CREATE FUNCTION app_summary_sources(p_ids uuid[])
RETURNS TABLE (
  person_id uuid, open_episode_id uuid, admitted_on text, has_episode boolean, last_released_on text,
  last_release_district text, last_release_municipality text, establishment_id uuid, unit_id uuid,
  category text, labels text[], listing_from text, screened_on text, next_due_on text, enrolled_with uuid[],
  last_category text, screening_responsible_id uuid, last_assessed_on text, last_assessment_review_on text
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id,
         oe.id, oe.admitted_on::text,
         le.id IS NOT NULL, le.released_on::text, le.release_judicial_district, le.release_municipality,
         pl.establishment_id, pl.unit_id,
         lp.category, lp.labels, lp.valid_from::text,
         sc.screened_on::text, sc.next_due_on::text,
         coalesce((SELECT array_agg(DISTINCT e.provider_agency_id) FROM programme_enrolments e
                   WHERE e.person_id = p.id AND e.ended_on IS NULL), '{}'::uuid[]),
         (SELECT l.category FROM listing_periods l WHERE l.person_id = p.id ORDER BY l.valid_from DESC LIMIT 1),
         (SELECT a.user_id FROM screening_assignments a WHERE a.person_id = p.id
          ORDER BY a.assigned_at DESC, a.id DESC LIMIT 1),
         ra.assessed_on::text, ra.next_review_on::text
  FROM persons p
  LEFT JOIN LATERAL (SELECT id, admitted_on FROM detention_episodes
                     WHERE person_id = p.id AND released_on IS NULL LIMIT 1) oe ON true
  LEFT JOIN LATERAL (SELECT id, released_on, release_judicial_district, release_municipality FROM detention_episodes
                     WHERE person_id = p.id ORDER BY admitted_on DESC LIMIT 1) le ON true
  LEFT JOIN LATERAL (SELECT establishment_id, unit_id FROM placements
                     WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) pl ON true
  LEFT JOIN LATERAL (SELECT category, labels, valid_from FROM listing_periods
                     WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) lp ON true
  LEFT JOIN LATERAL (SELECT screened_on, next_due_on FROM screenings
                     WHERE person_id = p.id AND episode_id = oe.id
                     ORDER BY screened_on DESC, created_at DESC LIMIT 1) sc ON true
  LEFT JOIN LATERAL (SELECT assessed_on, next_review_on FROM risk_assessments
                     WHERE person_id = p.id ORDER BY assessed_on DESC, created_at DESC LIMIT 1) ra ON true
  WHERE p.id = ANY (p_ids)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_summary_sources(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_summary_sources(uuid[]) TO continuum_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_upsert_case_summaries(p_rows jsonb) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO person_case_summaries AS s (
    person_id, detention_status, current_episode_id, admitted_on, establishment_id, unit_id, category, labels,
    category_since, last_screened_on, next_screening_due_on, released_on, release_judicial_district,
    release_municipality, last_category, closed_on, enrolled_with, screening_responsible_id, last_assessed_on,
    next_assessment_due_on, updated_at)
  SELECT r.person_id, r.detention_status, r.current_episode_id, r.admitted_on, r.establishment_id, r.unit_id,
         r.category, coalesce(r.labels, '{}'), r.category_since, r.last_screened_on, r.next_screening_due_on,
         r.released_on, r.release_judicial_district, r.release_municipality, r.last_category, r.closed_on,
         coalesce(r.enrolled_with, '{}'), r.screening_responsible_id, r.last_assessed_on, r.next_assessment_due_on,
         now()
  FROM jsonb_populate_recordset(NULL::person_case_summaries, p_rows) r
  ON CONFLICT (person_id) DO UPDATE SET
    detention_status = excluded.detention_status, current_episode_id = excluded.current_episode_id,
    admitted_on = excluded.admitted_on, establishment_id = excluded.establishment_id, unit_id = excluded.unit_id,
    category = excluded.category, labels = excluded.labels, category_since = excluded.category_since,
    last_screened_on = excluded.last_screened_on, next_screening_due_on = excluded.next_screening_due_on,
    released_on = excluded.released_on, release_judicial_district = excluded.release_judicial_district,
    release_municipality = excluded.release_municipality, last_category = excluded.last_category,
    closed_on = coalesce(excluded.closed_on, s.closed_on), enrolled_with = excluded.enrolled_with,
    screening_responsible_id = excluded.screening_responsible_id, last_assessed_on = excluded.last_assessed_on,
    next_assessment_due_on = excluded.next_assessment_due_on, updated_at = now()
$$;
--> statement-breakpoint
-- The latest version of a report lineage, whoever may read it: a reader must know that what they
-- see was superseded even when the correction is beyond their reach (it is then hidden, not shown
-- as current).
CREATE OR REPLACE FUNCTION app_report_latest_version(p_lineage uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT max(version) FROM information_reports WHERE lineage_id = p_lineage
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_report_latest_version(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_report_latest_version(uuid) TO continuum_app;
--> statement-breakpoint
-- The paper's Figure 2 on a date: inmates on the CelEx list, on the intelligence service's broader
-- list (entries of persons detained that day), and on both. Definer's rights: three numbers over every case, never who (the API decides
-- who may ask).
CREATE OR REPLACE FUNCTION app_listing_comparison(p_on date)
RETURNS TABLE (celex_listed integer, watchlisted integer, both_lists integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH celex AS (
    SELECT DISTINCT person_id FROM listing_periods
    WHERE valid_from <= p_on AND (valid_to IS NULL OR valid_to > p_on)),
  watch AS (
    SELECT DISTINCT w.person_id FROM watchlist_entries w
    JOIN detention_episodes e ON e.person_id = w.person_id
      AND e.admitted_on <= p_on AND (e.released_on IS NULL OR e.released_on > p_on)
    WHERE w.valid_from <= p_on AND (w.valid_to IS NULL OR w.valid_to > p_on))
  SELECT (SELECT count(*) FROM celex)::integer, (SELECT count(*) FROM watch)::integer,
         (SELECT count(*) FROM celex JOIN watch USING (person_id))::integer
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_listing_comparison(date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_listing_comparison(date) TO continuum_app;
