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
