-- The originating agency reads its own reports through its case staff only (roles with a row of
-- the matrix): a statistician of the agency, who has no case, reads none
-- (disclosureOf in packages/domain/src/originator-control.ts).
DROP POLICY information_reports_read ON information_reports;
--> statement-breakpoint
CREATE POLICY information_reports_read ON information_reports FOR SELECT TO continuum_app USING (
  (originator_agency_id::text = current_setting('app.agency_id', true)
   AND cardinality(app_setting_list('app.places_in_prison') || app_setting_list('app.places_released')
                   || app_setting_list('app.places_closed')) > 0)
  OR (app_class_visible(person_id, data_class) AND (
    handling_code IN ('SHARE_LAW_ENFORCEMENT', 'SHARE_WITH_CONDITIONS')
    OR (handling_code = 'ORIGINATOR_ONLY' AND current_setting('app.agency_kind', true) = 'CELEX'
        AND EXISTS (SELECT 1 FROM person_case_summaries s WHERE s.person_id = information_reports.person_id
                    AND s.category IS NOT NULL))
    OR (handling_code = 'NO_FURTHER_DISSEMINATION' AND addressed_to_agency_id::text = current_setting('app.agency_id', true))
  ))
);
--> statement-breakpoint
-- A person's entries on the intelligence list never overlap.
ALTER TABLE watchlist_entries ADD CONSTRAINT watchlist_entries_no_overlap
  EXCLUDE USING gist (person_id WITH =, daterange(valid_from, valid_to) WITH &&);
--> statement-breakpoint
-- A release ends the open entry on the intelligence list of inmates, only for a release actually
-- recorded on that date. An entry that began on or after the release (recorded before the release
-- was) keeps one day, so the intelligence service's record stays, closed.
CREATE OR REPLACE FUNCTION app_close_watchlist_entry(p_person uuid, p_on date) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  UPDATE watchlist_entries SET valid_to = greatest(p_on, valid_from + 1)
  WHERE person_id = p_person AND valid_to IS NULL
    AND EXISTS (SELECT 1 FROM detention_episodes e WHERE e.person_id = p_person AND e.released_on = p_on)
$$;

--> statement-breakpoint
-- The summary's sources also tell since when a listed person has been on the list without a break.
DROP FUNCTION app_summary_sources(uuid[]);
--> statement-breakpoint
CREATE FUNCTION app_summary_sources(p_ids uuid[])
RETURNS TABLE (
  person_id uuid, open_episode_id uuid, admitted_on text, has_episode boolean, last_released_on text,
  last_release_district text, last_release_municipality text, establishment_id uuid, unit_id uuid,
  category text, labels text[], listing_from text, screened_on text, next_due_on text, enrolled_with uuid[],
  last_category text, screening_responsible_id uuid, last_assessed_on text, last_assessment_review_on text,
  listed_since text
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
         ra.assessed_on::text, ra.next_review_on::text,
         -- The start of the unbroken run of listing periods that leads to the open one: a change of
         -- category closes one period and opens the next on the same day.
         (SELECT max(q.valid_from)::text FROM listing_periods q
          WHERE q.person_id = p.id AND q.valid_from <= lp.valid_from
            AND NOT EXISTS (SELECT 1 FROM listing_periods r WHERE r.person_id = p.id AND r.valid_to = q.valid_from))
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
