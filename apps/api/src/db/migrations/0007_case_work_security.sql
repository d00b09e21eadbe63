-- Row-level security for case work (docs/access.md): information reports follow their data class
-- and the originator's handling code; risk assessments are clinical data, read as a summary
-- (instrument, dates, final judgement) or in detail (narrative, ratings, domain summaries).
CREATE OR REPLACE FUNCTION app_case_detail_visible(
  p_person uuid, p_stage text, p_establishment uuid, p_district text, p_municipality text,
  p_enrolled uuid[], p_class text
) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_person::text = ANY (app_setting_list('app.break_glass'))
      THEN p_class = ANY (app_setting_list('app.bg_detail_classes_' || lower(p_stage)))
    ELSE p_class = ANY (app_setting_list('app.detail_classes_' || lower(p_stage)))
      AND app_case_visible(p_person, p_stage, p_establishment, p_district, p_municipality, p_enrolled, NULL)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_class_detail_visible(p_person uuid, p_class text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM person_case_summaries s
    WHERE s.person_id = p_person
      AND app_case_detail_visible(s.person_id, app_case_stage(s.detention_status, s.closed_on), s.establishment_id,
                                  s.release_judicial_district, s.release_municipality, s.enrolled_with, p_class))
$$;
--> statement-breakpoint
-- Whether the actor reads clinical data in detail anywhere (the licensed instrument texts).
CREATE OR REPLACE FUNCTION app_reads_clinical_detail() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT 'CLINICAL' = ANY (app_setting_list('app.detail_classes_in_prison') || app_setting_list('app.detail_classes_released')
                           || app_setting_list('app.detail_classes_closed'))
$$;
--> statement-breakpoint
GRANT SELECT ON observation_indicators, assessment_instruments, instrument_domains, instrument_indicators TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON information_reports, information_report_links, risk_assessments, risk_assessment_details,
  risk_assessment_ratings, risk_assessment_domain_summaries, screening_assignments, screening_sources TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON watchlist_entries TO continuum_app;
--> statement-breakpoint
GRANT SELECT ON instrument_indicator_texts TO continuum_app;
--> statement-breakpoint
DO $$
DECLARE
  protected record;
BEGIN
  FOR protected IN SELECT * FROM (VALUES
    ('watchlist_entries', 'app_class_visible(person_id, ''INTELLIGENCE'')'),
    ('screening_assignments', 'app_class_visible(person_id, ''LISTING'')'),
    ('screening_sources', 'app_class_visible(person_id, ''LISTING'')'),
    ('risk_assessments', 'app_class_visible(person_id, ''CLINICAL'')'),
    ('risk_assessment_details', 'app_class_detail_visible(person_id, ''CLINICAL'')'),
    ('risk_assessment_ratings', 'app_class_detail_visible(person_id, ''CLINICAL'')'),
    ('risk_assessment_domain_summaries', 'app_class_detail_visible(person_id, ''CLINICAL'')'),
    ('information_report_links', 'EXISTS (SELECT 1 FROM information_reports r WHERE r.id = report_id)')
  ) AS t(table_name, visible) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
      protected.table_name || '_owner', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_app USING (%s)',
      protected.table_name || '_read', protected.table_name, protected.visible);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO continuum_app WITH CHECK (true)',
      protected.table_name || '_insert', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO continuum_app USING (%s) WITH CHECK (true)',
      protected.table_name || '_update', protected.table_name, protected.visible);
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE information_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE information_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY information_reports_owner ON information_reports TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The originating agency always; others where the matrix gives the report's class and the
-- handling code lets it travel to them (as disclosureOf in packages/domain/src/originator-control.ts).
CREATE POLICY information_reports_read ON information_reports FOR SELECT TO continuum_app USING (
  originator_agency_id::text = current_setting('app.agency_id', true)
  OR (app_class_visible(person_id, data_class) AND (
    handling_code IN ('SHARE_LAW_ENFORCEMENT', 'SHARE_WITH_CONDITIONS')
    OR (handling_code = 'ORIGINATOR_ONLY' AND current_setting('app.agency_kind', true) = 'CELEX'
        AND EXISTS (SELECT 1 FROM person_case_summaries s WHERE s.person_id = information_reports.person_id
                    AND s.category IS NOT NULL))
    OR (handling_code = 'NO_FURTHER_DISSEMINATION' AND addressed_to_agency_id::text = current_setting('app.agency_id', true))
  ))
);
--> statement-breakpoint
CREATE POLICY information_reports_insert ON information_reports FOR INSERT TO continuum_app
  WITH CHECK (originator_agency_id::text = current_setting('app.agency_id', true));
--> statement-breakpoint
ALTER TABLE instrument_indicator_texts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE instrument_indicator_texts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY instrument_indicator_texts_owner ON instrument_indicator_texts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY instrument_indicator_texts_read ON instrument_indicator_texts FOR SELECT TO continuum_app
  USING (app_reads_clinical_detail());
--> statement-breakpoint
-- Administrators load the licensed texts (the API checks the role) without being able to read them
-- back: a definer-rights function that writes and returns only how many texts it stored.
CREATE OR REPLACE FUNCTION app_load_instrument_texts(p_instrument uuid, p_texts jsonb, p_by uuid) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH loaded AS (
    INSERT INTO instrument_indicator_texts (indicator_id, text, created_by)
    SELECT i.id, t.text, p_by
    FROM jsonb_to_recordset(p_texts) AS t(code text, text text)
    JOIN instrument_indicators i ON i.code = t.code
    JOIN instrument_domains d ON d.id = i.domain_id AND d.instrument_id = p_instrument
    ON CONFLICT (indicator_id) DO UPDATE SET text = excluded.text, created_by = excluded.created_by, created_at = now()
    RETURNING 1)
  SELECT count(*)::integer FROM loaded
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_load_instrument_texts(uuid, jsonb, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_load_instrument_texts(uuid, jsonb, uuid) TO continuum_app;
